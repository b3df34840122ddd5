using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// Folding stored events into an aggregate's state, the one way the grains and the historical reads both use:
/// an event that does not decode (or whose type this version does not know) counts for the version only.
/// </summary>
public static class StateFold
{
    /// <summary>How a state is shown as JSON (camelCase), live and historical alike.</summary>
    public static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public static History<TState> Apply<TState, TCommand, TDecider>(History<TState> history, RecordedEvent recorded, out Exception? undecodable)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var fact = new Fact(recorded.EventId, recorded.EventType, recorded.Data, recorded.EffectiveDate);
        IDomainEvent? e;
        undecodable = null;
        try
        {
            e = EventJson.Deserialize(recorded.EventType, recorded.Data);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            undecodable = ex;
            e = null;
        }
        return e is null
            ? history with { Facts = history.Facts.Add(fact), Version = recorded.StreamVersion }
            : TDecider.Evolve(history, fact, e);
    }
}

/// <summary>
/// Which events of a stream a historical read folds (DOMAIN.md "As-of semantics"): as known at a recorded time
/// or at a position of the log, and, on the effective basis, only those in effect on a date, in position order.
/// </summary>
public sealed record AsOfQuery(DateTimeOffset? RecordedUpTo = null, DateOnly? EffectiveOn = null, long? AtPosition = null)
{
    public bool Includes(RecordedEvent e) =>
        (RecordedUpTo is not { } t || e.RecordedAt <= t)
        && (EffectiveOn is not { } d || e.EffectiveDate <= d)
        && (AtPosition is not { } p || e.Position <= p);
}

/// <summary>An aggregate's state as of a moment: whether it existed, how many of its events were folded, the last position among them.</summary>
public sealed record HistoricalState(bool Exists, long Events, long Position, string StateJson);

/// <summary>One event of a stream and the aggregate's state right after it.</summary>
public sealed record ReplayStep(RecordedEvent Event, bool Exists, string StateJson);

/// <summary>A kind of aggregate that can be read as of a moment and replayed step by step.</summary>
public sealed class AggregateKind
{
    private readonly Func<string, IEnumerable<RecordedEvent>, IEnumerable<ReplayStep>> _steps;
    private readonly Func<string, string> _initialJson;
    private readonly Func<string, IEnumerable<RecordedEvent>, HistoricalState> _fold;

    private AggregateKind(string name, Func<string, string> streamId, Func<string, IEnumerable<RecordedEvent>, IEnumerable<ReplayStep>> steps,
        Func<string, string> initialJson, Func<string, IEnumerable<RecordedEvent>, HistoricalState> fold)
    {
        Name = name;
        StreamIdOf = streamId;
        _steps = steps;
        _initialJson = initialJson;
        _fold = fold;
    }

    public string Name { get; }

    public Func<string, string> StreamIdOf { get; }

    /// <summary>By route name: <c>project</c>, <c>province</c>, <c>cluster</c>, <c>campaign</c>, <c>market</c> (key <c>{campaign}/{id}</c>), <c>flanders</c>.</summary>
    public static IReadOnlyDictionary<string, AggregateKind> All { get; } = new[]
    {
        Of<ProjectState, ProjectCommand, ProjectDecider>("project"),
        Of<ProvinceState, ProvinceCommand, ProvinceDecider>("province"),
        Of<ClusterState, ClusterCommand, ClusterDecider>("cluster"),
        Of<CampaignState, CampaignCommand, CampaignDecider>("campaign"),
        Of<MarketState, MarketCommand, MarketDecider>("market"),
        Of<RegionState, RegionCommand, RegionDecider>("flanders"),
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);

    private static AggregateKind Of<TState, TCommand, TDecider>(string name)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand> =>
        new(name, TDecider.StreamId, (key, events) => Steps<TState, TCommand, TDecider>(key, events),
            key => JsonSerializer.Serialize(TDecider.Initial(key).State, StateFold.StateJson),
            (key, events) => Fold<TState, TCommand, TDecider>(key, events));

    private static HistoricalState Fold<TState, TCommand, TDecider>(string key, IEnumerable<RecordedEvent> events)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var history = TDecider.Initial(key);
        foreach (var e in events) history = StateFold.Apply<TState, TCommand, TDecider>(history, e, out _);
        return new HistoricalState(TDecider.Exists(history.State), 0, 0, JsonSerializer.Serialize(history.State, StateFold.StateJson));
    }

    private static IEnumerable<ReplayStep> Steps<TState, TCommand, TDecider>(string key, IEnumerable<RecordedEvent> events)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var history = TDecider.Initial(key);
        foreach (var e in events)
        {
            history = StateFold.Apply<TState, TCommand, TDecider>(history, e, out _);
            yield return new ReplayStep(e, TDecider.Exists(history.State), JsonSerializer.Serialize(history.State, StateFold.StateJson));
        }
    }

    /// <summary>The state after folding the stream's events that the query includes, in position order.</summary>
    public async Task<HistoricalState> AsOfAsync(IEventStore store, string key, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        var events = (await store.ReadStreamAsync(StreamIdOf(key), new StreamQuery(RecordedUpTo: query.RecordedUpTo, EffectiveOnOrBefore: query.EffectiveOn), cancellationToken))
            .Where(query.Includes).ToList();
        // Fold, then show the state once: the replay's steps show it after every event (quadratic in the stream's length).
        return events.Count == 0
            ? new HistoricalState(false, 0, 0, _initialJson(key))
            : _fold(key, events) with { Events = events.Count, Position = events[^1].Position };
    }

    /// <summary>Every event of the stream with the state after it.</summary>
    public async Task<IReadOnlyList<ReplayStep>> ReplayAsync(IEventStore store, string key, CancellationToken cancellationToken = default) =>
        [.. _steps(key, await store.ReadStreamAsync(StreamIdOf(key), cancellationToken: cancellationToken))];
}
