using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Region;

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
        Assert.Equal(ProvinceSlugs.All.Count, plans.Count);
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
