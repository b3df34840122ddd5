using Microsoft.Data.Sqlite;

namespace ProvincialMonitor.EventStore.Sqlite;

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
