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
