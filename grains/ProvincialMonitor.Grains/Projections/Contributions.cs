using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>One amount that an event adds to one measure of one scope (<c>flanders</c>, <c>province:x</c>, <c>cluster:x</c>).</summary>
public readonly record struct Contribution(string Scope, string Measure, decimal Amount);

/// <summary>What the projection knows of a project when it counts the project's money.</summary>
public sealed record ProjectFacts(string LeadProvince, string[] Participants, string Domain, string[] Clusters);

/// <summary>
/// The additive part of the indicators: money, outputs, budgets, retail advice, decisions, as the measure catalog
/// declares them (<see cref="Contracts.Measures.MeasureCatalog"/>, docs/measures.md; a unit test checks that every
/// figure made here is there, made by the same event). A pure function of one event and the project it belongs to,
/// so that a correction adds (new − old) and a retraction subtracts, each as of its own effective date.
/// </summary>
public static class Contributions
{
    public const string Flanders = Contracts.Measures.MeasureCatalog.Flanders;

    private static readonly Dictionary<string, string> ProvinceScopes =
        ProvinceSlugs.All.ToDictionary(slug => slug, slug => $"province:{slug}", StringComparer.Ordinal);

    /// <summary>The scope of a province (the five known ones without allocating: the projection asks for them with every event).</summary>
    public static string Province(string slug) => ProvinceScopes.TryGetValue(slug, out var scope) ? scope : $"province:{slug}";

    public static string Cluster(string slug) => Name("cluster:", slug);

    public static string Project(string streamId) => Names.GetOrAdd(("project:", streamId), static k => $"project:{StreamIds.ProjectId(k.Suffix)}");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Prefix, string Suffix), string> Names = new();

    /// <summary>
    /// prefix + suffix, made once: the projection names scopes and measures for every event it folds, from a few
    /// hundred combinations (measures by domain, funder, metric and year; scopes by cluster and project).
    /// </summary>
    private static string Name(string prefix, string suffix) => Names.GetOrAdd((prefix, suffix), static k => k.Prefix + k.Suffix);

    /// <summary>Adds the event's contributions to <paramref name="into"/> (a list the caller reuses: this runs for every event folded).</summary>
    /// <param name="grantOf">A project's grant by its reference (what a payment counts under), or null.</param>
    /// <param name="year">The year of the event's own effective date (of the event amended, for a correction or retraction).</param>
    /// <param name="appeals">Where the province's retail appeals were filed, for their decisions' municipality, or null.</param>
    public static void Of(IDomainEvent e, string streamId, Func<string, ProjectFacts?> project, Func<string, string, SubsidyGranted?> grantOf,
        List<Contribution> into, int year, RetailAppeals? appeals = null)
    {
        switch (e)
        {
            case SubsidyGranted granted when project(streamId) is { } p:
                Money(into, p, "granted", granted.Amount, granted, year);
                into.Add(new Contribution(Project(streamId), "granted", granted.Amount));
                if (p.Domain == PolicyDomains.CrossBorder && granted.Funder == "eu")
                    Both(into, p.LeadProvince, "cross-border.eu-granted", granted.Amount);
                break;
            case SubsidyPaid paid when project(streamId) is { } p:
                Money(into, p, "paid", paid.Amount, grantOf(streamId, paid.GrantRef), year);
                into.Add(new Contribution(Project(streamId), "paid", paid.Amount));
                break;
            // "paid" is net of recoveries: a recovery takes back from every paid figure, in its own year, and counts apart as "recovered".
            case SubsidyRecovered recovered when project(streamId) is { } p:
                var recoveredOn = grantOf(streamId, recovered.GrantRef);
                Money(into, p, "paid", -recovered.Amount, recoveredOn, year);
                into.Add(new Contribution(Project(streamId), "paid", -recovered.Amount));
                Money(into, p, "recovered", recovered.Amount, recoveredOn, year);
                into.Add(new Contribution(Project(streamId), "recovered", recovered.Amount));
                break;
            case OutputReported output when project(streamId) is { } p:
                Both(into, p.LeadProvince, Name("outputs.", output.Metric), output.Value);
                into.Add(new Contribution(Project(streamId), Name("outputs.", output.Metric), output.Value));
                break;
            case BudgetAllocated budget when StreamIds.ProvinceSlug(streamId) is { } province:
                Credit(into, province, budget.Domain, budget.Year, budget.Amount);
                break;
            case CreditAdjusted adjusted when StreamIds.ProvinceSlug(streamId) is { } province:
                Credit(into, province, adjusted.Domain, adjusted.Year, adjusted.Change);
                break;
            case ClusterFundingGranted funding when StreamIds.ClusterSlug(streamId) is { } cluster:
                Both(into, funding.Province, "cluster-funding", funding.Amount);
                into.Add(new Contribution(Cluster(cluster), "cluster-funding", funding.Amount));
                into.Add(new Contribution(Cluster(cluster), Name("cluster-funding.", funding.Province), funding.Amount));
                break;
            case DecisionTaken decision when StreamIds.ProvinceSlug(streamId) is { } province:
                Both(into, province, "decisions", 1);
                Both(into, province, Name("decisions.domain.", decision.Domain), 1);
                break;
            case RetailPermitAdviceGiven or RetailPermitDecided or RetailAppealFiled or RetailAppealDecided when StreamIds.ProvinceSlug(streamId) is { } province:
                RetailFigures.Of(e, streamId, province, appeals, into);
                break;
        }
    }

    // The credit (codes budget.*, kept as the API names them): allocations as recorded (an old log's several summed), adjustments' changes.
    private static void Credit(List<Contribution> into, string province, string domain, int year, decimal amount)
    {
        var ofYear = Name("budget.", Year(year));
        Both(into, province, "budget", amount);
        Both(into, province, ofYear, amount);
        Both(into, province, Name(ofYear, "." + domain), amount);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Years = new();

    /// <summary>A year as text, made once (this runs for every grant and payment folded).</summary>
    private static string Year(int year) => Years.GetOrAdd(year, static y => y.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A grant of the province or the pom (and its payments) is its granting province's money, on any project (an old
    /// grant that names none: the lead's; a payment whose grant is unknown: the lead's too). What other funders (the
    /// Flemish government, the EU, other provinces) put into a project counts apart for its lead (<c>cofunded.*</c>).
    /// Vlaanderen counts each grant once: the provinces' money as theirs, the Flemish government's and the EU's as
    /// cofunded. Each of the project's clusters counts every grant.
    /// </summary>
    /// Against the credit, by the year of the grant's or the payment's own effective date (<c>granted.year.{year}.{domain}</c>):
    /// a payment counts in its own year, also under an earlier year's grant.
    private static void Money(List<Contribution> into, ProjectFacts p, string measure, decimal amount, SubsidyGranted? grant, int year)
    {
        var funder = grant?.Funder;
        var owner = grant is null ? p.LeadProvince : Funders.NamesAProvince(funder) ? grant.GrantingProvince ?? p.LeadProvince : null;
        if (owner is not null)
        {
            Both(into, owner, measure, amount);
            Both(into, owner, Name(Name(measure, ".domain."), p.Domain), amount);
            var ofYear = Name(Name(measure, ".year."), Year(year));
            Both(into, owner, ofYear, amount);
            Both(into, owner, Name(ofYear, "." + p.Domain), amount);
            if (funder is not null) Both(into, owner, Name(Name(measure, ".funder."), funder), amount);
        }
        else
        {
            into.Add(new Contribution(Flanders, Name("cofunded.", measure), amount));
            into.Add(new Contribution(Flanders, Name(Name("cofunded.", measure), "." + funder), amount));
        }
        if (owner != p.LeadProvince)
        {
            into.Add(new Contribution(Province(p.LeadProvince), Name("cofunded.", measure), amount));
            into.Add(new Contribution(Province(p.LeadProvince), Name(Name("cofunded.", measure), "." + funder), amount));
        }
        foreach (var cluster in p.Clusters) into.Add(new Contribution(Cluster(cluster), measure, amount));
    }

    private static void Both(List<Contribution> into, string province, string measure, decimal amount)
    {
        into.Add(new Contribution(Province(province), measure, amount));
        into.Add(new Contribution(Flanders, measure, amount));
    }
}
