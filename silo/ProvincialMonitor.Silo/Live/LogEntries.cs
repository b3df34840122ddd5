using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>A stored event as a row of the dashboard's log and timelines: where, what, when, its summary and its tags.</summary>
internal static class LogEntries
{
    public static LogEntry Of(RecordedEvent e) => new(
        e.Position, e.StreamId, e.StreamVersion, e.EventType, e.EffectiveDate, e.RecordedAt, EventSummaries.Of(e).Summary,
        e.Tags.Provinces, e.Tags.Domain, e.Tags.Clusters, e.Tags.Source);

    public static LogEntry Of(TimelineEntry e) => new(
        e.Position, e.StreamId, e.StreamVersion, e.EventType, e.EffectiveDate, e.RecordedAt, e.Summary, e.Provinces, e.Domain, e.Clusters, e.Source);
}
