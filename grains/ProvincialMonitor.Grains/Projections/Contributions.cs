using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>One amount that an event adds to one measure of one scope (<c>flanders</c>, <c>province:x</c>, <c>cluster:x</c>).</summary>
public readonly record struct Contribution(string Scope, string Measure, decimal Amount);

/// <summary>What the projection knows of a project when it counts the project's money.</summary>
public sealed record ProjectFacts(string LeadProvince, string[] Participants, string Domain, string[] Clusters);

/// <summary>
/// The additive part of the indicators (DOMAIN.md "Indicators"): money, outputs, budgets, retail advice,
/// decisions. A pure function of one event and the project it belongs to, so that a correction adds
/// (new − old) and a retraction subtracts, each as of its own effective date.
/// </summary>
public static class Contributions
{
    public const string Flanders = "flanders";

    private static readonly Dictionary<string, string> ProvinceScopes =
        ProvinceSlugs.All.ToDictionary(slug => slug, slug => $"province:{slug}", StringComparer.Ordinal);

    /// <summary>The scope of a province (the five known ones without allocating: the projection asks for them with every event).</summary>
    public static string Province(string slug) => ProvinceScopes.TryGetValue(slug, out var scope) ? scope : $"province:{slug}";

    public static string Cluster(string slug) => Name("cluster:", slug);

    public static string Project(string streamId) => Names.GetOrAdd(("project:", streamId), static k => $"project:{k.Suffix["project-".Length..]}");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Prefix, string Suffix), string> Names = new();

    /// <summary>
    /// prefix + suffix, made once: the projection names scopes and measures for every event it folds, from a few
    /// hundred combinations (measures by domain, funder, metric and year; scopes by cluster and project).
    /// </summary>
    private static string Name(string prefix, string suffix) => Names.GetOrAdd((prefix, suffix), static k => k.Prefix + k.Suffix);

    public static IEnumerable<Contribution> Of(IDomainEvent e, string streamId, Func<string, ProjectFacts?> project, Func<string, string?> grantFunder)
    {
        switch (e)
        {
            case SubsidyGranted granted when project(streamId) is { } p:
                foreach (var c in Money(p, "granted", granted.Amount, granted.Funder)) yield return c;
                yield return new Contribution(Project(streamId), "granted", granted.Amount);
                if (p.Domain == PolicyDomains.CrossBorder && granted.Funder == "eu")
                    foreach (var c in Both(p.LeadProvince, "cross-border.eu-granted", granted.Amount)) yield return c;
                break;
            case SubsidyPaid paid when project(streamId) is { } p:
                foreach (var c in Money(p, "paid", paid.Amount, grantFunder(streamId + "/" + paid.GrantRef))) yield return c;
                yield return new Contribution(Project(streamId), "paid", paid.Amount);
                break;
            case OutputReported output when project(streamId) is { } p:
                foreach (var c in Both(p.LeadProvince, Name("outputs.", output.Metric), output.Value)) yield return c;
                break;
            case BudgetAllocated budget when SlugOf(streamId, "province-") is { } province:
                foreach (var c in Both(province, "budget", budget.Amount)) yield return c;
                foreach (var c in Both(province, Name("budget.", budget.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), budget.Amount)) yield return c;
                foreach (var c in Both(province, Name(Name("budget.", budget.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "." + budget.Domain), budget.Amount)) yield return c;
                break;
            case ClusterFundingGranted funding when SlugOf(streamId, "cluster-") is { } cluster:
                foreach (var c in Both(funding.Province, "cluster-funding", funding.Amount)) yield return c;
                yield return new Contribution(Cluster(cluster), "cluster-funding", funding.Amount);
                yield return new Contribution(Cluster(cluster), Name("cluster-funding.", funding.Province), funding.Amount);
                break;
            case DecisionTaken decision when SlugOf(streamId, "province-") is { } province:
                foreach (var c in Both(province, "decisions", 1)) yield return c;
                foreach (var c in Both(province, Name("decisions.domain.", decision.Domain), 1)) yield return c;
                break;
            case RetailPermitAdviceGiven advice when SlugOf(streamId, "province-") is { } province:
                foreach (var c in Both(province, "retail.advice", 1)) yield return c;
                foreach (var c in Both(province, Name("retail.advice.", advice.Advice), 1)) yield return c;
                break;
            case RetailAppealFiled when SlugOf(streamId, "province-") is { } province:
                foreach (var c in Both(province, "retail.appeals", 1)) yield return c;
                break;
            case RetailAppealDecided decided when SlugOf(streamId, "province-") is { } province:
                foreach (var c in Both(province, Name("retail.appeals.", decided.Outcome), 1)) yield return c;
                break;
        }
    }

    /// <summary>A project's money counts once in its lead province and in Flanders, and for each of its clusters.</summary>
    private static IEnumerable<Contribution> Money(ProjectFacts p, string measure, decimal amount, string? funder)
    {
        foreach (var c in Both(p.LeadProvince, measure, amount)) yield return c;
        foreach (var c in Both(p.LeadProvince, Name(Name(measure, ".domain."), p.Domain), amount)) yield return c;
        if (funder is not null)
            foreach (var c in Both(p.LeadProvince, Name(Name(measure, ".funder."), funder), amount)) yield return c;
        foreach (var cluster in p.Clusters) yield return new Contribution(Cluster(cluster), measure, amount);
    }

    private static IEnumerable<Contribution> Both(string province, string measure, decimal amount)
    {
        yield return new Contribution(Province(province), measure, amount);
        yield return new Contribution(Flanders, measure, amount);
    }

    private static string? SlugOf(string streamId, string prefix) =>
        streamId.StartsWith(prefix, StringComparison.Ordinal) ? streamId[prefix.Length..] : null;
}
