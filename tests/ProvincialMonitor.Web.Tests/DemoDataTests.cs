using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Silo.Security;
using ProvincialMonitor.Silo.Simulation;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The demo data must not look official: invented values name no real publisher, De Punt is where it is, and a
/// multi-year plan is the provincial council's. A store holding the demo data as it was before still starts.
/// The texts below are the facts as they are, on purpose not read from the product.
/// </summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task The_demo_data_names_no_real_source_for_invented_values_puts_De_Punt_in_Ghent_and_has_the_council_adopt_the_plans()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        silo.CreateClient().Dispose();

        var demo = await DemoEventsAsync(silo);

        var measured = demo.Where(e => e.EventType == EventTypes.NameOf(typeof(IndicatorMeasured))).Select(Data).ToList();
        Assert.NotEmpty(measured);
        Assert.All(measured, m => Assert.DoesNotContain("Statbel", m.GetProperty("source").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(measured, m => Assert.Contains("fictief", m.GetProperty("source").GetString(), StringComparison.OrdinalIgnoreCase));

        var plans = demo.Where(e => e.EventType == EventTypes.NameOf(typeof(DecisionTaken)))
            .Where(e => Data(e).GetProperty("title").GetString()!.Contains("meerjarenplan", StringComparison.OrdinalIgnoreCase)).ToList();
        // Each council adopts its plan; an adjustment of the plan is the council's too.
        Assert.Equal(ProvinceSlugs.All.Count, plans.Select(p => p.StreamId).Distinct().Count());
        Assert.All(plans, p => Assert.Equal("provincieraad", Data(p).GetProperty("decidingBody").GetString()));
        Assert.All(plans, p => Assert.Equal("provincieraad", JsonDocument.Parse(p.Metadata).RootElement.GetProperty("body").GetString()));

        var dePunt = Assert.Single(demo, e => e.EventType == EventTypes.NameOf(typeof(ProjectRegistered))
            && Data(e).GetProperty("title").GetString()!.StartsWith("De Punt", StringComparison.Ordinal));
        Assert.Equal(("oost-vlaanderen", "social-economy"), (Data(dePunt).GetProperty("leadProvince").GetString(), Data(dePunt).GetProperty("domain").GetString()));
    }

    /// <summary>
    /// A store that got the demo data before it was put right: the old items under their old keys (source demo, the
    /// system principal, as the demo loader wrote them). It starts; it keeps the old items (events never change)
    /// and gets the corrected ones beside them, and a province's view shows the newest measurement, the demo value.
    /// </summary>
    [Fact]
    public async Task A_store_with_the_old_demo_items_still_starts_and_gets_the_corrected_ones_beside_them()
    {
        var folder = Directory.CreateTempSubdirectory("provmon-olddemo-").FullName;
        try
        {
            await using (var silo = SiloFactory.Embedded(folder, demo: false))
            {
                silo.CreateClient().Dispose();
                await SeedTheOldDemoItemsAsync(silo.Services.GetRequiredService<CommandDispatcher>());
            }

            await using (var silo = SiloFactory.Embedded(folder, demo: true))
            {
                using var client = silo.CreateClient();
                var demo = await DemoEventsAsync(silo);

                var sources = demo.Where(e => e.EventType == EventTypes.NameOf(typeof(IndicatorMeasured)) && e.StreamId == "province-limburg")
                    .Select(e => Data(e).GetProperty("source").GetString()).ToList();
                Assert.Contains("Statbel EAK", sources);
                Assert.Contains(sources, s => s!.Contains("fictief", StringComparison.Ordinal));
                var bodies = demo.Where(e => e.EventType == EventTypes.NameOf(typeof(DecisionTaken)) && e.StreamId == "province-limburg")
                    .Select(e => Data(e).GetProperty("decidingBody").GetString()).Order().ToList();
                Assert.Equal(["deputatie", "provincieraad"], bodies);
                var dePunt = demo.Where(e => e.EventType == EventTypes.NameOf(typeof(ProjectRegistered)))
                    .Select(Data).Where(d => d.GetProperty("title").GetString()!.StartsWith("De Punt", StringComparison.Ordinal))
                    .Select(d => d.GetProperty("leadProvince").GetString()).Order().ToList();
                Assert.Equal(["limburg", "oost-vlaanderen"], dePunt);

                var deadline = MonitorClock.System.Now.AddSeconds(30);
                string? shown = null;
                while (shown?.Contains("fictief", StringComparison.Ordinal) != true && MonitorClock.System.Now < deadline)
                {
                    await Task.Delay(200);
                    var figures = await client.GetJsonAsync("/api/indicators/provinces/limburg");
                    shown = figures.GetProperty("measured").EnumerateArray()
                        .Where(m => m.GetProperty("code").GetString() == "employment-rate").Select(m => m.GetProperty("source").GetString()).FirstOrDefault();
                }
                Assert.Contains("fictief", shown, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_demo_has_each_provinces_credits_of_this_year_under_a_council_decision_an_adjustment_grants_of_this_year_targets_and_cluster_members_and_funding()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        silo.CreateClient().Dispose();
        var today = MonitorClock.System.Today;

        var demo = await DemoEventsAsync(silo);
        List<RecordedEvent> Of<T>() => [.. demo.Where(e => e.EventType == EventTypes.NameOf(typeof(T)))];

        var credits = Of<BudgetAllocated>().Where(e => Data(e).GetProperty("year").GetInt32() == today.Year).ToList();
        Assert.All(ProvinceSlugs.All, p => Assert.Contains(credits, c => c.StreamId == $"province-{p}"));
        Assert.All(credits, c => Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(c.Metadata).RootElement.GetProperty("decisionRef").GetString())));
        var adjustment = Assert.Single(Of<CreditAdjusted>());
        Assert.Equal(today.Year, Data(adjustment).GetProperty("year").GetInt32());

        var grantsThisYear = Of<SubsidyGranted>().Where(e => e.EffectiveDate.Year == today.Year).ToList();
        Assert.True(grantsThisYear.Count >= 5, $"{grantsThisYear.Count} grants this year");
        Assert.All(demo, e => Assert.True(e.EffectiveDate <= today, $"{e.EventType} on {e.EffectiveDate} is after today"));

        Assert.All(ProvinceSlugs.All, p => Assert.Contains(Of<TargetSet>(), t => t.StreamId == $"province-{p}"));
        Assert.True(Of<ClusterMemberJoined>().Select(e => e.StreamId).Distinct().Count() >= 5);
        Assert.All(ProvinceSlugs.All, p => Assert.Contains(Of<ClusterFundingGranted>(), f => Data(f).GetProperty("province").GetString() == p));
    }

    /// <summary>
    /// The demo coordinator's scope is the series of the campaigns the demo plays, so it follows the running demo campaign whose
    /// slug changes every day; a campaign of another name is not the coordinator's.
    /// </summary>
    [Fact]
    public async Task The_demo_coordinator_acts_on_the_running_demo_campaign_and_is_refused_on_another_campaign()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        silo.CreateClient().Dispose();
        var dispatcher = silo.Services.GetRequiredService<CommandDispatcher>();
        var today = MonitorClock.System.Today;
        var demoUser = Assert.Single(DemoUsers.All, u => u.Login == "coordinator");
        var coordinator = new Actor("u-demo-coordinator", Roles.Coordinator, [], demoUser.Campaigns!);

        async Task<Refusal?> Send(Actor actor, string slug, CampaignCommand command, string step) =>
            (await dispatcher.SendAsync<ICampaignGrain, CampaignCommand>(slug, command, new CommandRequest(actor, Sources.Demo, $"test/{slug}/{step}", $"test/{slug}/{step}"))).Refusal;
        LaunchCampaign Launch(string slug) => new(slug, slug, today.AddDays(-29), today, [.. ProvinceSlugs.All], []) { EffectiveDate = today.AddDays(-30) };
        var action = new HoldCampaignAction("Persmoment op de markt", "Demo-actie van de coördinator", null) { EffectiveDate = today };

        var running = SimulationSettings.Demo(today, 2026).Slug;
        var other = $"kerstmarkt-{today.Year}";
        Assert.Null(await Send(Actor.System, running, Launch(running), "launch"));
        Assert.Null(await Send(Actor.System, other, Launch(other), "launch"));

        Assert.Null(await Send(coordinator, running, action, "action"));
        var refused = await Send(coordinator, other, action, "action");
        Assert.Equal(Refusals.ScopeNotYourCampaign.Code, refused?.Code);
    }

    /// <summary>
    /// The demo plays the April before the last one and the running campaign's predecessor (the same 30 days a year ago), so
    /// both show a previous-year figure at the same day.
    /// </summary>
    [Fact]
    public async Task The_demo_plays_two_aprils_and_a_predecessor_of_the_running_campaign_so_both_compare_with_the_year_before()
    {
        var silo = SiloFactory.Embedded(demo: true, settings: new Dictionary<string, string?>
        {
            ["Demo:Simulate"] = "true", ["Demo:MarketsPerProvince"] = "1", ["Demo:TrickleSeconds"] = "5",
        });
        await using (silo)
        {
            silo.ServeOnKestrel();
            var today = MonitorClock.System.Today;
            var lastApril = today >= new DateOnly(today.Year, 5, 1) ? today.Year : today.Year - 1;
            var campaigns = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignFiguresGrain>(ProvincialMonitor.Grains.Projections.ReadModelProjector.Name);
            string[] slugs = [SimulationSettings.April(lastApril, 2026).Slug, SimulationSettings.Demo(today, 2026).Slug];
            string?[] expected = [SimulationSettings.April(lastApril - 1, 2025).Slug, SimulationSettings.Demo(today.AddYears(-1), 2025).Slug];
            var deadline = MonitorClock.System.Now.AddSeconds(180);
            var figures = new CampaignFigures?[2];
            while (MonitorClock.System.Now < deadline && figures.Any(f => f?.Scopes[^1].PreviousAtSameDay is not > 0))
            {
                await Task.Delay(1000);
                for (var i = 0; i < 2; i++) figures[i] = await campaigns.Campaign(slugs[i]);
            }
            Assert.Equal(expected, figures.Select(f => f?.Previous));
            Assert.All(figures, f => Assert.True(f!.Scopes[^1].PreviousAtSameDay > 0, $"{f.Slug}: no previous-year figure at the same day"));
        }
    }

    /// <summary>The items as the demo loader wrote them before (their keys, and a budget under the old plan's reference).</summary>
    private static async Task SeedTheOldDemoItemsAsync(CommandDispatcher dispatcher)
    {
        var today = MonitorClock.System.Today;
        async Task Send<TGrain, TCommand>(string key, string step, TCommand command)
            where TGrain : IAggregateGrain<TCommand> where TCommand : Command
        {
            var outcome = await dispatcher.SendAsync<TGrain, TCommand>(key, command, new CommandRequest(Actor.System, Sources.Demo, $"demo/{step}", $"demo/{step}"));
            Assert.Null(outcome.Refusal);
        }

        await Send<IProjectGrain, ProjectCommand>(Guid.CreateVersion7().ToString(), "project/limburg/DP-01/registered",
            new RegisterProject("De Punt: leerhub voor knelpuntberoepen", "DP-01", "limburg", [], "labour-market", [], ["VDAB", "De Punt"],
                today.AddDays(-475), today.AddDays(-475).AddYears(3), 640_000m, null) { EffectiveDate = today.AddDays(-475) });
        foreach (var (province, i) in ProvinceSlugs.All.Select((p, i) => (p, i)))
        {
            var decided = today.AddDays(-670 + i * 11);
            var decisionRef = $"DEP-{decided.Year}-{100 + i * 7}";
            await Send<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/decision/multi-year-plan",
                new TakeDecision(decisionRef, "deputatie", "Goedkeuring economisch meerjarenplan", "innovation-clusters",
                    "De deputatie keurt de prioriteiten en de middelen voor het economisch beleid goed.", "Provinciedecreet art. 2", 6, 0, 1, 2_500_000m)
                { EffectiveDate = decided, DecisionRef = decisionRef, Body = "deputatie" });
            await Send<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/budget/labour-market",
                new AllocateBudget("labour-market", today.Year, 1_250_000m + 100_000m * i) { EffectiveDate = new DateOnly(today.Year, 1, 1), DecisionRef = decisionRef });
            await Send<IProvinceGrain, ProvinceCommand>(province, $"province/{province}/employment-rate/2024",
                new MeasureIndicator("employment-rate", 74.0m, "percent", "2024", "Statbel EAK"));
        }
        await Send<IRegionGrain, RegionCommand>(RegionDecider.Key, "flanders/employment-rate/2024",
            new MeasureRegionIndicator("employment-rate", 76.1m, "percent", "2024", "Statbel EAK"));
    }

    private static async Task<List<RecordedEvent>> DemoEventsAsync(SiloFactory silo) =>
        [.. (await silo.Store.QueryAsync(new LogQuery { Source = Sources.Demo, Limit = 1000 })).Events];

    private static JsonElement Data(RecordedEvent e) => JsonDocument.Parse(e.Data).RootElement;
}
