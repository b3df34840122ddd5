using System.Collections.Frozen;
using System.Text.Json;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// Corrections and retractions name an earlier event of their own stream. The projections do not keep every event's
/// data in memory for the few that are ever amended (a million events held about half a gigabyte, and the garbage
/// collector copied it around during every rebuild): whoever folds a correction or retraction reads the event it names
/// from the store (<see cref="TargetAsync"/>) and passes it to <see cref="IProjectionModel.Apply"/>; a model remembers
/// only the events it amended, as they now stand.
/// </summary>
public static class Amendments
{
    // A frozen set: every folded event is looked up here, and nearly all of them are refused by their length alone.
    private static readonly FrozenSet<string> Types = Contracts.Events.EventTypes.All
        .Where(name => Contracts.Events.EventTypes.TypeOf(name) is { } type && (typeof(ICorrection).IsAssignableFrom(type) || typeof(IRetraction).IsAssignableFrom(type)))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The stored types of every correction and retraction.</summary>
    public static IReadOnlyCollection<string> EventTypes => Types;

    /// <summary>Whether the event is a correction or a retraction (by its type, without decoding it).</summary>
    public static bool IsAmendment(RecordedEvent e) => Types.Contains(e.EventType);

    /// <summary>The id of the event a correction or retraction names; null for any other event (known by its type, without decoding it).</summary>
    public static Guid? TargetOf(RecordedEvent e)
    {
        if (!Types.Contains(e.EventType)) return null;
        try
        {
            return EventJson.Deserialize(e.EventType, e.Data) switch
            {
                ICorrection correction => correction.CorrectedEventId,
                IRetraction retraction => retraction.RetractedEventId,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The event that <paramref name="e"/> corrects or retracts, as stored; null for any other event or when the log has no such event.</summary>
    public static ValueTask<RecordedEvent?> TargetAsync(IEventStore store, RecordedEvent e, CancellationToken cancellationToken = default) =>
        TargetOf(e) is { } id ? new ValueTask<RecordedEvent?>(store.ReadEventAsync(id, cancellationToken)) : default;

    /// <summary>Whether <paramref name="target"/> is the event <paramref name="amendment"/> names: that id, in the same stream, earlier in the log.</summary>
    public static bool IsTargetOf(RecordedEvent? target, RecordedEvent amendment, Guid named) =>
        target is not null && target.EventId == named && target.Position < amendment.Position
        && string.Equals(target.StreamId, amendment.StreamId, StringComparison.Ordinal);
}
