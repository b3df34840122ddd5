using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Aggregates;
using SQLitePCL;

namespace ProvincialMonitor.Bench;

/// <summary>
/// The same-work limit on SQLite (issue #35): the grain benchmark's rows (one OutputReported per command, 1,000 project
/// streams, an idempotency key each) written by plain SQLite statements into the store's own tables (migrated by
/// SqliteEventStore) in transactions of <c>perTransaction</c> events, one writer, with the work the store does: the
/// database clock and the head read once a transaction, each stream's number and version (kept between transactions,
/// probed once per stream, as the store's writer does; a new stream numbered in the streams table, and each version's row
/// written to the stream index in the same transaction, whose key holds it, as a plain program would), the idempotency check
/// and record, the SHA-256 chain (the store's EventHashing), the tag rows, WAL with <c>synchronous = FULL</c> (every commit
/// synced before the next).
/// SQLite's own automatic checkpoints stay on, as in a plain program.
/// </summary>
public static class SqliteLimit
{
    private const string Principal = "bench";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Outcome(double EventsPerSecond, double Seconds, double P50Ms, double P99Ms, JsonObject Io);

    public static async Task<Outcome> RunAsync(int total, int perTransaction)
    {
        var folder = Directory.CreateTempSubdirectory("provmon-bench-limit-").FullName;
        try
        {
            var path = Path.Combine(folder, "events.db");
            await (await SqliteEventStore.OpenAsync(path)).DisposeAsync();
            return await Task.Run(() =>
            {
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
                connection.Open();
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000");
                using var writer = new Writer(connection);
                // Warm up on a tenth of the events (other streams and keys), as the PostgreSQL limit does.
                writer.Write(Math.Max(perTransaction, total / 10), perTransaction, "limit-warm");
                Checkpoint(path);
                var before = IoCounters.Now();
                var (seconds, latencies) = writer.Write(total, perTransaction, "limit");
                // The bytes until the log is copied into the database and truncated, as for the grains.
                Checkpoint(path);
                var io = IoCounters.Now().PerEvent(before, total);
                return new Outcome(total / seconds, seconds, Measure.Percentile(latencies, 0.5), Measure.Percentile(latencies, 0.99), io);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A <c>wal_checkpoint(TRUNCATE)</c> on a connection of its own, again until SQLite reports it was not busy.</summary>
    public static JsonObject Checkpoint(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000");
        for (var attempt = 1; ; attempt++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var reader = command.ExecuteReader();
            reader.Read();
            var (busy, log, copied) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (busy == 0 || attempt == 20)
                return new JsonObject { ["busy"] = busy, ["log_pages"] = log, ["copied_pages"] = copied, ["attempts"] = attempt };
            Thread.Sleep(100);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The writer's statements, prepared once on the connection's handle and stepped through SQLite's C API.</summary>
    private sealed class Writer(SqliteConnection connection) : IDisposable
    {
        private readonly sqlite3 _db = connection.Handle!;
        private readonly Dictionary<string, (long Number, long Version)> _versions = new(StringComparer.Ordinal);
        private readonly sqlite3_stmt _clock = Prepare(connection.Handle!, "SELECT CAST(ROUND(unixepoch('now', 'subsec') * 1000) AS INTEGER) * 1000");
        private readonly sqlite3_stmt _tip = Prepare(connection.Handle!, "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1");
        private readonly sqlite3_stmt _version = Prepare(connection.Handle!,
            "SELECT s.stream_no, (SELECT MAX(i.stream_version) FROM stream_index i WHERE i.stream_no = s.stream_no) FROM streams s WHERE s.stream_id = ?1");
        private readonly sqlite3_stmt _stream = Prepare(connection.Handle!, "INSERT INTO streams (stream_id) VALUES (?1)");
        private readonly sqlite3_stmt _index = Prepare(connection.Handle!, "INSERT INTO stream_index (stream_no, stream_version, position) VALUES (?1, ?2, ?3)");
        private readonly sqlite3_stmt _key = Prepare(connection.Handle!, "SELECT request_hash FROM idempotency_keys WHERE principal = ?1 AND idempotency_key = ?2");
        private readonly sqlite3_stmt _event = Prepare(connection.Handle!,
            "INSERT INTO events (position, stream_no, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, " +
            "provinces, domain, clusters, campaign, actor, source, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
        private readonly sqlite3_stmt _tag = Prepare(connection.Handle!, "INSERT INTO event_tags (kind, value, position) VALUES (?1, ?2, ?3)");
        private readonly sqlite3_stmt _insertKey = Prepare(connection.Handle!,
            "INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, stream_id, result, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

        public (double Seconds, double[] LatenciesMs) Write(int total, int perTransaction, string keyPrefix)
        {
            var streams = Enumerable.Range(0, 1000).Select(_ => StreamIds.Project(Guid.CreateVersion7().ToString())).ToArray();
            var scope = new EventScope(["limburg"], "labour-market", []);
            var transactions = (total + perTransaction - 1) / perTransaction;
            var latencies = new double[transactions];
            var clock = Stopwatch.StartNew();
            for (var t = 0; t < transactions; t++)
            {
                var start = Stopwatch.GetTimestamp();
                Run("BEGIN IMMEDIATE");
                var now = Scalar(_clock) ?? 0;
                var (position, prev, lastRecorded) = (0L, EventHashing.GenesisHash, 0L);
                if (Step(_tip)) (position, prev, lastRecorded) = (raw.sqlite3_column_int64(_tip, 0), Convert.ToHexStringLower(raw.sqlite3_column_blob(_tip, 1)), raw.sqlite3_column_int64(_tip, 2));
                raw.sqlite3_reset(_tip);
                var recordedAt = Math.Max(now, lastRecorded);
                for (var i = 0; i < perTransaction && t * perTransaction + i < total; i++)
                {
                    var n = t * perTransaction + i;
                    var stream = streams[n % streams.Length];
                    var key = $"{keyPrefix}-{n}";
                    Bind(_key, 1, Principal); Bind(_key, 2, key);
                    if (Step(_key)) throw new InvalidOperationException($"the key {key} was known");
                    raw.sqlite3_reset(_key);
                    if (!_versions.TryGetValue(stream, out var known))
                    {
                        Bind(_version, 1, stream);
                        if (Step(_version))
                            known = (raw.sqlite3_column_int64(_version, 0), raw.sqlite3_column_type(_version, 1) == raw.SQLITE_NULL ? 0 : raw.sqlite3_column_int64(_version, 1));
                        raw.sqlite3_reset(_version);
                        if (known.Number == 0)
                        {
                            Bind(_stream, 1, stream);
                            Done(_stream);
                            known = (raw.sqlite3_last_insert_rowid(_db), 0);
                        }
                    }
                    var version = known.Version;
                    var append = EventEnvelopes.ToAppend(new NewEvent(new OutputReported("jobs-created", n % 50, "2026"), MonitorClock.System.Today, scope),
                        null, null, Data.Context() with { IdempotencyKey = key, Source = "api" }).Canonicalize();
                    position++;
                    version++;
                    var e = new RecordedEvent(position, stream, version, Guid.CreateVersion7(), append.EventType, append.Data, append.Metadata,
                        append.EffectiveDate, EventHashing.FromMicroseconds(recordedAt), append.Tags, prev, "");
                    e = e with { Hash = EventHashing.Hash(e) };
                    Insert(e, known.Number);
                    var result = new AppendResult(stream, version, version, position, position, [e.EventId]);
                    Bind(_insertKey, 1, Principal); Bind(_insertKey, 2, key); Bind(_insertKey, 3, key); Bind(_insertKey, 4, stream);
                    Bind(_insertKey, 5, JsonSerializer.Serialize(result, Json)); raw.sqlite3_bind_int64(_insertKey, 6, position);
                    Done(_insertKey);
                    _versions[stream] = (known.Number, version);
                    prev = e.Hash;
                }
                Run("COMMIT");
                latencies[t] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            return (clock.Elapsed.TotalSeconds, latencies);
        }

        private void Insert(RecordedEvent e, long stream)
        {
            Bind(_event, 1, e.Position); Bind(_event, 2, stream); Bind(_event, 3, e.StreamVersion);
            raw.sqlite3_bind_blob(_event, 4, e.EventId.ToByteArray(bigEndian: true));
            Bind(_event, 5, e.EventType); Bind(_event, 6, e.Data); Bind(_event, 7, e.Metadata);
            Bind(_event, 8, e.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Bind(_event, 9, EventHashing.ToMicroseconds(e.RecordedAt)); Bind(_event, 10, EventHashing.ArrayText(e.Tags.Provinces));
            Bind(_event, 11, e.Tags.Domain); Bind(_event, 12, EventHashing.ArrayText(e.Tags.Clusters)); Bind(_event, 13, e.Tags.Campaign);
            Bind(_event, 14, e.Tags.Actor); Bind(_event, 15, e.Tags.Source);
            raw.sqlite3_bind_blob(_event, 16, Convert.FromHexString(e.PrevHash)); raw.sqlite3_bind_blob(_event, 17, Convert.FromHexString(e.Hash));
            Done(_event);
            Bind(_index, 1, stream); Bind(_index, 2, e.StreamVersion); Bind(_index, 3, e.Position);
            Done(_index);
            foreach (var (kind, value) in TagRows(e))
            {
                Bind(_tag, 1, kind); Bind(_tag, 2, value); Bind(_tag, 3, e.Position);
                Done(_tag);
            }
        }

        /// <summary>The store's tag rows (EventTagRows, internal to it): provinces, clusters, a decision reference, the municipalities the data names.</summary>
        private static IEnumerable<(string Kind, string Value)> TagRows(RecordedEvent e)
        {
            var rows = e.Tags.Provinces.Select(p => ("province", p)).Concat(e.Tags.Clusters.Select(c => ("cluster", c))).ToList();
            if (e.Metadata.Contains("\"decisionRef\"", StringComparison.Ordinal))
            {
                using var metadata = JsonDocument.Parse(e.Metadata);
                if (metadata.RootElement.TryGetProperty("decisionRef", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } decision)
                    rows.Add(("decision", decision));
            }
            if (e.Data.Contains("\"municipalit", StringComparison.Ordinal))
                throw new InvalidOperationException("the limit's events name no municipality");
            return rows.Distinct();
        }

        private static sqlite3_stmt Prepare(sqlite3 db, string sql) =>
            raw.sqlite3_prepare_v2(db, sql, out var statement) == raw.SQLITE_OK ? statement : throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());

        private void Run(string sql)
        {
            if (raw.sqlite3_exec(_db, sql) != raw.SQLITE_OK) throw new InvalidOperationException(raw.sqlite3_errmsg(_db).utf8_to_string());
        }

        private static void Bind(sqlite3_stmt s, int i, string? value) =>
            _ = value is null ? raw.sqlite3_bind_null(s, i) : raw.sqlite3_bind_text(s, i, value);

        private static void Bind(sqlite3_stmt s, int i, long value) => raw.sqlite3_bind_int64(s, i, value);

        private bool Step(sqlite3_stmt s) => raw.sqlite3_step(s) switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw new InvalidOperationException(raw.sqlite3_errmsg(_db).utf8_to_string()),
        };

        private void Done(sqlite3_stmt s)
        {
            Step(s);
            raw.sqlite3_reset(s);
        }

        private long? Scalar(sqlite3_stmt s)
        {
            long? value = Step(s) && raw.sqlite3_column_type(s, 0) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(s, 0) : null;
            raw.sqlite3_reset(s);
            return value;
        }

        public void Dispose()
        {
            foreach (var s in new[] { _clock, _tip, _version, _stream, _index, _key, _event, _tag, _insertKey }) s.Dispose();
        }
    }
}
