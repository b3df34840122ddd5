using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// The writer's statements, prepared once for the writer connection and reused by every batch: preparing them
/// for each batch was a tenth of the writer's time. SQLite runs in process, so a query per stream or key costs
/// a step of a prepared statement, not a round trip. The inserts and the stream probe, run for every event or stream,
/// go straight to SQLite's C API (<see cref="RawStatement"/>); the others, run once a batch or decoded by code that
/// PostgreSQL shares, are ADO.NET commands.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private static readonly string[] EventColumns =
        ["position", "stream_no", "stream_version", "event_id", "event_type", "data", "metadata", "effective_date", "recorded_at",
         "provinces", "domain", "clusters", "campaign", "actor", "source", "prev_hash", "hash"];

    private readonly SqliteCommand[] _commands;

    public WriterStatements(SqliteConnection connection)
    {
        // The database's clock has milliseconds; the store keeps microseconds.
        Clock = Command(connection, "SELECT CAST(ROUND(unixepoch('now', 'subsec') * 1000) AS INTEGER) * 1000");
        Tip = Command(connection, RelationalEventStore.TipQuery);
        Key = Command(connection, "SELECT principal, idempotency_key, request_hash, result FROM idempotency_keys WHERE principal = $p AND idempotency_key = $k", "$p", "$k");
        After = Command(connection, "SELECT s.stream_id, e.stream_no, e.stream_version, e.position FROM events e JOIN streams s ON s.stream_no = e.stream_no " +
                                    "WHERE e.position > $after ORDER BY e.position", "$after");
        _commands = [Clock, Tip, Key, After];
        try
        {
            // A stream's number and its last version in the stream index (which holds the versions up to the indexer's checkpoint).
            Stream = new RawStatement(connection,
                "SELECT s.stream_no, (SELECT MAX(i.stream_version) FROM stream_index i WHERE i.stream_no = s.stream_no) FROM streams s WHERE s.stream_id = ?1");
            InsertStream = new RawStatement(connection, "INSERT INTO streams (stream_id) VALUES (?1)");
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

    /// <summary>The streams, numbers, versions and positions of the log's events after <c>$after</c>, in order.</summary>
    public SqliteCommand After { get; }

    public RawStatement Stream { get; } = null!;
    public RawStatement InsertStream { get; } = null!;
    public RawStatement InsertEvent { get; } = null!;
    public RawStatement InsertKey { get; } = null!;

    private IEnumerable<RawStatement?> Raw => [Stream, InsertStream, InsertEvent, InsertKey];

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    /// <summary>Puts the ADO.NET commands in the batch's transaction (Microsoft.Data.Sqlite requires the connection's current one).</summary>
    public void Enlist(SqliteTransaction? transaction)
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
internal sealed class RawStatement : IDisposable
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

    /// <summary>Binds an id as its 16 bytes in big-endian (RFC) order, so that time-ordered ids are stored in order.</summary>
    public void Bind(int index, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        Check(raw.sqlite3_bind_blob(_statement, index, bytes));
    }

    /// <summary>Binds the bytes of a hexadecimal text (the hashes) as a blob.</summary>
    public void BindHex(int index, string hex)
    {
        Span<byte> bytes = stackalloc byte[hex.Length / 2];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != bytes.Length)
            throw new FormatException("A hash is not hexadecimal text.");
        Check(raw.sqlite3_bind_blob(_statement, index, bytes));
    }

    /// <summary>Runs a statement that returns no rows; answers the row id it inserted last on the connection.</summary>
    public long Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE) throw Failed(rc);
        raw.sqlite3_reset(_statement);
        return raw.sqlite3_last_insert_rowid(_db);
    }

    /// <summary>Runs a query of one row of two integers, the second of which may be NULL: false when it returns no row.</summary>
    public bool TryRow(out long first, out long? second)
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw Failed(rc);
        var found = rc == raw.SQLITE_ROW;
        first = found ? raw.sqlite3_column_int64(_statement, 0) : 0;
        second = found && raw.sqlite3_column_type(_statement, 1) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(_statement, 1) : null;
        raw.sqlite3_reset(_statement);
        return found;
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
/// What the writer knows of streams between batches, as of the head <see cref="At"/>: a stream's number and its last
/// version and position. It is the contract that keeps a stream's versions unique and in order, now that the log has no
/// index on them: the stream index (behind the log) holds every version up to its checkpoint (<c>stream_position</c>), and this holds
/// every stream written after it (read from the log after <see cref="At"/> whenever the head is not there: at
/// the first batch after open, and whenever another process wrote). So a stream's version is this one's if it has one here, else the stream index's.
/// </summary>
internal sealed class StreamTail(long checkpoint)
{
    /// <summary>Past this many streams, those the indexer has passed are let go.</summary>
    private const int MaxStreams = 50_000;

    private readonly Dictionary<string, (long Number, long Version, long Position)> _streams = new(StringComparer.Ordinal);

    /// <summary>The head as of which this is known: at open, the stream index's checkpoint (the first batch reads the log after it).</summary>
    public long At { get; private set; } = checkpoint;

    /// <summary>
    /// Brings what is known to the head <paramref name="head"/>, read under the write lock: if others wrote after
    /// <see cref="At"/> (another process on the file, or a commit whose outcome was not known), their events are read.
    /// </summary>
    public void Check(long head, long checkpoint, WriterStatements statements)
    {
        if (head != At) ReadAfter(statements);
        if (_streams.Count > MaxStreams)
        {
            // Those at or before the stream index's checkpoint have every version in it.
            foreach (var (stream, known) in _streams)
                if (known.Position <= checkpoint) _streams.Remove(stream);
        }
    }

    private void ReadAfter(WriterStatements statements)
    {
        statements.After.Parameters[0].Value = At;
        using var reader = statements.After.ExecuteReader();
        while (reader.Read())
        {
            var position = reader.GetInt64(3);
            _streams[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), position);
            At = position;
        }
    }

    public bool TryGet(string stream, out (long Number, long Version, long Position) known) => _streams.TryGetValue(stream, out known);

    /// <summary>A stream the log's tail does not write, read from the stream index (position 0: not in the tail).</summary>
    public void Add(string stream, long number, long version) => _streams[stream] = (number, version, 0);

    /// <summary>A commit that ended at <paramref name="head"/> and left these streams at these numbers, versions and positions.</summary>
    public void Committed(long head, Dictionary<string, (long Number, long Version, long Position)> written)
    {
        foreach (var (stream, known) in written) _streams[stream] = known;
        At = head;
    }
}

/// <summary>One batch's write transaction on the writer's connection (<see cref="SqliteEventStore"/>).</summary>
internal sealed class SqliteWriteSession(WriterStatements statements, StreamTail tail, Func<long> checkpoint, SqliteTransaction transaction, Action<long> committed)
    : WriteSession
{
    /// <summary>The streams this batch writes: their numbers (new ones given in this transaction), last versions and positions.</summary>
    private readonly Dictionary<string, (long Number, long Version, long Position)> _written = new(StringComparer.Ordinal);
    private long _lastPosition = -1;

    /// <summary>In process, a statement each: round trips cost nothing here.</summary>
    public override Task<BatchState> ReadStateAsync(List<string> streams, List<IdempotencyRequest> keys, CancellationToken cancellationToken)
    {
        // The transaction began IMMEDIATE, so it already holds the write lock.
        var now = Convert.ToInt64(statements.Clock.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        (long Position, string Hash, long RecordedAt) tip;
        using (var reader = statements.Tip.ExecuteReader())
            tip = reader.Read() ? RelationalEventStore.TipOf(reader) : (0L, EventHashing.GenesisHash, 0L);

        tail.Check(tip.Position, checkpoint(), statements);
        var versions = new Dictionary<string, long>(streams.Count, StringComparer.Ordinal);
        foreach (var id in streams)
        {
            if (!tail.TryGet(id, out var known))
            {
                statements.Stream.Bind(1, id);
                if (!statements.Stream.TryRow(out var number, out var version)) continue; // a new stream
                known = (number, version ?? 0, 0);
                tail.Add(id, number, known.Version);
            }
            _written[id] = known;
            if (known.Version > 0) versions[id] = known.Version;
        }

        var keysFound = new Dictionary<(string, string), StoredIdempotency>();
        var (principal, key) = (statements.Key.Parameters[0], statements.Key.Parameters[1]);
        foreach (var request in keys)
        {
            (principal.Value, key.Value) = (request.Principal, request.Key);
            using var reader = statements.Key.ExecuteReader();
            if (reader.Read()) keysFound[(request.Principal, request.Key)] = RelationalEventStore.KnownKeyOf(reader);
        }
        return Task.FromResult(new BatchState(now, tip.Position, tip.Hash, tip.RecordedAt, versions, keysFound));
    }

    public override Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken)
    {
        var insert = statements.InsertEvent;
        foreach (var e in events)
        {
            if (!_written.TryGetValue(e.StreamId, out var stream))
            {
                statements.InsertStream.Bind(1, e.StreamId);
                stream = (statements.InsertStream.Execute(), 0, 0);
            }
            insert.Bind(1, e.Position);
            insert.Bind(2, stream.Number);
            insert.Bind(3, e.StreamVersion);
            insert.Bind(4, e.EventId);
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
            _written[e.StreamId] = (stream.Number, e.StreamVersion, e.Position);
            _lastPosition = e.Position;
        }

        var command = statements.InsertKey;
        foreach (var key in keys)
        {
            command.Bind(1, key.Principal);
            command.Bind(2, key.Key);
            command.Bind(3, key.RequestHash);
            command.Bind(4, key.Result.StreamId);
            command.Bind(5, System.Text.Json.JsonSerializer.Serialize(key.Result, RelationalEventStore.JsonOptions));
            command.Bind(6, key.Result.FromPosition);
            command.Execute();
        }
        return Task.CompletedTask;
    }

    public override Task CommitAsync(CancellationToken cancellationToken)
    {
        transaction.Commit();
        if (_lastPosition > 0)
        {
            // Only the streams this batch wrote: the others' entries were read, and are known already.
            foreach (var (stream, known) in _written.Where(w => w.Value.Position == 0).ToList()) _written.Remove(stream);
            tail.Committed(_lastPosition, _written);
        }
        committed(_lastPosition);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        transaction.Dispose();
        return ValueTask.CompletedTask;
    }
}
