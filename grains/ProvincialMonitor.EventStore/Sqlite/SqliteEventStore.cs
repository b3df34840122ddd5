using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;

namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, written by this process only. The batch lock is
/// SQLite's write transaction; readers use their own pooled connections and never block the writer.
/// </summary>
public sealed class SqliteEventStore : RelationalEventStore
{
    /// <summary>How long the checkpointer lets commits gather after the first one it was told of.</summary>
    private static readonly TimeSpan CheckpointDelay = TimeSpan.FromMilliseconds(250);

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly string _logPath;
    private WriterStatements _statements;
    private readonly StreamTail _tail;
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _checkpointer;
    private readonly CancellationTokenSource _closing = new();

    private SqliteEventStore(string connectionString, SqliteConnection writer, EventStoreOptions options, ILogger logger, (long Head, (long Tags, long Streams) Checkpoint) index)
        : base(options, logger)
    {
        _connectionString = connectionString;
        _writer = writer;
        _logPath = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";
        _statements = new WriterStatements(writer);
        _tail = new StreamTail(index.Checkpoint.Streams);
        _checkpointer = Task.Run(CheckpointLoopAsync);
        Indexer = new SqliteIndexer(HoldWriterAsync, () => _writer.State == System.Data.ConnectionState.Open ? _writer : null, logger, index.Head, index.Checkpoint);
    }

    /// <summary>Writes the tag rows, the filter columns and the stream index behind the log (<see cref="SqliteIndexer"/>).</summary>
    internal SqliteIndexer Indexer { get; }

    /// <summary>The events after the indexer's checkpoint, which filtered queries read from the log (as this process knows it).</summary>
    public long IndexLag => Indexer.Lag;

    private protected override string LogQuerySql(IReadOnlyList<string> where, IReadOnlyList<(string Column, string Condition)> filters,
        IReadOnlyList<(string Kind, string Parameter)> tags, bool forwards, string limit) =>
        SqliteIndexedQueries.LogQuerySql(Columns, where, filters, tags, forwards, limit);

    private protected override string PositionRecordedBySql => SqliteIndexedQueries.PositionRecordedBySql;

    public string FilePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>
    /// The commit durability: <see cref="SqliteSynchronous.Full"/> answers an append once its commit is synced to disk
    /// (by SQLite, or by this store after the commit; see <see cref="FlushCommitsAsync"/>).
    /// </summary>
    public SqliteSynchronous Synchronous { get; private init; }

    /// <summary>Opens (creating it if needed) the store in the file at <paramref name="path"/> and migrates its schema.</summary>
    public static async Task<SqliteEventStore> OpenAsync(
        string path, EventStoreOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        options ??= new EventStoreOptions();
        var writer = new SqliteConnection(connectionString);
        bool flushesItself;
        (long Head, (long Tags, long Streams) Checkpoint) index;
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            // No automatic checkpoint: it would run inside a batch's commit and hold up the writer (a third of the commit
            // time under load). The checkpointer below copies the log into the database beside the writer.
            await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 0;",
                cancellationToken).ConfigureAwait(false);
            await SqliteMigrator.MigrateAsync(writer, fullPath, options.FreeDiskBytes ?? SqliteMigrator.FreeBytes, logger ?? NullLogger.Instance, cancellationToken).ConfigureAwait(false);
            index = await SqliteIndexer.ReadPositionsAsync(writer, cancellationToken).ConfigureAwait(false);

            // The batches commit without a sync (NORMAL). With Full, the store syncs the log itself after each commit and
            // answers the appends after that sync, while the writer goes on with the next batch (see CommitsNeedFlush).
            // That needs the log in its own file: without WAL (a file system that cannot share memory), SQLite syncs.
            await using var mode = writer.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            var wal = string.Equals(Convert.ToString(await mode.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture),
                "wal", StringComparison.OrdinalIgnoreCase);
            flushesItself = wal && options.SqliteSynchronous == SqliteSynchronous.Full;
            if (wal || options.SqliteSynchronous == SqliteSynchronous.Normal)
                await ExecuteAsync(writer, "PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteEventStore(connectionString, writer, options, logger ?? NullLogger.Instance, index)
        {
            Synchronous = options.SqliteSynchronous,
            FlushesItself = flushesItself,
        };
    }

    /// <summary>Whether this store syncs the write-ahead log itself after each commit (Full on a file system with WAL).</summary>
    private bool FlushesItself { get; init; }

    private protected override bool CommitsNeedFlush => FlushesItself;

    /// <summary>
    /// Syncs the write-ahead log file, which holds every commit returned so far: a sync covers the file, whichever
    /// descriptor wrote it. The file is opened for each sync, so that a log that SQLite made anew is never missed.
    /// </summary>
    private protected override Task FlushCommitsAsync()
    {
        using var log = new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        log.Flush(flushToDisk: true);
        return Task.CompletedTask;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private protected override async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (_writer.State != System.Data.ConnectionState.Open)
        {
            // The statements prepared on SQLite's handle belong to the connection that was: prepare them again.
            _statements.Dispose();
            await _writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            _statements = new WriterStatements(_writer);
        }
        if (Interlocked.Exchange(ref _restartLog, 0) == 1)
        {
            // The checkpointer copied the log while the writer went on; this copies the little committed since. The
            // next transaction then finds the whole log copied and writes it again from its start (SQLite restarts
            // the log only when a write transaction begins so), which a checkpoint beside a busy writer never sees.
            try
            {
                using var checkpoint = _writer.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                Logger.LogWarning(ex, "A checkpoint of the SQLite log failed on the writer; it is tried again later");
            }
        }
        Indexer.CatchUpIfBehind(_writer);
        var transaction = _writer.BeginTransaction();
        _statements.Enlist(transaction);
        return new SqliteWriteSession(_statements, _tail, () => Indexer.StreamCheckpoint, transaction, head =>
        {
            _commits.Writer.TryWrite(true);
            Indexer.Committed(head);
        });
    }

    /// <summary>Set by the checkpointer when the log has grown past <see cref="RestartPages"/>; taken by the writer.</summary>
    private int _restartLog;

    /// <summary>The log's length in pages past which the writer lets it start again from the beginning (SQLite's own checkpoint default).</summary>
    private const long RestartPages = 1000;

    /// <summary>
    /// Copies committed pages from the write-ahead log into the database (a PASSIVE checkpoint: it never blocks the
    /// writer or the readers), on its own connection, a moment after commits were made. What SQLite does by itself
    /// at 1,000 pages, in the committing call, is turned off on the writer. When the log has grown past
    /// <see cref="RestartPages"/>, the writer is asked to let it start again (see <see cref="BeginWriteAsync"/>).
    /// </summary>
    private async Task CheckpointLoopAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (await _commits.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                try
                {
                    await Task.Delay(CheckpointDelay, _closing.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Closing: at once, so that the store's last commits are copied before the writer closes.
                }
                _commits.Reader.TryRead(out _);
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(_connectionString);
                        await connection.OpenAsync().ConfigureAwait(false);
                    }
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await using var result = await checkpoint.ExecuteReaderAsync().ConfigureAwait(false);
                    // busy, pages in the log, pages copied
                    if (await result.ReadAsync().ConfigureAwait(false) && result.GetInt64(1) >= RestartPages) Interlocked.Exchange(ref _restartLog, 1);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The log keeps the commits; the next checkpoint copies them, on a new connection.
                    Logger.LogWarning(ex, "A checkpoint of the SQLite log failed; it is tried again after the next commit");
                    if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An event id as its 16 bytes in big-endian (RFC) order, as the log keeps it.</summary>
    protected override object EventIdValue(Guid eventId) => eventId.ToByteArray(bigEndian: true);

    /// <summary>The log's rows with their streams' ids (the log keeps their numbers).</summary>
    private protected override string Rows => "event_rows";

    private protected override string StreamCondition(string stream, string? fromVersion, string? toVersion) =>
        SqliteIndexedQueries.StreamCondition(stream, fromVersion, toVersion);

    protected override bool IsUnavailable(Exception exception) => exception is SqliteException
    {
        SqliteErrorCode: 5 /* BUSY */ or 6 /* LOCKED */ or 8 /* READONLY */ or 10 /* IOERR */ or 13 /* FULL */ or 14 /* CANTOPEN */
    } or IOException;

    protected override async ValueTask DisposeCoreAsync()
    {
        await Indexer.DisposeAsync().ConfigureAwait(false);
        _commits.Writer.TryComplete();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _checkpointer.ConfigureAwait(false);
        _closing.Dispose();
        _statements.Dispose();
        await _writer.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }
}
