namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// What the writer knows of streams between batches, as of the head <see cref="At"/>: a stream's number and its last
/// version and position. It is the contract that keeps a stream's versions unique and in order, now that the log has no
/// index on them: the stream index (behind the log) holds every version up to its checkpoint (<c>stream_position</c>),
/// and this holds every stream written after it (read from the log after <see cref="At"/> whenever the head is not
/// there: at the first batch after open, and whenever another process wrote). So a stream's version is this one's if
/// it has one here, else the stream index's.
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
