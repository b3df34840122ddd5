using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;

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
/// Which events of a stream a historical read folds (docs/domain.md "As-of semantics"): as known at a recorded time
/// or at a position of the log, and, on the effective basis, only those in effect on a date, in position order.
/// </summary>
public sealed record AsOfQuery(DateTimeOffset? RecordedUpTo = null, DateOnly? EffectiveOn = null, long? AtPosition = null)
{
    public bool Includes(RecordedEvent e) =>
        (RecordedUpTo is not { } t || e.RecordedAt <= t)
        && (EffectiveOn is not { } d || e.EffectiveDate <= d)
        && (AtPosition is not { } p || e.Position <= p);
}

/// <summary>
/// An aggregate's state as of a moment: whether it existed, how many of its events were folded, the last position among
/// them; <see cref="View"/> is the state as the view record of its GET (null when it did not exist or has none).
/// </summary>
public sealed record HistoricalState(bool Exists, long Events, long Position, string StateJson, object? View = null);

/// <summary>One event of a stream and the aggregate's state right after it.</summary>
public sealed record ReplayStep(RecordedEvent Event, bool Exists, string StateJson);
