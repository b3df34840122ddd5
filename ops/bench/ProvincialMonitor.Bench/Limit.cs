using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Bench;

/// <summary>
/// The same-work limit: a plain Npgsql program writing the grain benchmark's rows (one OutputReported per command, 1,000
/// project streams) straight into the store's own tables (migrated by PostgresEventStore), with the work the store does:
/// under the same transaction-level advisory lock, the expected-version check of every stream, the idempotency check and
/// record, the head read, recorded_at from the database clock, the SHA-256 chain (the store's EventHashing), the tag rows,
/// a NOTIFY; 100 events per multi-row INSERT.
/// </summary>
public static class Limit
{
    private const long AppendLock = 0x50_4D_4F_4E_41_50_50; // the store's append lock key (PostgresSchema.AppendLock)
    private const string Principal = "bench";

    private sealed record Row(string StreamId, long Version, Guid EventId, string Type, string Data, string Metadata, DateOnly Effective, EventTags Tags, string Key);

    public static async Task<(double EventsPerSecond, double Seconds, double P50Ms, double P99Ms)> InsertAsync(string connectionString, int total, int perTransaction, int writers, string keyPrefix)
    {
        var streams = Enumerable.Range(0, 1000).Select(_ => StreamIds.Project(Guid.CreateVersion7().ToString())).ToArray();
        var versions = new long[streams.Length];
        var next = -1;
        var transactions = (total + perTransaction - 1) / perTransaction;
        var latencies = new double[transactions];
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var scope = new EventScope(["limburg"], "labour-market", []);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            int t;
            while ((t = Interlocked.Increment(ref next)) < transactions)
            {
                var start = Stopwatch.GetTimestamp();
                var rows = new List<Row>(perTransaction);
                for (var i = 0; i < perTransaction; i++)
                {
                    var n = t * perTransaction + i;
                    var s = n % streams.Length;
                    var append = EventEnvelopes.ToAppend(new NewEvent(new OutputReported("jobs-created", n % 50, "2026"), MonitorClock.System.Today, scope),
                        null, null, Data.Context() with { IdempotencyKey = $"{keyPrefix}-{n}", Source = "api" });
                    // Each writer owns whole transactions; one stream appears once per transaction (100 of 1,000 streams).
                    var version = Interlocked.Increment(ref versions[s]);
                    rows.Add(new Row(streams[s], version, Guid.CreateVersion7(), append.EventType,
                        CanonicalJson.CanonicalizeObject(append.Data, "data"), CanonicalJson.CanonicalizeObject(append.Metadata, "metadata"),
                        append.EffectiveDate, append.Tags, $"{keyPrefix}-{n}"));
                }
                await WriteAsync(connection, rows);
                latencies[t] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return (transactions * perTransaction / seconds, seconds, Measure.Percentile(latencies, 0.5), Measure.Percentile(latencies, 0.99));
    }

    private static async Task WriteAsync(NpgsqlConnection connection, List<Row> rows)
    {
        await using var tx = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AppendLock})", connection, tx))
            await lockCommand.ExecuteNonQueryAsync();

        // Expected versions: every stream must be at the version before its new event.
        var streamIds = rows.Select(r => r.StreamId).ToArray();
        var current = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var check = new NpgsqlCommand("SELECT stream_id, max(stream_version) FROM events WHERE stream_id = ANY($1) GROUP BY stream_id", connection, tx))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = streamIds });
            await using var reader = await check.ExecuteReaderAsync();
            while (await reader.ReadAsync()) current[reader.GetString(0)] = reader.GetInt64(1);
        }
        foreach (var r in rows)
            if (current.GetValueOrDefault(r.StreamId) != r.Version - 1)
                throw new InvalidOperationException($"{r.StreamId} is at {current.GetValueOrDefault(r.StreamId)}, expected {r.Version - 1}");

        // Idempotency: none of the keys may be known.
        await using (var keys = new NpgsqlCommand("SELECT count(*) FROM idempotency_keys WHERE principal = $1 AND idempotency_key = ANY($2)", connection, tx))
        {
            keys.Parameters.Add(new NpgsqlParameter { Value = Principal });
            keys.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Key).ToArray() });
            if ((long)(await keys.ExecuteScalarAsync())! != 0) throw new InvalidOperationException("a key was known");
        }

        long position;
        string prev;
        await using (var head = new NpgsqlCommand("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1", connection, tx))
        await using (var reader = await head.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync()) { position = reader.GetInt64(0); prev = Convert.ToHexStringLower((byte[])reader[1]); }
            else { position = 0; prev = EventHashing.GenesisHash; }
        }
        long now;
        await using (var time = new NpgsqlCommand("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint", connection, tx))
            now = (long)(await time.ExecuteScalarAsync())!;

        var sql = new StringBuilder("INSERT INTO events (position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, provinces, domain, clusters, campaign, actor, source, prev_hash, hash) VALUES ");
        var tags = new StringBuilder("INSERT INTO event_tags (kind, value, position) VALUES ");
        var idem = new StringBuilder("INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) VALUES ");
        await using var insert = new NpgsqlCommand { Connection = connection, Transaction = tx };
        await using var insertTags = new NpgsqlCommand { Connection = connection, Transaction = tx };
        await using var insertKeys = new NpgsqlCommand { Connection = connection, Transaction = tx };
        var p = 0; var tp = 0; var kp = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            position++;
            var hash = EventHashing.Hash(new RecordedEvent(position, r.StreamId, r.Version, r.EventId, r.Type, r.Data, r.Metadata, r.Effective,
                EventHashing.FromMicroseconds(now), r.Tags, prev, ""));
            if (i > 0) { sql.Append(','); tags.Append(','); idem.Append(','); }
            sql.Append('(');
            object?[] values = [position, r.StreamId, r.Version, r.EventId, r.Type, r.Data, r.Metadata, r.Effective, now,
                EventHashing.ArrayText(r.Tags.Provinces), r.Tags.Domain, EventHashing.ArrayText(r.Tags.Clusters), r.Tags.Campaign,
                r.Tags.Actor, r.Tags.Source, Convert.FromHexString(prev), Convert.FromHexString(hash)];
            for (var v = 0; v < values.Length; v++)
            {
                if (v > 0) sql.Append(',');
                sql.Append('$').Append(++p);
                insert.Parameters.Add(values[v] is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text } : new NpgsqlParameter { Value = values[v] });
            }
            sql.Append(')');
            tags.Append($"('province',${++tp},${++tp})");
            insertTags.Parameters.Add(new NpgsqlParameter { Value = r.Tags.Provinces[0] });
            insertTags.Parameters.Add(new NpgsqlParameter { Value = position });
            var result = JsonSerializer.Serialize(new AppendResult(r.StreamId, r.Version, r.Version, position, position, [r.EventId]), Json);
            idem.Append($"(${++kp},${++kp},${++kp},${++kp},${++kp},${++kp})");
            foreach (var value in new object[] { Principal, r.Key, r.Key, r.StreamId, result, position })
                insertKeys.Parameters.Add(new NpgsqlParameter { Value = value });
            prev = hash;
        }
        insert.CommandText = sql.ToString();
        insertTags.CommandText = tags.ToString();
        insertKeys.CommandText = idem.ToString();
        await insert.ExecuteNonQueryAsync();
        await insertTags.ExecuteNonQueryAsync();
        await insertKeys.ExecuteNonQueryAsync();
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('provmon_events', '{position}')", connection, tx))
            await notify.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For information: binary COPY of 1,000 events per transaction into the same table, without lock, checks, keys or tags.</summary>
    public static async Task<double> CopyAsync(string connectionString, int total)
    {
        var scope = new EventScope(["limburg"], "labour-market", []);
        var template = EventEnvelopes.ToAppend(new NewEvent(new OutputReported("jobs-created", 7, "2026"), new DateOnly(2026, 4, 1), scope), null, null, Data.Context());
        var data = CanonicalJson.CanonicalizeObject(template.Data, "data");
        var metadata = CanonicalJson.CanonicalizeObject(template.Metadata, "metadata");
        var provinces = EventHashing.ArrayText(template.Tags.Provinces);
        var hash = new byte[32];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        long position = 0;
        while (position < total)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY events (position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, provinces, domain, clusters, campaign, actor, source, prev_hash, hash) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < 1000 && position < total; i++)
                {
                    position++;
                    await copy.StartRowAsync();
                    await copy.WriteAsync(position, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(StreamIds.Project($"copy-{position % 1000}"), NpgsqlDbType.Text);
                    await copy.WriteAsync(position / 1000 + 1, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(template.EventType, NpgsqlDbType.Text);
                    await copy.WriteAsync(data, NpgsqlDbType.Text);
                    await copy.WriteAsync(metadata, NpgsqlDbType.Text);
                    await copy.WriteAsync(template.EffectiveDate, NpgsqlDbType.Date);
                    await copy.WriteAsync(EventHashing.ToMicroseconds(MonitorClock.System.Now), NpgsqlDbType.Bigint);
                    await copy.WriteAsync(provinces, NpgsqlDbType.Text);
                    await copy.WriteAsync(template.Tags.Domain!, NpgsqlDbType.Text);
                    await copy.WriteAsync("[]", NpgsqlDbType.Text);
                    await copy.WriteNullAsync();
                    await copy.WriteAsync(template.Tags.Actor, NpgsqlDbType.Text);
                    await copy.WriteAsync(template.Tags.Source, NpgsqlDbType.Text);
                    await copy.WriteAsync(hash, NpgsqlDbType.Bytea);
                    await copy.WriteAsync(hash, NpgsqlDbType.Bytea);
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return total / clock.Elapsed.TotalSeconds;
    }
}

/// <summary>A diagnostic between the grains and the limit: the store alone (AppendAsync from 64 tasks, one event each, with idempotency).</summary>
public static class StoreOnly
{
    public static async Task<LoopResult> IngestAsync(string connectionString, Sizes sizes)
    {
        await using var store = await ProvincialMonitor.EventStore.Postgres.PostgresEventStore.OpenAsync(connectionString);
        return await IngestAsync(store, sizes);
    }

    /// <summary>The same on an embedded SQLite store in a temporary folder.</summary>
    public static async Task<LoopResult> IngestSqliteAsync(Sizes sizes)
    {
        var folder = Directory.CreateTempSubdirectory("provmon-bench-store-").FullName;
        try
        {
            await using var store = await ProvincialMonitor.EventStore.Sqlite.SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db"));
            return await IngestAsync(store, sizes);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<LoopResult> IngestAsync(IEventStore store, Sizes sizes)
    {
        var streams = Enumerable.Range(0, 1000).Select(_ => StreamIds.Project(Guid.CreateVersion7().ToString())).ToArray();
        var scope = new EventScope(["limburg"], "labour-market", []);
        Task<LoopResult> Run(int count, string prefix) => Measure.ClosedLoopAsync(count, 64, async i =>
        {
            var e = EventEnvelopes.ToAppend(new NewEvent(new OutputReported("jobs-created", i % 50, "2026"), MonitorClock.System.Today, scope),
                null, null, Data.Context() with { IdempotencyKey = $"{prefix}-{i}", Source = "api" });
            await store.AppendAsync(streams[i % streams.Length], ExpectedVersion.Any, [e], new IdempotencyRequest("bench", $"{prefix}-{i}", $"{prefix}-{i}"));
            return null;
        });
        await Measure.WarmUpAsync(round => Run(sizes.WarmUpCommands, $"warm{round}"), sizes.WarmUpSeconds);
        return await Run(sizes.GrainCommands, "s");
    }
}
