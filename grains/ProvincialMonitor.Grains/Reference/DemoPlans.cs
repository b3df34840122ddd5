using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The demo's plans beside the projects (source <c>demo</c>): each province's credits of this year per domain under its
/// council's multi-year plan, one adjustment of the plan, provincial targets, and the spearhead clusters' members and
/// the provinces' funding of them, dated within this year and never after today. Illustrations, not published figures.
/// A key names one fact and this year's facts name the year, so a new year adds its own (docs/demo.md).
/// </summary>
public sealed class DemoPlans(CommandDispatcher dispatcher, MonitorClock clock)
{
    /// <summary>The domains with a credit: every domain of the demo projects, so that each province's grants meet a credit.</summary>
    public static readonly string[] CreditDomains =
        ["innovation-clusters", "spatial-economy", "labour-market", "circular-economy", "social-economy", "cross-border"];

    private static readonly (string Province, decimal EmploymentRate2030)[] Targets =
    [
        ("antwerpen", 78m), ("limburg", 77m), ("oost-vlaanderen", 80m), ("vlaams-brabant", 80m), ("west-vlaanderen", 81m),
    ];

    private static readonly (string Cluster, (string Name, string Kind)[] Members, (string Province, decimal Amount, string Purpose)[] Funding)[] Clusters =
    [
        ("catalisti", [("Universiteit Antwerpen", "knowledge-institution"), ("Demo Chemie Antwerpen nv", "company")],
            [("antwerpen", 120_000m, "project-work")]),
        ("sim", [("Universiteit Gent", "knowledge-institution"), ("Demo Materialen Gent bv", "company")],
            [("oost-vlaanderen", 90_000m, "project-work")]),
        ("flux50", [("UHasselt", "knowledge-institution"), ("Demo Energie Genk nv", "company")],
            [("limburg", 110_000m, "structural-investment")]),
        ("vil", [("POM Antwerpen", "government"), ("Demo Logistiek Limburg nv", "company")],
            [("antwerpen", 80_000m, "project-work"), ("limburg", 60_000m, "branding")]),
        ("flanders-food", [("Demo Voeding Roeselare nv", "company")], [("west-vlaanderen", 75_000m, "project-work")]),
        ("blauwe-cluster", [("Demo Offshore Oostende nv", "company"), ("Vlaams Instituut voor de Zee", "knowledge-institution")],
            [("west-vlaanderen", 95_000m, "structural-investment")]),
        ("medvia", [("KU Leuven", "knowledge-institution"), ("Demo Biotech Leuven nv", "company")],
            [("vlaams-brabant", 130_000m, "project-work")]),
    ];

    /// <summary>The credit of a domain this year for the province at <paramref name="i"/>, as the plan adopts it.</summary>
    public static decimal Credit(int domain, int province) => 750_000m + 250_000m * (domain % 3) + 100_000m * province;

    /// <summary>A day of this year at <paramref name="share"/> of the way from 1 January to today.</summary>
    public static DateOnly InThisYear(DateOnly today, double share)
    {
        var first = new DateOnly(today.Year, 1, 1);
        return first.AddDays((int)((today.DayNumber - first.DayNumber) * share));
    }

    public async Task<int> LoadAsync(Func<int, string> planDecisionRef, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var year = today.Year;
        var recorded = 0;
        foreach (var (province, i) in ProvinceSlugs.All.Select((p, i) => (p, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A credit keeps its key when its decision reference changes; one allocated under an earlier key was done before.
            foreach (var (domain, j) in CreditDomains.Select((d, j) => (d, j)))
                recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/budget/{domain}/{year}",
                    new AllocateBudget(domain, year, Credit(j, i)) { EffectiveDate = new DateOnly(year, 1, 1), DecisionRef = planDecisionRef(i) },
                    alreadyDone: true);
            recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/target/employment-rate/2030",
                new SetTarget("employment-rate", Targets[i].EmploymentRate2030, 2030) { EffectiveDate = new DateOnly(2025, 1, 1) });
        }

        // One adjustment of the plan: the council raises Antwerpen's credit for spatial economy (the new total).
        var adjusted = InThisYear(today, 0.5);
        var adjustmentRef = $"PR-{year}-AANP-1";
        recorded += await SendAsync<IProvinceGrain, ProvinceCommand>("antwerpen", "province/antwerpen/decision/plan-adjustment/" + year,
            new TakeDecision(adjustmentRef, "provincieraad", "Aanpassing van het meerjarenplan: ruimtelijke economie", "spatial-economy",
                "De provincieraad verhoogt het krediet voor ruimtelijke economie voor de herbestemming van bedrijventerreinen.", "Provinciedecreet",
                21, 8, 2, 150_000m)
            { EffectiveDate = adjusted, DecisionRef = adjustmentRef, Body = "provincieraad" });
        recorded += await SendAsync<IProvinceGrain, ProvinceCommand>("antwerpen", $"province/antwerpen/credit-adjustment/spatial-economy/{year}",
            new AdjustCredit("spatial-economy", year, Credit(1, 0) + 150_000m) { EffectiveDate = adjusted, DecisionRef = adjustmentRef });

        foreach (var ((cluster, members, funding), k) in Clusters.Select((c, k) => (c, k)))
        {
            foreach (var (name, kind) in members)
                recorded += await SendAsync<IClusterGrain, ClusterCommand>(cluster, $"cluster/{cluster}/member/{name}",
                    new AddClusterMember(name, kind) { EffectiveDate = new DateOnly(2025, 3, 1).AddDays(k * 9) });
            foreach (var (province, amount, purpose) in funding)
                recorded += await SendAsync<IClusterGrain, ClusterCommand>(cluster, $"cluster/{cluster}/funding/{province}/{year}",
                    new GrantClusterFunding(province, amount, purpose) { EffectiveDate = InThisYear(today, 0.1 + 0.12 * k) });
        }
        return recorded;
    }

    private async Task<int> SendAsync<TGrain, TCommand>(string key, string step, TCommand command, bool alreadyDone = false)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var outcome = await dispatcher.SendAsync<TGrain, TCommand>(key, command, new CommandRequest(Actor.System, Sources.Demo, $"demo/{step}", $"demo/{step}"));
        if (alreadyDone && outcome.Refusal is { Kind: RefusalKind.Conflict }) return 0;
        if (outcome.Refusal is { } refusal) throw new InvalidOperationException($"Demo data was refused ({step}): {refusal.Message}");
        return outcome.Replayed ? 0 : 1;
    }
}
