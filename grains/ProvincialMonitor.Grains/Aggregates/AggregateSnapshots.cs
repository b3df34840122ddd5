using System.Data.Common;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// Snapshots that shorten a historical read of a long stream (<see cref="AggregateKind.AsOfAsync"/>). A read that folds
/// every one of a stream's first <see cref="Every"/>·n events keeps the state after them, with the latest effective date,
/// the recorded time and the position they cover; a later read as of any moment that includes all of those events
/// starts from the latest such snapshot and reads only the events after it. The snapshots are a cache beside the log:
/// a read works the same without them, and one that cannot keep them logs why and answers all the same. The states
/// decoded or taken most recently stay in memory (they never change), up to <see cref="MemoryBudget"/> characters of
/// their JSON; the ones kept longest leave first.
/// </summary>
public sealed class AggregateSnapshots(SnapshotStore store, ILogger<AggregateSnapshots> logger, int every = AggregateSnapshots.DefaultEvery)
{
    public const int DefaultEvery = 1000;

    /// <summary>About 64 MB of snapshot JSON, decoded: enough for the long streams an audit is working on.</summary>
    public const long MemoryBudget = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<SnapshotPoint, (object State, long Size)> _decoded = [];
    private readonly Queue<SnapshotPoint> _order = new();
    private long _size;

    /// <summary>
    /// The code that folds: the grains' and the contracts' assemblies (deterministic builds give the same code the same
    /// id). A snapshot folded by other code is not used, and is deleted when the stream gets new snapshots.
    /// </summary>
    public static string Fold { get; } = string.Join('.',
        typeof(AggregateSnapshots).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(Contracts.Events.IDomainEvent).Assembly.ManifestModule.ModuleVersionId.ToString("N"));

    /// <summary>A snapshot is kept after every this many events of a stream.</summary>
    public int Every { get; } = every > 0 ? every : throw new ArgumentOutOfRangeException(nameof(every), "must be more than zero");

    /// <summary>The latest snapshot of the stream whose events the query includes, every one of them; null when there is none.</summary>
    public Task<SnapshotPoint?> FindAsync(string streamId, AsOfQuery query, CancellationToken cancellationToken) =>
        store.FindAsync(streamId, Fold, query.EffectiveOn, query.RecordedUpTo, query.AtPosition, cancellationToken);

    /// <summary>The state at the point, decoded by <paramref name="decode"/> (or as decoded before); null when the store no longer has it.</summary>
    public async Task<object?> StateAsync(SnapshotPoint point, Func<string, object> decode, CancellationToken cancellationToken)
    {
        lock (_gate)
            if (_decoded.TryGetValue(point, out var kept)) return kept.State;
        var json = await store.ReadStateAsync(point, cancellationToken);
        if (json is null) return null;
        var state = decode(json);
        Remember(point, state, json.Length);
        return state;
    }

    /// <summary>Keeps what a read captured; a store that refuses is logged, not thrown: the read's answer does not depend on it.</summary>
    public async Task SaveAsync(IReadOnlyList<(StreamSnapshot Snapshot, object State)> snapshots, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync([.. snapshots.Select(s => s.Snapshot)], cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or EventStoreUnavailableException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not keep {Count} snapshots of {Stream}; historical reads of it fold from the start", snapshots.Count,
                snapshots[0].Snapshot.Point.StreamId);
            return;
        }
        foreach (var (snapshot, state) in snapshots) Remember(snapshot.Point, state, snapshot.State.Length);
    }

    private void Remember(SnapshotPoint point, object state, long size)
    {
        if (size > MemoryBudget) return;
        lock (_gate)
        {
            if (!_decoded.TryAdd(point, (state, size))) return;
            _order.Enqueue(point);
            _size += size;
            while (_size > MemoryBudget && _order.TryDequeue(out var oldest))
                if (_decoded.Remove(oldest, out var dropped)) _size -= dropped.Size;
        }
    }
}
