using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The demo mode's data (source <c>demo</c>): the example projects of the source text with plausible
/// grants, payments, outputs and statuses, the multi-year plan of each provincial council with budgets,
/// and employment rates, with effective dates spread over the last two years. The figures are
/// illustrations, not published numbers, and a measured value names <see cref="DemoSource"/> as its source.
/// Fixed idempotency keys make a second start add nothing. A key names one fact: a fact that changes gets a
/// new key, because a key the store knows is answered with its first outcome whatever the command now says
/// (a store with the earlier fact keeps it and gets the changed one beside it; docs/security.md "Demo data").
/// </summary>
public sealed class DemoData(CommandDispatcher dispatcher, MonitorClock clock, ILogger<DemoData> logger)
{
    private sealed record DemoProject(
        string Ref, string Title, string Lead, string[] Participants, string Domain, string[] Clusters, string[] Partners,
        decimal Budget, string? ProgrammeFamily, (string Funder, decimal Amount)[] Grants, decimal PaidShare, string Status,
        (string Metric, decimal Value)[] Outputs, (string By, string Funder, decimal Amount)[]? ParticipantGrants = null, string[]? Places = null);

    /// <summary>The source of every demo measurement: invented values must not name a real publisher.</summary>
    private const string DemoSource = "Demowaarde (fictief)";

    private static readonly DemoProject[] Projects =
    [
        new("ZV-01", "Zennevallei: herontwikkeling van bedrijventerreinen", "vlaams-brabant", [], "spatial-economy", [], ["POM Vlaams-Brabant", "Halle", "Beersel"],
            4_200_000m, null, [("province", 1_250_000m), ("flanders", 800_000m)], 0.45m, "running", [("hectares-activated", 18.5m), ("companies-supported", 14)], Places: ["23027", "23003"]),
        new("KK-01", "Kanaalkant: ondernemen langs het Albertkanaal", "antwerpen", [], "spatial-economy", ["vil"], ["POM Antwerpen"],
            2_600_000m, null, [("pom", 900_000m)], 0.60m, "running", [("hectares-activated", 9.2m), ("jobs-created", 120)], Places: ["13008", "13049"]),
        new("WUA-01", "Wetenschapspark Universiteit Antwerpen", "antwerpen", [], "innovation-clusters", ["catalisti", "medvia"], ["Universiteit Antwerpen"],
            7_500_000m, null, [("province", 2_000_000m), ("eu", 1_500_000m)], 0.35m, "running", [("companies-supported", 22), ("startups-supported", 9)], Places: ["11002"]),
        new("KC-01", "Kamp C: circulair bouwen en wonen", "antwerpen", [], "circular-economy", ["sim"], ["Kamp C", "VITO"],
            1_800_000m, null, [("province", 650_000m)], 0.80m, "running", [("companies-supported", 31), ("tonnes-recycled", 420)], Places: ["13049"]),
        new("SPL-01", "Smart Port Limburg", "limburg", [], "innovation-clusters", ["vil", "flux50"], ["POM Limburg", "UHasselt"],
            3_100_000m, null, [("province", 1_100_000m), ("flanders", 600_000m)], 0.50m, "running", [("companies-supported", 17), ("jobs-created", 45)], Places: ["71016"]),
        new("EZ-01", "Eiland Zwijnaarde: bedrijventerrein voor kennisbedrijven", "oost-vlaanderen", [], "spatial-economy", ["sim"], ["POM Oost-Vlaanderen", "Universiteit Gent"],
            5_400_000m, null, [("pom", 1_700_000m)], 0.55m, "running", [("hectares-activated", 12.0m), ("jobs-created", 210)], Places: ["44021"]),
        new("PSS-01", "Proeftuin Saving Space", "west-vlaanderen", [], "spatial-economy", [], ["POM West-Vlaanderen"],
            950_000m, null, [("province", 400_000m)], 1.00m, "completed", [("hectares-activated", 4.1m)], Places: ["34022"]),
        new("BVT-01", "Bedrijventerrein van de toekomst", "west-vlaanderen", [], "circular-economy", ["blauwe-cluster"], ["POM West-Vlaanderen", "Leiedal"],
            2_250_000m, null, [("province", 700_000m), ("eu", 450_000m)], 0.30m, "running", [("companies-supported", 8)], Places: ["34022", "34013"]),
        new("TRI-01", "Trividend: fonds voor sociale ondernemingen", "antwerpen", ["oost-vlaanderen"], "social-economy", [], ["Trividend"],
            3_000_000m, null, [("province", 500_000m)], 0.70m, "running", [("companies-supported", 26), ("jobs-created", 85)],
            [("oost-vlaanderen", "pom", 250_000m)], Places: ["11002", "44021"]),
        new("DP-01", "De Punt: platform van de sociale economie in Gent", "oost-vlaanderen", [], "social-economy", [], ["De Punt"],
            640_000m, null, [("province", 320_000m)], 0.50m, "running", [("companies-supported", 24)], Places: ["44021"]),
        new("INT-01", "Grensoverschrijdende logistieke corridors", "west-vlaanderen", ["oost-vlaanderen", "antwerpen", "limburg"], "cross-border", ["vil"],
            ["Provincie Zeeland", "Provincie Noord-Brabant"], 6_800_000m, "interreg-vl-nl-", [("eu", 2_900_000m), ("province", 600_000m)], 0.40m, "running",
            [("companies-supported", 40)], [("antwerpen", "province", 300_000m)], Places: ["31005", "44021", "11002", "71016"]),
        new("ESM-01", "Euregio Scheldemond: grensarbeid zonder drempels", "oost-vlaanderen", ["west-vlaanderen"], "cross-border", [], ["Provincie Zeeland", "Euregio Scheldemond"],
            420_000m, null, [("eu", 210_000m)], 0.25m, "planned", []),
    ];

    private static readonly (string Province, decimal Rate2024, decimal Rate2025)[] EmploymentRates =
    [
        ("antwerpen", 74.1m, 74.6m), ("limburg", 73.0m, 73.4m), ("oost-vlaanderen", 77.2m, 77.5m),
        ("vlaams-brabant", 77.9m, 78.3m), ("west-vlaanderen", 78.4m, 78.9m),
    ];

    /// <summary>This year's grants of the province (funder <c>province</c>), at a share of the way from 1 January to today, and the share paid.</summary>
    private static readonly (string Ref, decimal Amount, double When, decimal PaidShare)[] ThisYearGrants =
    [
        ("KK-01", 220_000m, 0.1, 0.5m), ("WUA-01", 300_000m, 0.35, 0.3m), ("TRI-01", 120_000m, 0.8, 0m), ("SPL-01", 180_000m, 0.25, 0.5m),
        ("EZ-01", 260_000m, 0.55, 0.4m), ("DP-01", 90_000m, 0.9, 0m), ("ZV-01", 240_000m, 0.7, 0.25m), ("BVT-01", 150_000m, 0.45, 0.5m),
        ("INT-01", 100_000m, 0.95, 0m),
    ];

    private static DateOnly PlanDecided(DateOnly start, int province) => start.AddDays(30 + province * 11);

    private static string PlanDecisionRef(DateOnly start, int province) => $"PR-{PlanDecided(start, province).Year}-{100 + province * 7}";

    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var start = today.AddDays(-700);
        var recorded = 0;
        for (var i = 0; i < Projects.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            recorded += await LoadProjectAsync(Projects[i], start.AddDays(i * 25));
        }

        foreach (var (province, i) in ProvinceSlugs.All.Select((p, i) => (p, i)))
        {
            // The provincial council adopts the multi-year plan; the votes are the council's.
            var decided = PlanDecided(start, i);
            var decisionRef = PlanDecisionRef(start, i);
            recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/decision/multi-year-plan/provincieraad",
                new TakeDecision(decisionRef, "provincieraad", "Vaststelling van het meerjarenplan: economisch beleid", "innovation-clusters",
                    "De provincieraad stelt het meerjarenplan vast, met de prioriteiten en de middelen voor het economisch beleid.", "Provinciedecreet",
                    22, 7, 2, 2_500_000m)
                { EffectiveDate = decided, DecisionRef = decisionRef, Body = "provincieraad" });
        }
        recorded += await new DemoPlans(dispatcher, clock).LoadAsync(i => PlanDecisionRef(start, i), cancellationToken);

        foreach (var (province, rate2024, rate2025) in EmploymentRates)
        {
            recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/demo-employment-rate/2024",
                new MeasureIndicator("employment-rate", rate2024, "percent", "2024", DemoSource) { EffectiveDate = new DateOnly(2025, 4, 30) });
            if (today >= new DateOnly(2026, 5, 1))
                recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/demo-employment-rate/2025",
                    new MeasureIndicator("employment-rate", rate2025, "percent", "2025", DemoSource) { EffectiveDate = new DateOnly(2026, 4, 30) });
        }
        recorded += await SendAsync<IRegionGrain, RegionCommand>(RegionDecider.Key, "flanders/demo-employment-rate/2024",
            new MeasureRegionIndicator("employment-rate", 76.1m, "percent", "2024", DemoSource) { EffectiveDate = new DateOnly(2025, 4, 30) });

        recorded += await new DemoBusinessParks(dispatcher, clock).LoadAsync(cancellationToken);
        recorded += await new DemoRetail(dispatcher, clock).LoadAsync(cancellationToken);

        if (recorded > 0) logger.LogInformation("Recorded {Count} demo facts", recorded);
        return recorded;
    }

    private async Task<int> LoadProjectAsync(DemoProject p, DateOnly registered)
    {
        var key = $"project/{p.Lead}/{p.Ref}";
        var (programme, rate, plannedEnd) = DemoGrants.Programme(p.ProgrammeFamily, registered, registered.AddYears(3));
        var register = await dispatcher.SendAsync<IProjectGrain, ProjectCommand>(Guid.CreateVersion7().ToString(),
            new RegisterProject(p.Title, p.Ref, p.Lead, p.Participants, p.Domain, p.Clusters, p.Partners,
                registered, plannedEnd, p.Budget, programme, CoFinancingRate: rate) { EffectiveDate = registered },
            Request($"{key}/registered"));
        if (register.Refusal is { } refused) throw new InvalidOperationException($"Demo project {p.Ref} was refused: {refused.Message}");
        var id = StreamIds.ProjectId(register.StreamId)!;
        var recorded = register.Replayed ? 0 : 1;

        async Task Send(string step, ProjectCommand command) => recorded += await SendAsync<IProjectGrain, ProjectCommand>(id, $"{key}/{step}", command);

        // One project is left without a place, so that "zonder locatie" has a row.
        if (p.Places is { } places) await Send("location", new LocateProject(places) { EffectiveDate = registered });

        if (p.Status != "planned") await Send("running", new ChangeProjectStatus("running") { EffectiveDate = registered.AddDays(20) });
        // The lead's grants are the lead's money; a participating province grants its own.
        var grants = p.Grants.Select(g => (By: p.Lead, g.Funder, g.Amount)).Concat(p.ParticipantGrants ?? []);
        foreach (var (grant, i) in grants.Select((g, i) => (g, i)))
        {
            var grantRef = $"{p.Ref}-G{i + 1}";
            var granted = registered.AddDays(40 + i * 15);
            var decisionRef = $"DEP-{granted.Year}-{p.Ref}-{i + 1}";
            await Send($"grant/{grantRef}", new GrantSubsidy(grantRef, grant.Amount, grant.Funder, Funders.NamesAProvince(grant.Funder) ? grant.By : null) { EffectiveDate = granted, DecisionRef = decisionRef, Body = "deputatie" });
            var paid = decimal.Round(grant.Amount * p.PaidShare / 2, 2);
            if (paid > 0)
            {
                await Send($"payment/{grantRef}/1", new PaySubsidy(grantRef, paid, $"PAY-{grantRef}-1") { EffectiveDate = granted.AddDays(60) });
                await Send($"payment/{grantRef}/2", new PaySubsidy(grantRef, paid, $"PAY-{grantRef}-2") { EffectiveDate = granted.AddDays(300) });
            }
        }
        foreach (var (step, command) in DemoGrants.For(p.Ref, registered)) await Send(step, command);
        foreach (var (grantRef, amount, when, paidShare) in ThisYearGrants.Where(g => g.Ref == p.Ref))
        {
            var today = clock.Today;
            var granted = DemoPlans.InThisYear(today, when);
            var thisYearRef = $"{p.Ref}-{today.Year}-1";
            await Send($"grant/{thisYearRef}", new GrantSubsidy(thisYearRef, amount, "province", p.Lead)
                { EffectiveDate = granted, DecisionRef = $"DEP-{today.Year}-{p.Ref}-J", Body = "deputatie" });
            var paid = decimal.Round(amount * paidShare, 2);
            if (paid > 0)
                await Send($"payment/{thisYearRef}/1", new PaySubsidy(thisYearRef, paid, $"PAY-{thisYearRef}-1")
                    { EffectiveDate = granted.AddDays((today.DayNumber - granted.DayNumber) / 2) });
        }
        foreach (var (metric, value) in p.Outputs)
            await Send($"output/{metric}", new ReportOutput(metric, value, $"{registered.AddDays(365).Year}") { EffectiveDate = registered.AddDays(400) });
        await Send("milestone/start", new ReachMilestone("Startvergadering stuurgroep", null) { EffectiveDate = registered.AddDays(10) });
        if (p.Status == "completed") await Send("completed", new ChangeProjectStatus("completed") { EffectiveDate = registered.AddDays(500) });
        return recorded;
    }

    private async Task<int> SendAsync<TGrain, TCommand>(string key, string step, TCommand command)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var outcome = await dispatcher.SendAsync<TGrain, TCommand>(key, command, Request(step));
        if (outcome.Refusal is { } refusal) throw new InvalidOperationException($"Demo data was refused ({step}): {refusal.Message}");
        return outcome.Replayed ? 0 : 1;
    }

    private static CommandRequest Request(string step) => new(Actor.System, Sources.Demo, $"demo/{step}", $"demo/{step}");
}
