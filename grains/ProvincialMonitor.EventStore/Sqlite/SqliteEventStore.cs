using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, written by this process only. The batch lock is
/// SQLite's write transaction; readers use their own pooled connections and never block the writer.
/// </summary>
public sealed class SqliteEventStore : RelationalEventStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;

    private SqliteEventStore(string connectionString, SqliteConnection writer, EventStoreOptions options, ILogger logger)
        : base(options, logger)
    {
        _connectionString = connectionString;
        _writer = writer;
    }

    public string FilePath => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    /// <summary>The commit durability in force on the writer connection, as SQLite reports it after opening.</summary>
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

        var writer = new SqliteConnection(connectionString);
        try
        {
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            var synchronous = (options ?? new EventStoreOptions()).SqliteSynchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL";
            await ExecuteAsync(writer, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = 30000;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(writer, logger ?? NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        long mode;
        await using (var read = writer.CreateCommand())
        {
            read.CommandText = "PRAGMA synchronous";
            mode = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        return new SqliteEventStore(connectionString, writer, options ?? new EventStoreOptions(), logger ?? NullLogger.Instance)
        {
            Synchronous = mode == 1 ? SqliteSynchronous.Normal : SqliteSynchronous.Full,
        };
    }

    private static async Task MigrateAsync(SqliteConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        // The write transaction (BEGIN IMMEDIATE) is the migration lock: a second process waits for it.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken, transaction).ConfigureAwait(false);
        var applied = new HashSet<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt64(0));
        }

        foreach (var (version, name, sql) in SqliteSchema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            logger.LogInformation("Applying SQLite event store migration {Version}: {Name}", version, name);
            await ExecuteAsync(connection, sql, cancellationToken, transaction).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, datetime('now'))";
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@n", name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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
            await _writer.OpenAsync(cancellationToken).ConfigureAwait(false);
        var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new Session(_writer, transaction);
    }

    protected override object EventIdValue(Guid eventId) => eventId.ToString("D");

    protected override bool IsUnavailable(Exception exception) => exception is SqliteException
    {
        SqliteErrorCode: 5 /* BUSY */ or 6 /* LOCKED */ or 8 /* READONLY */ or 10 /* IOERR */ or 13 /* FULL */ or 14 /* CANTOPEN */
    } or IOException;

    protected override async ValueTask DisposeCoreAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private sealed class Session(SqliteConnection connection, SqliteTransaction transaction) : WriteSession
    {
        private SqliteCommand CreateCommand(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        /// <summary>In process, a query each: round trips cost nothing here.</summary>
        public override async Task<BatchState> ReadStateAsync(List<string> streams, List<IdempotencyRequest> keys, CancellationToken cancellationToken)
        {
            // The transaction began IMMEDIATE, so it already holds the write lock. SQLite's clock has milliseconds.
            long now;
            await using (var clock = CreateCommand("SELECT CAST(ROUND(unixepoch('now', 'subsec') * 1000) AS INTEGER) * 1000"))
                now = Convert.ToInt64(await clock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            (long Position, string Hash, long RecordedAt) tip;
            await using (var head = CreateCommand(TipQuery))
            await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                tip = await ReadTipAsync(reader, cancellationToken).ConfigureAwait(false);
            var versions = await ReadStreamVersionsAsync(streams, cancellationToken).ConfigureAwait(false);
            var known = await ReadKnownKeysAsync(keys, cancellationToken).ConfigureAwait(false);
            return new BatchState(now, tip.Position, tip.Hash, tip.RecordedAt, versions, known);
        }

        private async Task<Dictionary<string, long>> ReadStreamVersionsAsync(List<string> streams, CancellationToken cancellationToken)
        {
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var command = CreateCommand("");
            var names = streams.Select((s, i) => AddParameter(command, $"@s{i}", s)).ToArray();
            // One MAX per stream as a scalar subquery: one probe of the (stream_id, stream_version) index each.
            // "WHERE stream_id IN (…) GROUP BY stream_id" read every row of each stream (O(stream length) per append).
            command.CommandText = "SELECT v.column1, (SELECT MAX(stream_version) FROM events WHERE stream_id = v.column1) FROM (VALUES " +
                                  string.Join(", ", names.Select(n => $"({n})")) + ") AS v";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                if (!reader.IsDBNull(1)) versions[reader.GetString(0)] = reader.GetInt64(1);
            return versions;
        }

        private async Task<Dictionary<(string, string), StoredIdempotency>> ReadKnownKeysAsync(List<IdempotencyRequest> keys, CancellationToken cancellationToken)
        {
            if (keys.Count == 0) return [];
            await using var command = CreateCommand("");
            var conditions = keys.Select((k, i) =>
                $"(principal = {AddParameter(command, $"@p{i}", k.Principal)} AND idempotency_key = {AddParameter(command, $"@k{i}", k.Key)})");
            command.CommandText = $"SELECT principal, idempotency_key, request_hash, result FROM idempotency_keys WHERE {string.Join(" OR ", conditions)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await RelationalEventStore.ReadKnownKeysAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        public override async Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken)
        {
            await using var insert = CreateCommand(
                "INSERT INTO events (position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, " +
                "provinces, domain, clusters, campaign, actor, source, prev_hash, hash) VALUES " +
                "(@position, @stream, @version, @id, @type, @data, @metadata, @effective, @recorded, @provinces, @domain, @clusters, @campaign, @actor, @source, @prev, @hash)");
            var p = insert.Parameters;
            string[] names = ["@position", "@stream", "@version", "@id", "@type", "@data", "@metadata", "@effective", "@recorded",
                "@provinces", "@domain", "@clusters", "@campaign", "@actor", "@source", "@prev", "@hash"];
            foreach (var name in names) p.Add(new SqliteParameter { ParameterName = name });

            await using var tag = CreateCommand("INSERT INTO event_tags (kind, value, position) VALUES (@kind, @value, @position)");
            tag.Parameters.Add(new SqliteParameter { ParameterName = "@kind" });
            tag.Parameters.Add(new SqliteParameter { ParameterName = "@value" });
            tag.Parameters.Add(new SqliteParameter { ParameterName = "@position" });

            foreach (var e in events)
            {
                object?[] values = [e.Position, e.StreamId, e.StreamVersion, e.EventId.ToString("D"), e.EventType, e.Data, e.Metadata,
                    e.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    EventHashing.ToMicroseconds(e.RecordedAt), EventHashing.ArrayText(e.Tags.Provinces), e.Tags.Domain,
                    EventHashing.ArrayText(e.Tags.Clusters), e.Tags.Campaign, e.Tags.Actor, e.Tags.Source,
                    Convert.FromHexString(e.PrevHash), Convert.FromHexString(e.Hash)];
                for (var i = 0; i < values.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

                foreach (var (kind, value) in TagRows(e))
                {
                    tag.Parameters[0].Value = kind;
                    tag.Parameters[1].Value = value;
                    tag.Parameters[2].Value = e.Position;
                    await tag.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (keys.Count == 0) return;
            await using var command = CreateCommand(
                "INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) VALUES (@p, @k, @h, @s, @r, @pos)");
            foreach (var name in (string[])["@p", "@k", "@h", "@s", "@r", "@pos"]) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            foreach (var key in keys)
            {
                object[] values = [key.Principal, key.Key, key.RequestHash, key.Result.StreamId,
                    System.Text.Json.JsonSerializer.Serialize(key.Result, JsonOptions), key.Result.FromPosition];
                for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public override Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public override ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
