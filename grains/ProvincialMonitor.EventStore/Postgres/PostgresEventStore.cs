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
            // The same statements run for every batch and page: prepared once per connection, not parsed and planned each time.
            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 2;
            }
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
        /// <summary>The lock, the clock, the head, the streams' versions and the known keys: one round trip (a batch of statements run in order).</summary>
        public override async Task<BatchState> ReadStateAsync(List<string> streams, List<IdempotencyRequest> keys, CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.AppendLock})"));
            // clock_timestamp(), not now(): the time under the lock, not the transaction's start.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(TipQuery));
            // One index probe per stream; constant text, so that it is prepared once.
            var versions = new NpgsqlBatchCommand("SELECT s, (SELECT MAX(stream_version) FROM events WHERE stream_id = s) FROM unnest($1::text[]) AS s");
            versions.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(versions);
            if (keys.Count > 0)
            {
                var known = new NpgsqlBatchCommand(
                    "SELECT i.principal, i.idempotency_key, i.request_hash, i.result FROM unnest($1::text[], $2::text[]) AS w(p, k) " +
                    "JOIN idempotency_keys i ON i.principal = w.p AND i.idempotency_key = w.k");
                known.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Principal).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                known.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                batch.BatchCommands.Add(known);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false); // past the lock
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var now = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var (position, hash, recordedAt) = await ReadTipAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            var versionOf = new Dictionary<string, long>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                if (!reader.IsDBNull(1)) versionOf[reader.GetString(0)] = reader.GetInt64(1);
            var found = keys.Count > 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)
                ? await ReadKnownKeysAsync(reader, cancellationToken).ConfigureAwait(false)
                : [];
            return new BatchState(now, position, hash, recordedAt, versionOf, found);
        }

        /// <summary>
        /// The events, their tag rows, the idempotency records and the NOTIFY: one round trip, each table filled by one
        /// INSERT from arrays (constant text, prepared once). The notification is delivered at commit: one wake-up per
        /// batch for every silo's subscriptions.
        /// </summary>
        public override async Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO events (position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, " +
                "provinces, domain, clusters, campaign, actor, source, prev_hash, hash) " +
                "SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::date[], $9::bigint[], " +
                "$10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::bytea[], $17::bytea[])");
            Add(insert, events.Select(e => e.Position), NpgsqlDbType.Bigint);
            Add(insert, events.Select(e => e.StreamId), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.StreamVersion), NpgsqlDbType.Bigint);
            Add(insert, events.Select(e => e.EventId), NpgsqlDbType.Uuid);
            Add(insert, events.Select(e => e.EventType), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Data), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Metadata), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.EffectiveDate), NpgsqlDbType.Date);
            Add(insert, events.Select(e => EventHashing.ToMicroseconds(e.RecordedAt)), NpgsqlDbType.Bigint);
            Add(insert, events.Select(e => EventHashing.ArrayText(e.Tags.Provinces)), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Tags.Domain), NpgsqlDbType.Text);
            Add(insert, events.Select(e => EventHashing.ArrayText(e.Tags.Clusters)), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Tags.Campaign), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Tags.Actor), NpgsqlDbType.Text);
            Add(insert, events.Select(e => e.Tags.Source), NpgsqlDbType.Text);
            Add(insert, events.Select(e => Convert.FromHexString(e.PrevHash)), NpgsqlDbType.Bytea);
            Add(insert, events.Select(e => Convert.FromHexString(e.Hash)), NpgsqlDbType.Bytea);
            batch.BatchCommands.Add(insert);

            var tags = events.SelectMany(e => TagRows(e).Select(t => (t.Kind, t.Value, e.Position))).ToList();
            if (tags.Count > 0)
            {
                var tagInsert = new NpgsqlBatchCommand("INSERT INTO event_tags (kind, value, position) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])");
                Add(tagInsert, tags.Select(t => t.Kind), NpgsqlDbType.Text);
                Add(tagInsert, tags.Select(t => t.Value), NpgsqlDbType.Text);
                Add(tagInsert, tags.Select(t => t.Position), NpgsqlDbType.Bigint);
                batch.BatchCommands.Add(tagInsert);
            }

            if (keys.Count > 0)
            {
                var keyInsert = new NpgsqlBatchCommand(
                    "INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) " +
                    "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])");
                Add(keyInsert, keys.Select(k => k.Principal), NpgsqlDbType.Text);
                Add(keyInsert, keys.Select(k => k.Key), NpgsqlDbType.Text);
                Add(keyInsert, keys.Select(k => k.RequestHash), NpgsqlDbType.Text);
                Add(keyInsert, keys.Select(k => k.Result.StreamId), NpgsqlDbType.Text);
                Add(keyInsert, keys.Select(k => System.Text.Json.JsonSerializer.Serialize(k.Result, JsonOptions)), NpgsqlDbType.Text);
                Add(keyInsert, keys.Select(k => k.Result.FromPosition), NpgsqlDbType.Bigint);
                batch.BatchCommands.Add(keyInsert);
            }

            var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{PostgresSchema.Channel}', $1)");
            notify.Parameters.Add(new NpgsqlParameter { Value = events[^1].Position.ToString(CultureInfo.InvariantCulture) });
            batch.BatchCommands.Add(notify);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private static void Add<T>(NpgsqlBatchCommand command, IEnumerable<T> values, NpgsqlDbType type) =>
            command.Parameters.Add(new NpgsqlParameter { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type });

        public override Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
