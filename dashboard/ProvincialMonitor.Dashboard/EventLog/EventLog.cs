using System.Globalization;
using System.Text;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Dashboard.EventLog;

/// <summary>
/// A filter on the event log as the events page takes it from its address; every part optional.
/// <see cref="Types"/> are stored event type names (<c>SubsidyGranted.v1</c>), any of which matches. A drill-down
/// also names its figure (<see cref="Scope"/> and <see cref="Measure"/>), which the page explains above the log.
/// <see cref="Campaign"/> is a campaign's slug: the events of its stream and of its markets' streams.
/// <see cref="Municipality"/> is a 2025 NIS code: the events whose data names the municipality (a project's location, a
/// market, a retail advice), through the log's municipality rows.
/// </summary>
public sealed record EventFilter(
    string? Province = null,
    string? Domain = null,
    string? Cluster = null,
    IReadOnlyList<string>? Types = null,
    string? Stream = null,
    string? Scope = null,
    string? Measure = null,
    string? Campaign = null,
    string? Municipality = null)
{
    public bool IsEmpty => Province is null && Domain is null && Cluster is null && Campaign is null && Municipality is null && Stream is null && (Types is null || Types.Count == 0);

    /// <summary>The events page's address for this filter, relative to the base address: <c>gebeurtenissen?province=…&amp;type=…</c>.</summary>
    public string Href
    {
        get
        {
            var query = new StringBuilder();
            void Add(string name, string? value)
            {
                if (string.IsNullOrEmpty(value)) return;
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
            Add("province", Province);
            Add("domain", Domain);
            Add("cluster", Cluster);
            Add("campaign", Campaign);
            Add("municipality", Municipality);
            Add("stream", Stream);
            foreach (var type in Types ?? []) Add("type", type);
            Add("scope", Scope);
            Add("measure", Measure);
            return "gebeurtenissen" + query;
        }
    }
}

/// <summary>One event of the log as the events page and the project timeline show it.</summary>
public sealed record LogEntry(
    long Position,
    string StreamId,
    long StreamVersion,
    string EventType,
    DateOnly EffectiveDate,
    DateTimeOffset RecordedAt,
    string Summary,
    IReadOnlyList<string> Provinces,
    string? Domain,
    IReadOnlyList<string> Clusters,
    string Source)
{
    /// <summary>The dashboard page of the stream's aggregate, or null when it has none.</summary>
    public string? StreamHref => StreamId switch
    {
        _ when StreamIds.ProjectId(StreamId) is { } project => "projecten/" + Uri.EscapeDataString(project),
        _ when StreamIds.ClusterSlug(StreamId) is { } cluster => "clusters/" + Uri.EscapeDataString(cluster),
        _ when StreamIds.ProvinceSlug(StreamId) is { } province => "provincies/" + Uri.EscapeDataString(province),
        _ => null,
    };

    public string PositionText => Position.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A page of the log, newest first; <see cref="Before"/> continues it with older events, null at the start of the log.</summary>
public sealed record LogEntryPage(IReadOnlyList<LogEntry> Events, long? Before);
