using System.Text.Json;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>A recorded event as the ticker, the log and the export list it, with its line in Dutch (<see cref="EventWording"/>).</summary>
public static class EventSummaries
{
    public static EventSummary Of(RecordedEvent e) =>
        new(e.Position, e.StreamId, e.EventType, e.EffectiveDate, e.RecordedAt, [.. e.Tags.Provinces], Describe(e));

    private static string Describe(RecordedEvent recorded)
    {
        IDomainEvent? e;
        try { e = EventJson.Deserialize(recorded.EventType, recorded.Data); }
        catch (JsonException) { e = null; }
        return e is null ? EventWording.NameOf(recorded.EventType) : EventWording.Summary(e);
    }
}
