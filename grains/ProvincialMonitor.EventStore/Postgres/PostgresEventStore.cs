using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace ProvincialMonitor.EventStore.Postgres;

/// <summary>
/// The server store: any number of silos append through one transaction-level advisory lock per
/// batch; LISTEN/NOTIFY wakes subscribers (one NOTIFY per batch, one listener connection per store
/// outside the pool), and polling covers a lost notification.
/// </summary>
public sealed class PostgresEventStore : RelationalEventStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _listenerConnectionString;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _listener;

    private PostgresEventStore(NpgsqlDataSource dataSource, string listenerConnectionString, EventStoreOptions options, ILogger logger)
        : base(options, logger)
    {
        _dataSource = dataSource;
        _listenerConnectionString = listenerConnectionString;
        _listener = Task.Run(ListenAsync);
    }

    /// <summary>The pool's size after capping.</summary>
    public int MaxPoolSize { get; private init; }

    /// <summary>Connects, caps the pool below the server's max_connections, migrates the schema and starts listening.</summary>
    public static async Task<PostgresEventStore> OpenAsync(
        string connectionString, EventStoreOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new EventStoreOptions();
        logger ??= NullLogger.Instance;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var poolSizeGiven = connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase);
        // A silo cut off from the network in the middle of an append would hold the append lock until the
        // server noticed the dead connection (TCP keepalive: hours), stopping every other silo's writes.
        // Appends never wait between statements, so a transaction idle for 10 s is ended by the server.
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c idle_in_transaction_session_timeout=10000";

        await using (var probe = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await probe.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SHOW max_connections", probe);
            var serverLimit = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, CultureInfo.InvariantCulture);
            // Leave room for other silos, the Orleans providers' pools, listeners and administrators.
            var cap = Math.Max(2, serverLimit / 4);
            var wanted = poolSizeGiven ? builder.MaxPoolSize : options.PostgresPoolSize;
            builder.MaxPoolSize = Math.Min(wanted, cap);
            if (builder.MaxPoolSize < wanted)
                logger.LogWarning("The event store pool is capped at {Pool} connections (server max_connections {Limit})", builder.MaxPoolSize, serverLimit);
            await MigrateAsync(probe, logger, cancellationToken).ConfigureAwait(false);
        }

        var listener = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        return new PostgresEventStore(dataSource, listener, options, logger) { MaxPoolSize = builder.MaxPoolSize };
    }

    private static async Task MigrateAsync(NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        // A session-level advisory lock, so that silos starting together migrate one after the other.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresSchema.MigrationLock})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt32(0));

            foreach (var (version, name, sql) in PostgresSchema.Migrations.Where(m => !applied.Contains(m.Version)))
            {
                logger.LogInformation("Applying PostgreSQL event store migration {Version}: {Name}", version, name);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", connection))
                {
                    record.Parameters.AddWithValue("v", version);
                    record.Parameters.AddWithValue("n", name);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresSchema.MigrationLock})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ListenAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenerConnectionString);
                await connection.OpenAsync(token).ConfigureAwait(false);
                connection.Notification += (_, _) => Signal.Notify();
                await ExecuteAsync(connection, $"LISTEN {PostgresSchema.Channel}", token).ConfigureAwait(false);
                _listening.TrySetResult();
                Signal.Notify(); // whatever was committed while not listening
                while (true) await connection.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "The event store's listener connection failed; subscriptions poll until it is back");
                try { await Task.Delay(TimeSpan.FromSeconds(2), token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    protected override async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        // Listen before catching up; if the listener cannot connect, polling still delivers.
        try { await _listening.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false); }
        catch (TimeoutException) { Logger.LogWarning("Subscribing without a listener; polling every {Interval}", Options.PollInterval); }
    }

    protected override async ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private protected override async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new Session(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exception
                                || pg.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
                                || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // shutdown, cannot connect now
                                || pg.SqlState is "40001" or "40P01",                    // serialization failure, deadlock
        NpgsqlException => true, // no answer from the server at all
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    protected override async ValueTask DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _listener.ConfigureAwait(false);
        _stopping.Dispose();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeCoreAsync().ConfigureAwait(false);
    }

    private sealed class Session(NpgsqlConnection connection, NpgsqlTransaction transaction) : WriteSession
    {
        public override DbCommand CreateCommand(string sql) => new NpgsqlCommand(sql, connection, transaction);

        public override async Task<long> LockAsync(CancellationToken cancellationToken)
        {
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.AppendLock})", connection, transaction))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            // clock_timestamp(), not now(): the time under the lock, not the transaction's start.
            await using var clock = new NpgsqlCommand("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint", connection, transaction);
            return (long)(await clock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        public override async Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken)
        {
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY events (position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, " +
                "provinces, domain, clusters, campaign, actor, source, prev_hash, hash) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                foreach (var e in events)
                {
                    await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.Position, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.StreamId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.StreamVersion, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.EventId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.EventType, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.Data, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.Metadata, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.EffectiveDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(EventHashing.ToMicroseconds(e.RecordedAt), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(EventHashing.ArrayText(e.Tags.Provinces), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteNullableAsync(copy, e.Tags.Domain, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(EventHashing.ArrayText(e.Tags.Clusters), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await WriteNullableAsync(copy, e.Tags.Campaign, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.Tags.Actor, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(e.Tags.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(Convert.FromHexString(e.PrevHash), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                    await copy.WriteAsync(Convert.FromHexString(e.Hash), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }
                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            var tags = events.SelectMany(e => TagRows(e).Select(t => (t.Kind, t.Value, e.Position))).ToList();
            if (tags.Count > 0)
            {
                await using var copy = await connection.BeginBinaryImportAsync(
                    "COPY event_tags (kind, value, position) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
                foreach (var (kind, value, position) in tags)
                    await copy.WriteRowAsync(cancellationToken, kind, value, position).ConfigureAwait(false);
                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (keys.Count > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var key in keys)
                {
                    var command = new NpgsqlBatchCommand(
                        "INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) VALUES ($1, $2, $3, $4, $5, $6)");
                    command.Parameters.Add(new NpgsqlParameter { Value = key.Principal });
                    command.Parameters.Add(new NpgsqlParameter { Value = key.Key });
                    command.Parameters.Add(new NpgsqlParameter { Value = key.RequestHash });
                    command.Parameters.Add(new NpgsqlParameter { Value = key.Result.StreamId });
                    command.Parameters.Add(new NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(key.Result, JsonOptions) });
                    command.Parameters.Add(new NpgsqlParameter { Value = key.Result.FromPosition });
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
            value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

        public override async Task CommitAsync(long headPosition, CancellationToken cancellationToken)
        {
            // Delivered at commit: one wake-up per batch for every silo's subscriptions.
            await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresSchema.Channel}', $1)", connection, transaction))
            {
                notify.Parameters.Add(new NpgsqlParameter { Value = headPosition.ToString(CultureInfo.InvariantCulture) });
                await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        public override async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
