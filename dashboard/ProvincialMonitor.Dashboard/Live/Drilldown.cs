using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Dashboard.Live;

/// <summary>
/// Which events make a figure: a scope (<c>flanders</c>, <c>province:x</c>, <c>cluster:x</c>, <c>project:id</c>) and a
/// measure code (README "Indicators") become a filter on the log. The event types follow the projection's
/// contributions; a figure's corrections and retractions are in the same stream, so they are listed with it.
/// </summary>
public static class Drilldown
{
    private static readonly string[] ProjectFixes = [Name<ProjectCorrected>(), Name<ProjectRetracted>()];
    private static readonly string[] ProvinceFixes = [Name<ProvinceCorrected>(), Name<ProvinceRetracted>()];
    private static readonly string[] ClusterFixes = [Name<ClusterCorrected>(), Name<ClusterRetracted>()];

    public static readonly IReadOnlyList<string> Granted = [Name<SubsidyGranted>(), .. ProjectFixes];
    public static readonly IReadOnlyList<string> Paid = [Name<SubsidyPaid>(), .. ProjectFixes];
    public static readonly IReadOnlyList<string> ProjectCounts = [Name<ProjectRegistered>(), Name<ProjectStatusChanged>(), .. ProjectFixes];
    public static readonly IReadOnlyList<string> Outputs = [Name<OutputReported>(), .. ProjectFixes];
    public static readonly IReadOnlyList<string> Budgets = [Name<BudgetAllocated>(), .. ProvinceFixes];
    public static readonly IReadOnlyList<string> ClusterFunding = [Name<ClusterFundingGranted>(), .. ClusterFixes];
    public static readonly IReadOnlyList<string> Decisions = [Name<DecisionTaken>(), .. ProvinceFixes];
    public static readonly IReadOnlyList<string> Retail =
        [Name<RetailPermitAdviceGiven>(), Name<RetailAppealFiled>(), Name<RetailAppealDecided>(), .. ProvinceFixes];
    public static readonly IReadOnlyList<string> Measured = [Name<IndicatorMeasured>(), Name<TargetSet>(), .. ProvinceFixes, Name<RegionCorrected>(), Name<RegionRetracted>()];
    public static readonly IReadOnlyList<string> Population = [Name<PopulationRecorded>(), .. ProvinceFixes];

    /// <summary>The events behind one measure of one scope; null for a code no event type feeds.</summary>
    public static EventFilter? For(string scope, string measure)
    {
        var parts = measure.Split('.');
        var (types, domain) = parts[0] switch
        {
            "granted" => (Granted, parts is [_, "domain", var d] ? d : null),
            "paid" => (Paid, parts is [_, "domain", var d] ? d : null),
            "projects" => (ProjectCounts, parts is [_, "domain", var d] ? d : null),
            "cross-border" => (parts is [_, "eu-granted"] ? Granted : ProjectCounts, PolicyDomains.CrossBorder),
            "outputs" => (Outputs, null),
            "budget" => (Budgets, parts is [_, _, var d] ? d : null),
            "cluster-funding" => (ClusterFunding, null),
            "decisions" => (Decisions, parts is [_, "domain", var d] ? d : null),
            "retail" => (Retail, null),
            _ => ((IReadOnlyList<string>?)null, (string?)null),
        };
        if (types is null) return null;
        var filter = Of(scope) with { Types = types, Domain = domain };
        // Cluster funding by province: cluster-funding.{province} on a cluster.
        if (parts is ["cluster-funding", var province]) filter = filter with { Province = province };
        return filter;
    }

    /// <summary>The measurements and targets of an indicator of a province or of Flanders.</summary>
    public static EventFilter ForMeasured(string scope) => scope == Measures.Flanders
        ? new EventFilter(Stream: "region-vlaanderen", Types: Measured)
        : new EventFilter(Stream: "province-" + ProvinceFigures.Slug(scope), Types: Measured);

    /// <summary>Every event of a scope, without regard to type.</summary>
    public static EventFilter Of(string scope) => scope switch
    {
        _ when scope.StartsWith("province:", StringComparison.Ordinal) => new EventFilter(Province: scope["province:".Length..]),
        _ when scope.StartsWith("cluster:", StringComparison.Ordinal) => new EventFilter(Cluster: scope["cluster:".Length..]),
        _ when scope.StartsWith("project:", StringComparison.Ordinal) => new EventFilter(Stream: "project-" + scope["project:".Length..]),
        _ => new EventFilter(),
    };

    /// <summary>Whether the figure counts projects by their lead province while the log also tags the provinces that take part.</summary>
    public static bool CountsLeadOnly(EventFilter filter) =>
        filter.Province is not null && filter.Cluster is null && filter.Types is { } types
        && types.Any(t => Granted.Contains(t) || Paid.Contains(t) || Outputs.Contains(t) || ProjectCounts.Contains(t));

    private static string Name<T>() where T : IDomainEvent => EventTypes.NameOf(typeof(T));
}
