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
    private readonly StreamVersions _versions = new();
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _checkpointer;
    private readonly CancellationTokenSource _closing = new();

    private SqliteEventStore(string connectionString, SqliteConnection writer, EventStoreOptions options, ILogger logger, (long Head, long Checkpoint) index)
        : base(options, logger)
    {
        _connectionString = connectionString;
        _writer = writer;
        _logPath = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";
        _statements = new WriterStatements(writer);
        _checkpointer = Task.Run(CheckpointLoopAsync);
        Indexer = new SqliteIndexer(HoldWriterAsync, () => _writer.State == System.Data.ConnectionState.Open ? _writer : null, logger, index.Head, index.Checkpoint);
    }

    /// <summary>Writes the tag rows and filter columns behind the log (<see cref="SqliteIndexer"/>).</summary>
    internal SqliteIndexer Indexer { get; }

    /// <summary>The events after the indexer's checkpoint, which filtered queries read from the log (as this process knows it).</summary>
    public long IndexLag => Indexer.Lag;

    private protected override string LogQuerySql(IReadOnlyList<string> where, IReadOnlyList<(string Column, string Condition)> filters,
        IReadOnlyList<(string Kind, string Parameter)> tags, bool forwards, string limit) =>
        SqliteIndexer.LogQuerySql(Columns, where, filters, tags, forwards, limit);

    private protected override string PositionRecordedBySql => SqliteIndexer.PositionRecordedBySql;

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
        (long Head, long Checkpoint) index;
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
        return new Session(_statements, _versions, transaction, head =>
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

    protected override object EventIdValue(Guid eventId) => eventId.ToString("D");

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

    /// <summary>
    /// The writer's statements, prepared once for the writer connection and reused by every batch: preparing them
    /// for each batch was a tenth of the writer's time. SQLite runs in process, so a query per stream or key costs
    /// a step of a prepared statement, not a round trip. The inserts and the version probe, run for every event, go
    /// straight to SQLite's C API (<see cref="RawStatement"/>); the others, run once a batch or decoded by code that
    /// PostgreSQL shares, are ADO.NET commands.
    /// </summary>
    private sealed class WriterStatements : IDisposable
    {
        private static readonly string[] EventColumns =
            ["position", "stream_id", "stream_version", "event_id", "event_type", "data", "metadata", "effective_date", "recorded_at",
             "provinces", "domain", "clusters", "campaign", "actor", "source", "prev_hash", "hash"];

        private readonly SqliteCommand[] _commands;

        public WriterStatements(SqliteConnection connection)
        {
            // The database's clock has milliseconds; the store keeps microseconds.
            Clock = Command(connection, "SELECT CAST(ROUND(unixepoch('now', 'subsec') * 1000) AS INTEGER) * 1000");
            Tip = Command(connection, TipQuery);
            Key = Command(connection, "SELECT principal, idempotency_key, request_hash, result FROM idempotency_keys WHERE principal = $p AND idempotency_key = $k", "$p", "$k");
            _commands = [Clock, Tip, Key];
            try
            {
                // One probe of the (stream_id, stream_version) index.
                Version = new RawStatement(connection, "SELECT MAX(stream_version) FROM events WHERE stream_id = ?1");
                InsertEvent = new RawStatement(connection,
                    $"INSERT INTO events ({string.Join(", ", EventColumns)}) VALUES ({string.Join(", ", EventColumns.Select((_, i) => $"?{i + 1}"))})");
                InsertKey = new RawStatement(connection,
                    "INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public SqliteCommand Clock { get; }
        public SqliteCommand Tip { get; }
        public SqliteCommand Key { get; }
        public RawStatement Version { get; } = null!;
        public RawStatement InsertEvent { get; } = null!;
        public RawStatement InsertKey { get; } = null!;

        private IEnumerable<RawStatement?> Raw => [Version, InsertEvent, InsertKey];

        private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            return command;
        }

        /// <summary>Puts the ADO.NET commands in the batch's transaction (Microsoft.Data.Sqlite requires the connection's current one).</summary>
        public void Enlist(SqliteTransaction transaction)
        {
            foreach (var command in _commands) command.Transaction = transaction;
        }

        public void Dispose()
        {
            // Those prepared before a failure in the constructor, or all of them.
            foreach (var statement in Raw) statement?.Dispose();
            foreach (var command in _commands) command.Dispose();
        }
    }

    /// <summary>
    /// A statement prepared on a connection's handle and run through SQLite's C API: binding a value is one native
    /// call, with none of ADO.NET's parameter objects, type inference or data reader. It runs in whatever
    /// transaction the connection has open, and is reset after every step, so that it never holds the transaction
    /// open. Errors are thrown as <see cref="SqliteException"/> with SQLite's code, as ADO.NET would.
    /// </summary>
    private sealed class RawStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public RawStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
            var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
            if (rc != raw.SQLITE_OK) throw Error(rc);
        }

        public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

        public void Bind(int index, string? value) =>
            Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

        /// <summary>Binds the bytes of a hexadecimal text (the hashes) as a blob.</summary>
        public void BindHex(int index, string hex)
        {
            Span<byte> bytes = stackalloc byte[hex.Length / 2];
            if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != bytes.Length)
                throw new FormatException("A hash is not hexadecimal text.");
            Check(raw.sqlite3_bind_blob(_statement, index, bytes));
        }

        /// <summary>Runs a statement that returns no rows.</summary>
        public void Execute()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) throw Failed(rc);
            raw.sqlite3_reset(_statement);
        }

        /// <summary>Runs a query of one integer: null when it returns no row or NULL.</summary>
        public long? ExecuteInt64()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw Failed(rc);
            long? value = rc == raw.SQLITE_ROW && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(_statement, 0) : null;
            raw.sqlite3_reset(_statement);
            return value;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw Error(rc);
        }

        private SqliteException Failed(int rc)
        {
            var error = Error(rc);
            raw.sqlite3_reset(_statement);
            return error;
        }

        private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));

        public void Dispose() => _statement?.Dispose();
    }

    /// <summary>
    /// The versions of streams as of the head <see cref="At"/>, kept by the writer between batches so that a batch
    /// need not look them up again. A batch reads the head under the write lock: if it is not <see cref="At"/>,
    /// someone else wrote (another process on the same file) and what is kept is dropped. A batch's own versions
    /// are kept only once its commit returned.
    /// </summary>
    private sealed class StreamVersions
    {
        /// <summary>Past this many streams the writer starts again from empty, rather than keep every stream ever written.</summary>
        private const int MaxStreams = 50_000;

        private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

        public long At { get; private set; } = -1;

        /// <summary>Keeps what is known if the head is still <see cref="At"/>; else forgets it and starts at <paramref name="head"/>.</summary>
        public void Check(long head)
        {
            if (head == At) return;
            _versions.Clear();
            At = head;
        }

        public bool TryGet(string stream, out long version) => _versions.TryGetValue(stream, out version);

        /// <summary>A version read at <see cref="At"/> (0 for a stream with no events).</summary>
        public void Add(string stream, long version)
        {
            if (_versions.Count >= MaxStreams) _versions.Clear();
            _versions[stream] = version;
        }

        /// <summary>A commit that ended at <paramref name="head"/> and left these streams at these versions.</summary>
        public void Committed(long head, Dictionary<string, long> written)
        {
            if (_versions.Count + written.Count > MaxStreams) _versions.Clear();
            foreach (var (stream, version) in written) _versions[stream] = version;
            At = head;
        }
    }

    private sealed class Session(WriterStatements statements, StreamVersions known, SqliteTransaction transaction, Action<long> committed) : WriteSession
    {
        private readonly Dictionary<string, long> _written = new(StringComparer.Ordinal);
        private long _lastPosition = -1;

        /// <summary>In process, a statement each: round trips cost nothing here.</summary>
        public override Task<BatchState> ReadStateAsync(List<string> streams, List<IdempotencyRequest> keys, CancellationToken cancellationToken)
        {
            // The transaction began IMMEDIATE, so it already holds the write lock.
            var now = Convert.ToInt64(statements.Clock.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            (long Position, string Hash, long RecordedAt) tip;
            using (var reader = statements.Tip.ExecuteReader())
                tip = reader.Read() ? TipOf(reader) : (0L, EventHashing.GenesisHash, 0L);

            known.Check(tip.Position);
            var versions = new Dictionary<string, long>(streams.Count, StringComparer.Ordinal);
            foreach (var id in streams)
            {
                if (!known.TryGet(id, out var version))
                {
                    statements.Version.Bind(1, id);
                    version = statements.Version.ExecuteInt64() ?? 0;
                    known.Add(id, version);
                }
                if (version > 0) versions[id] = version;
            }

            var keysFound = new Dictionary<(string, string), StoredIdempotency>();
            var (principal, key) = (statements.Key.Parameters[0], statements.Key.Parameters[1]);
            foreach (var request in keys)
            {
                (principal.Value, key.Value) = (request.Principal, request.Key);
                using var reader = statements.Key.ExecuteReader();
                if (reader.Read()) keysFound[(request.Principal, request.Key)] = KnownKeyOf(reader);
            }
            return Task.FromResult(new BatchState(now, tip.Position, tip.Hash, tip.RecordedAt, versions, keysFound));
        }

        public override Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken)
        {
            var insert = statements.InsertEvent;
            foreach (var e in events)
            {
                insert.Bind(1, e.Position);
                insert.Bind(2, e.StreamId);
                insert.Bind(3, e.StreamVersion);
                insert.Bind(4, e.EventId.ToString("D"));
                insert.Bind(5, e.EventType);
                insert.Bind(6, e.Data);
                insert.Bind(7, e.Metadata);
                insert.Bind(8, e.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                insert.Bind(9, EventHashing.ToMicroseconds(e.RecordedAt));
                insert.Bind(10, EventHashing.ArrayText(e.Tags.Provinces));
                insert.Bind(11, e.Tags.Domain);
                insert.Bind(12, EventHashing.ArrayText(e.Tags.Clusters));
                insert.Bind(13, e.Tags.Campaign);
                insert.Bind(14, e.Tags.Actor);
                insert.Bind(15, e.Tags.Source);
                insert.BindHex(16, e.PrevHash);
                insert.BindHex(17, e.Hash);
                insert.Execute();
                _written[e.StreamId] = e.StreamVersion;
                _lastPosition = e.Position;
            }

            var command = statements.InsertKey;
            foreach (var key in keys)
            {
                command.Bind(1, key.Principal);
                command.Bind(2, key.Key);
                command.Bind(3, key.RequestHash);
                command.Bind(4, key.Result.StreamId);
                command.Bind(5, System.Text.Json.JsonSerializer.Serialize(key.Result, JsonOptions));
                command.Bind(6, key.Result.FromPosition);
                command.Execute();
            }
            return Task.CompletedTask;
        }

        public override Task CommitAsync(CancellationToken cancellationToken)
        {
            transaction.Commit();
            if (_lastPosition > 0) known.Committed(_lastPosition, _written);
            committed(_lastPosition);
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync()
        {
            transaction.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
