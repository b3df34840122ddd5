using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The one reader of the log for people: the filtered log (<c>/api/events</c>, the events and audit pages, the export),
/// a stream's events (the <c>…/events</c> routes, the correction form), the chain head, the events after a position (the
/// hub), an aggregate's replay and its state as of a moment. The lists, timelines and overviews are read models instead.
/// </summary>
public sealed class AuditLog(IEventStore store, IServiceProvider services)
{
    public Task<LogPage> QueryAsync(LogQuery query, CancellationToken cancellationToken = default) => store.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> StreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);

    public Task<RecordedEvent?> EventAsync(Guid eventId, CancellationToken cancellationToken = default) => store.ReadEventAsync(eventId, cancellationToken);

    /// <summary>The chain head with the time its event was recorded (null for an empty log).</summary>
    public async Task<(ChainHead Head, DateTimeOffset? RecordedAt)> HeadAsync(CancellationToken cancellationToken = default)
    {
        var head = await store.GetHeadAsync(cancellationToken);
        DateTimeOffset? recordedAt = null;
        if (head.Position > 0)
            await foreach (var e in store.ReadAllAsync(head.Position, head.Position, cancellationToken)) recordedAt = e.RecordedAt;
        return (head, recordedAt);
    }

    public Task<IReadOnlyList<ReplayStep>> ReplayAsync(AggregateKind kind, string key, CancellationToken cancellationToken = default) =>
        kind.ReplayAsync(store, key, cancellationToken);

    /// <summary>The aggregate as of a moment, folded from its snapshots where they fit the query.</summary>
    public Task<HistoricalState> AsOfAsync(AggregateKind kind, string key, AsOfQuery query, CancellationToken cancellationToken = default) =>
        // The snapshots come with the opened store, after this reader is made (the chain watch makes it at start).
        kind.AsOfAsync(store, key, query, services.GetRequiredService<AggregateSnapshots>(), cancellationToken);
}
