using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Silo.Api;

/// <summary>The filter on the log as <c>GET /api/events</c> and the export take it from the query string (an empty value: not given).</summary>
public static class LogQueries
{
    private static readonly QueryParameter Stream = new("stream", "One stream (for example project-{id}).");
    private static readonly QueryParameter StreamPrefix = new("streamPrefix", "The streams whose id starts with this (for example market-maand-van-de-markt-2025/).");
    private static readonly QueryParameter EventType = new("type", "An event type (every version of it); repeat for more than one.") { Repeatable = true };
    private static readonly QueryParameter Province = new("province", "The events tagged with this province (its slug).");
    private static readonly QueryParameter Domain = new("domain", "The events tagged with this domain.");
    private static readonly QueryParameter Cluster = new("cluster", "The events tagged with this cluster (its slug).");
    private static readonly QueryParameter Campaign = new("campaign", "The events tagged with this campaign (its slug).");
    private static readonly QueryParameter Actor = new("actor", "The events recorded by this actor id.");
    private static readonly QueryParameter Source = new("source", "The events from this source (api, import, dashboard, an outside system's name).");
    private static readonly QueryParameter Municipality = new("municipality",
        "The events whose data names this municipality (NIS code, 2025 boundaries; a former code reads as its 2025 municipality): a project's location, a market's or an advice's municipality.");
    private static readonly QueryParameter DecisionRef = new("decisionRef", "The events under this decision reference.");
    private static readonly QueryParameter RecordedFrom = new("recordedFrom", "Recorded at or after this time.") { Kind = QueryKind.Time };
    private static readonly QueryParameter RecordedBefore = new("recordedBefore", "Recorded before this time.") { Kind = QueryKind.Time };
    private static readonly QueryParameter EffectiveFrom = new("effectiveFrom", "In effect on or after this date.") { Kind = QueryKind.Date };
    private static readonly QueryParameter EffectiveTo = new("effectiveTo", "In effect on or before this date.") { Kind = QueryKind.Date };
    private static readonly QueryParameter After = new("after", "After this position (a page's next, reading forwards).") { Kind = QueryKind.Whole, Default = "0" };
    private static readonly QueryParameter Before = new("before", "Before this position (reading backwards).") { Kind = QueryKind.Whole };
    private static readonly QueryParameter Direction = new("direction", "The order of the page.") { Values = ["forwards", "backwards"], Default = "forwards" };
    private static readonly QueryParameter Limit = new("limit", "The most events in one page (1 to 1000).") { Kind = QueryKind.Whole, Default = "100" };

    /// <summary>What selects the events (also of an export, which takes them all in order).</summary>
    public static readonly IReadOnlyList<QueryParameter> Filters =
        [Stream, StreamPrefix, EventType, Province, Domain, Cluster, Campaign, Municipality, Actor, Source, DecisionRef, RecordedFrom, RecordedBefore, EffectiveFrom, EffectiveTo, After, Before];

    /// <summary>The query of <c>GET /api/events</c>: the filters and the page.</summary>
    public static readonly QueryDescription Described = new([.. Filters, Direction, Limit]);

    public static (LogQuery? Query, IResult? Problem) Parse(HttpRequest request, int maxLimit = 1000)
    {
        var q = new QueryReader(request, emptyIsAbsent: true);
        var direction = q.Text(Direction);
        if (!Direction.Values!.Contains(direction)) q.Refuse(Direction, Refusals.FieldNotADirection);
        var limit = q.Whole(Limit);
        if (limit is < 1 || limit > maxLimit) q.Refuse(Limit, Refusals.FieldLimitRange, ("maxLimit", maxLimit));
        var municipality = MunicipalityCodes.CurrentCode(Municipality.Name, q.Text(Municipality), []);
        if (municipality is not null && ReferenceData.FindMunicipality(municipality) is null)
        {
            if (municipality.Length == 5 && municipality.All(char.IsAsciiDigit))
                q.Refuse(Municipality, Refusals.FieldNotAMunicipalityNis, ("version", ReferenceData.MunicipalityBoundaryVersion));
            else q.Refuse(Municipality, Refusals.FieldNotANisCode);
        }
        var query = new LogQuery
        {
            StreamId = q.Text(Stream), StreamPrefix = q.Text(StreamPrefix),
            EventTypes = [.. q.All(EventType).SelectMany(Contracts.Events.EventTypes.VersionsOf).Distinct()],
            Province = q.Text(Province), Domain = q.Text(Domain), Cluster = q.Text(Cluster), Campaign = q.Text(Campaign), Municipality = municipality,
            Actor = q.Text(Actor), Source = q.Text(Source), DecisionRef = q.Text(DecisionRef),
            RecordedFrom = q.Time(RecordedFrom), RecordedBefore = q.Time(RecordedBefore),
            EffectiveFrom = q.Date(EffectiveFrom), EffectiveTo = q.Date(EffectiveTo),
            Direction = direction == "backwards" ? LogDirection.Backwards : LogDirection.Forwards,
            AfterPosition = q.Whole(After) ?? 0, BeforePosition = q.Whole(Before), Limit = (int)Math.Clamp(limit ?? maxLimit, 1, maxLimit),
        };
        return q.Problem is { } problem ? (null, problem) : (query, null);
    }

    /// <summary>The filters given, as text for the audit trail (<c>name=value&amp;…</c>, in the order given).</summary>
    public static string Describe(HttpRequest request) =>
        string.Join("&", request.Query.SelectMany(p => p.Value.Select(v => $"{p.Key}={v}")));
}
