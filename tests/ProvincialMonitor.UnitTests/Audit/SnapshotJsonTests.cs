using ProvincialMonitor.Grains;
using System.Collections.Immutable;
using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ClusterMember = ProvincialMonitor.Grains.Clusters.ClusterMember;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.UnitTests.Audit;

/// <summary>
/// A historical read that starts from a snapshot decodes the state from the JSON it was shown as: every kind of
/// aggregate's state, with every collection filled, must come back shown the same.
/// </summary>
public sealed class SnapshotJsonTests
{
    private static readonly IndicatorBook Book = new(
        [new IndicatorTarget("EMP-RATE", 80.5m, 2030)],
        [new Measurement("EMP-RATE", 76.25m, "%", "2025", "Statbel"), new Measurement("EMP-RATE", 77m, "%", "2026", "Statbel")]);

    public static TheoryData<string, object> States() => new()
    {
        { "project", ProjectState.Unregistered("p-1") with
            {
                Registered = true, Title = "Brug \"naar\" werk", ExternalRef = "EXT-1", LeadProvince = "limburg", ParticipatingProvinces = ["antwerpen"],
                Domain = "labour-market", Clusters = ["flux50"], Partners = ["VDAB", "Voka"], PlannedStart = new DateOnly(2026, 1, 1),
                PlannedEnd = new DateOnly(2027, 12, 31), TotalBudget = 1_250_000.50m, CrossBorderProgramme = "interreg-vl-nl", Status = "running",
                Grants = ImmutableDictionary<string, Grant>.Empty.Add("G-1", new Grant(1000.25m, "province", 500m, "limburg")).Add("G-2", new Grant(20m, "efro", 0m, null)),
                Milestones = ["kick-off"], Outputs = [new Output("jobs-created", 12, "2026-Q1")],
            } },
        { "province", ProvinceState.Unregistered("limburg") with
            {
                Registered = true, Name = "Limburg", NisCode = "70000", Pom = "POM Limburg", Populations = [new Population(2025, 885_000, 42)],
                Decisions = [new ProvinceDecision("D-1", "deputatie", "Besluit", "business-parks", "Samenvatting", 5, 1, null, 12.5m)],
                Budget = [new BudgetLine("business-parks", 2026, 3_000_000m)], Indicators = Book,
                PermitAdvice = [new PermitAdvice("hasselt", "OMV-1", 1200.5m, "voeding", "positive")],
                Appeals = [new RetailAppeal("A-1", "genk", null, "NV Winkel")], AppealDecisions = [new AppealDecision("A-1", "rejected")],
            } },
        { "cluster", ClusterState.Unregistered("flux50") with
            {
                Registered = true, Name = "Flux50", Sector = "energie", Kind = "spearhead", Province = null,
                Members = ImmutableDictionary<string, ClusterMember>.Empty.Add("Umicore", new ClusterMember("Umicore", "company")),
                Fundings = [new ClusterFunding("limburg", 50_000m, "werking")], MembershipBreaches = [Refusal.Of(Refusals.ClusterMemberLeavesUnjoined, ("member", "X"))],
            } },
        { "campaign", CampaignState.Unlaunched("maand-van-de-markt-2026") with
            {
                Launched = true, Name = "Maand van de Markt", PeriodStart = new DateOnly(2026, 4, 1), PeriodEnd = new DateOnly(2026, 4, 30),
                Provinces = ["limburg", "antwerpen"], Targets = [new CampaignTarget("limburg", 10, 20, 5000)],
                Municipalities = ImmutableDictionary<string, string>.Empty.Add("hasselt", "limburg"),
                Markets = ImmutableDictionary<string, JoinedMarket>.Empty.Add("m-1", new JoinedMarket("m-1", "Dinsdagmarkt", "hasselt", "limburg", "tuesday", 80)),
                Actions = [new CampaignAction("Affiches", null, ["limburg"])], Closed = true, ClosedReason = "einde", Breaches = [Refusal.Of(Refusals.CampaignMarketTwice, ("marketId", "m-1"))],
            } },
        { "market", MarketState.Unregistered("maand-van-de-markt-2026/m-1") with
            {
                Registered = true, Municipality = "hasselt", Province = "limburg", Weekday = "tuesday", PeriodStart = new DateOnly(2026, 4, 1),
                PeriodEnd = new DateOnly(2026, 4, 30), Closed = false, Days = [new MarketDay(new DateOnly(2026, 4, 7), 75)],
                Entries = [new EntryBatch(120, new DateTimeOffset(2026, 4, 7, 9, 30, 0, TimeSpan.FromHours(2)))], Breaches = [],
            } },
        { "flanders", new RegionState(Book) },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Every_kinds_state_comes_back_from_its_json_as_it_was(string kind, object state)
    {
        var json = JsonSerializer.Serialize(state, state.GetType(), StateFold.StateJson);

        var decoded = JsonSerializer.Deserialize(json, state.GetType(), StateFold.StateJson);

        Assert.True(AggregateKinds.All.ContainsKey(kind));
        Assert.Equal(json, JsonSerializer.Serialize(decoded, state.GetType(), StateFold.StateJson));
    }
}
