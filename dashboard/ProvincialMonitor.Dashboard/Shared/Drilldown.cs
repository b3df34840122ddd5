using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>
/// Which events make a figure: a scope (<c>flanders</c>, <c>province:x</c>, <c>cluster:x</c>, <c>project:id</c>,
/// <c>campaign:slug</c>) and a
/// measure code become a filter on the log, from the figure's entry in the <see cref="MeasureCatalog"/>: the event
/// types that make it and the corrections and retractions of the stream that holds them.
/// </summary>
public static class Drilldown
{
    public static readonly IReadOnlyList<string> Granted = TypesOf("granted");
    public static readonly IReadOnlyList<string> Paid = TypesOf("paid");
    public static readonly IReadOnlyList<string> Recovered = TypesOf("recovered");
    public static readonly IReadOnlyList<string> Outputs = TypesOf("outputs.any");
    public static readonly IReadOnlyList<string> Measured = TypesOf("measured.any");
    public static readonly IReadOnlyList<string> Population =
        [.. MeasureCatalog.Pers.Single(p => p.Code == "capita").Events.Concat(MeasureCatalog.ProvinceAmendments).Select(EventTypes.NameOf)];

    /// <summary>The scope of a campaign's figures (<c>campaign:{slug}</c>); its measures are the catalog's <c>campaign.*</c> codes.</summary>
    public const string CampaignScope = "campaign:";

    /// <summary>The drill-down of a campaign figure: <paramref name="figure"/> (<c>entries</c>) of the whole, or of a province's part.</summary>
    public static EventFilter? ForCampaign(string slug, string figure, string? province = null) =>
        For(CampaignScope + slug, province is null ? $"campaign.{figure}" : $"campaign.{figure}.{province}");

    /// <summary>The scope of a municipality's figures (<c>municipality:{nis}</c>).</summary>
    public const string MunicipalityScope = "municipality:";

    /// <summary>
    /// The events behind one measure of one scope; null for a code no event type feeds. A municipality's figure counts the
    /// events of the projects located there, which the log cannot select: its filter lists the events naming the place,
    /// and the figure's own events are its explanation.
    /// </summary>
    public static EventFilter? For(string scope, string measure) => MeasureCatalog.Find(measure) is not { } definition ? null
        : scope.StartsWith(MunicipalityScope, StringComparison.Ordinal) ? Of(scope) with { Scope = scope, Measure = measure }
        : Of(scope) with
        {
            Types = definition.DrilldownTypes,
            Domain = MeasureCatalog.DomainOf(measure),
            Province = MeasureCatalog.ProvinceOf(measure) ?? Of(scope).Province,
            Scope = scope,
            Measure = measure,
        };

    /// <summary>The measurements and targets of an indicator of a province or of Flanders.</summary>
    public static EventFilter ForMeasured(string scope) => scope == Measures.Flanders
        ? new EventFilter(Stream: StreamIds.Flanders, Types: Measured)
        : new EventFilter(Stream: StreamIds.Province(ProvinceFigures.Slug(scope)), Types: Measured);

    /// <summary>Every event of a scope, without regard to type.</summary>
    public static EventFilter Of(string scope) => scope switch
    {
        _ when scope.StartsWith("province:", StringComparison.Ordinal) => new EventFilter(Province: scope["province:".Length..]),
        _ when scope.StartsWith("cluster:", StringComparison.Ordinal) => new EventFilter(Cluster: scope["cluster:".Length..]),
        _ when scope.StartsWith("project:", StringComparison.Ordinal) => new EventFilter(Stream: StreamIds.Project(scope["project:".Length..])),
        _ when scope.StartsWith(CampaignScope, StringComparison.Ordinal) => new EventFilter(Campaign: scope[CampaignScope.Length..]),
        _ when scope.StartsWith(MunicipalityScope, StringComparison.Ordinal) => new EventFilter(Municipality: scope[MunicipalityScope.Length..]),
        _ => new EventFilter(),
    };

    /// <summary>
    /// Whether the filter lists events of a figure that counts projects by their lead province, while the log also tags
    /// the provinces that take part: the figure's own attribution when the filter names one, else its event types.
    /// </summary>
    public static bool CountsLeadOnly(EventFilter filter) =>
        filter.Province is not null && filter.Cluster is null && filter.Types is { } types
        && (filter.Measure is { } measure && MeasureCatalog.Find(measure) is { } figure
            ? figure.Attribution == MeasureAttribution.LeadProvince
            : types.Any(t => LeadOnlyTypes.Contains(t)));

    private static readonly HashSet<string> LeadOnlyTypes =
        [.. MeasureCatalog.All.Where(m => m.Attribution == MeasureAttribution.LeadProvince).SelectMany(m => m.DrilldownTypes)];

    private static IReadOnlyList<string> TypesOf(string code) => MeasureCatalog.Find(code)!.DrilldownTypes;
}
