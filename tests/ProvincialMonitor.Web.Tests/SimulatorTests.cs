using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Silo.Cli;
using ProvincialMonitor.Silo.Security;
using ProvincialMonitor.Silo.Simulation;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The plan of the Maand van de Markt simulator: deterministic and realistic, without a silo.</summary>
public sealed class SimulatorPlanTests
{

    [Fact]
    public void The_same_seed_plans_the_same_requests_and_another_seed_other_ones()
    {
        var settings = SimulationSettings.LastApril(MonitorClock.System.Today, 7) with { Days = 5, MarketsPerProvince = 6 };

        var first = MarketMonthPlan.Create(settings).Steps.Select(s => s.ToString()).ToList();
        var second = MarketMonthPlan.Create(settings).Steps.Select(s => s.ToString()).ToList();
        var other = MarketMonthPlan.Create(settings with { Seed = 8 }).Steps.Select(s => s.ToString()).ToList();

        Assert.True(first.Count > 100);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_full_april_follows_the_published_proportions_and_the_rules_of_the_api()
    {
        var settings = SimulationSettings.LastApril(MonitorClock.System.Today, 1);
        var plan = MarketMonthPlan.Create(settings);
        var steps = plan.Steps;
        var markets = plan.Markets.ToDictionary(m => m.Id);
        var joined = steps.Where(s => s.Kind == StepKind.Municipality).ToList();

        // about 70 markets and 800 traders per province; 71 markets in Antwerpen, 46 municipalities in Oost-Vlaanderen
        Assert.Equal(71, plan.Markets.Count(m => m.Province == "antwerpen"));
        Assert.Equal(46, joined.Count(s => s.Province == "oost-vlaanderen"));
        foreach (var province in ProvinceSlugs.All)
        {
            Assert.InRange(plan.Markets.Count(m => m.Province == province), 50, 80);
            Assert.InRange(plan.Markets.Where(m => m.Province == province).Sum(m => m.Traders), 650, 900);
        }
        // real NIS codes, each market in its own province, every market in a municipality that joined before it
        Assert.All(plan.Markets, m => Assert.Equal(m.Province, ReferenceData.FindMunicipality(m.Municipality)!.ProvinceSlug));
        var joinedAt = joined.ToDictionary(s => JsonDocument.Parse(s.Body).RootElement.GetProperty("municipality").GetString()!, s => s.At);
        Assert.All(steps.Where(s => s.Kind == StepKind.Market), s =>
            Assert.True(joinedAt[markets[Id(s)].Municipality] < s.At));
        Assert.True(steps[0].Kind == StepKind.Launch && steps[^1].Kind == StepKind.Close);
        // market days on the market's weekday, entries between 8 and 13 h Brussels time, after the market day
        Assert.All(steps.Where(s => s.Kind == StepKind.MarketDay), s =>
        {
            var date = DateOnly.Parse(JsonDocument.Parse(s.Body).RootElement.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(markets[Id(s)].Weekday, Weekdays.All[((int)date.DayOfWeek + 6) % 7]);
        });
        Assert.All(steps.Where(s => s.Kind == StepKind.Entries), s =>
        {
            var local = MonitorClock.InBrussels(s.At);
            Assert.InRange(local.Hour, 8, 12);
            Assert.InRange(s.Entries, 1, 100_000);
        });
        // every key unique, short enough, and not made of wall-clock time
        Assert.Equal(steps.Count, steps.Select(s => s.IdempotencyKey).Distinct().Count());
        Assert.All(steps, s => Assert.True(s.IdempotencyKey.Length <= 200 && s.IdempotencyKey.StartsWith($"sim/{settings.Slug}/1/", StringComparison.Ordinal)));
        // a believable curve: the busiest hour is mid-morning
        var busiest = steps.Where(s => s.Kind == StepKind.Entries).GroupBy(s => MonitorClock.InBrussels(s.At).Hour)
            .OrderByDescending(g => g.Sum(s => s.Entries)).First().Key;
        Assert.InRange(busiest, 10, 11);
    }

    /// <summary>The market a step is about: in the body when it joins, else in the path (/api/campaigns/{slug}/markets/{id}/...).</summary>
    private static string Id(SimulationStep step) => step.Kind == StepKind.Market
        ? JsonDocument.Parse(step.Body).RootElement.GetProperty("marketId").GetString()!
        : step.Path.Split('/')[5];
}

/// <summary>The simulator against a silo on a real port: what it counts is what the store holds, and a rerun stores nothing.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class SimulatorRunTests : IAsyncLifetime
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private string _url = "";

    public Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private HttpClient Client(string source = Sources.Simulator)
    {
        var http = new HttpClient { BaseAddress = new Uri(_url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        http.DefaultRequestHeaders.Add("X-Source", source);
        return http;
    }

    private static SimulationSettings Small(int seed) => SimulationSettings.LastApril(MonitorClock.System.Today, seed) with { Days = 2, MarketsPerProvince = 3 };

    private Task<(int Exit, string Out, string Error)> CliAsync(params string[] args) =>
        CliRunner.RunAsync(_url, [.. args, "--api-key", SiloFactory.AdminKey]);

    private async Task<List<RecordedEvent>> CampaignEventsAsync(string campaign)
    {
        var events = new List<RecordedEvent>();
        var query = new LogQuery { Campaign = campaign, Limit = 1000 };
        while (true)
        {
            var page = await _silo.Store.QueryAsync(query);
            events.AddRange(page.Events);
            if (page.NextPosition is not { } next) return events;
            query = query with { AfterPosition = next };
        }
    }

    [Fact]
    public async Task A_short_run_stores_the_entries_it_counts_per_province_and_a_rerun_with_the_same_seed_stores_nothing()
    {
        var settings = Small(11);
        using var http = Client();
        var before = await _silo.CountEventsAsync();

        var run = await new MarketMonthSimulator(http, _ => { }, _ => { }, new SimulatorOptions { Speed = 1e9 }).RunAsync(MarketMonthPlan.Create(settings), CancellationToken.None);
        var afterFirst = await _silo.CountEventsAsync();
        var rerun = await CliAsync("simulate", "maand-van-de-markt", "--year", settings.PeriodStart.Year.ToString(CultureInfo.InvariantCulture), "--days", "2", "--seed", "11", "--markets-per-province", "3", "--speed", "1000000000");
        var afterRerun = await _silo.CountEventsAsync();

        Assert.Equal((0, null, 0), (run.ExitCode, run.Failure, run.Refused));
        Assert.Equal(run.Planned, run.Stored);
        Assert.True(afterFirst > before + run.Planned - 1, $"{afterFirst - before} events for {run.Planned} requests");
        Assert.True(rerun.Exit == 0, rerun.Out + rerun.Error);
        Assert.Contains($"0 stored, {run.Planned:N0} replayed, 0 refused", rerun.Out, StringComparison.Ordinal);
        Assert.Equal(afterFirst, afterRerun);

        var events = await CampaignEventsAsync(settings.Slug);
        Assert.All(events, e => Assert.Equal(Sources.Simulator, e.Tags.Source));
        var stored = events.Where(e => e.EventType == EventTypes.NameOf(typeof(EntriesRegistered)))
            .GroupBy(e => e.Tags.Provinces.Single())
            .ToDictionary(g => g.Key, g => g.Sum(e => (long)JsonDocument.Parse(e.Data).RootElement.GetProperty("count").GetInt32()));
        Assert.True(run.Entries.Values.Sum() > 0);
        Assert.All(ProvinceSlugs.All, p => Assert.True(stored.GetValueOrDefault(p) == run.Entries[p], $"{p}: counted {run.Entries[p]}, stored {stored.GetValueOrDefault(p)}"));
        Assert.Contains($"Flanders {run.Entries.Values.Sum().ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}", rerun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_short_run_the_campaign_figures_on_the_hub_and_the_API_equal_the_counts_in_the_store()
    {
        var settings = Small(23);
        using var http = Client();
        await using var hub = new HubConnectionBuilder()
            .WithUrl($"{_url}/hubs/indicators", o => o.Headers["X-Api-Key"] = SiloFactory.AdminKey).Build();
        var pushed = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("CampaignChanged", c => pushed.Enqueue(c));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", $"campaign:{settings.Slug}");

        var run = await new MarketMonthSimulator(http, _ => { }, _ => { }, new SimulatorOptions { Speed = 1e9 }).RunAsync(MarketMonthPlan.Create(settings), CancellationToken.None);
        Assert.Equal(run.Planned, run.Stored);
        var head = (await _silo.Store.GetHeadAsync()).Position;

        // The projection catches up within seconds; wait for the figures that reflect the whole run.
        JsonElement api = default;
        for (var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(30); MonitorClock.System.Now.UtcDateTime < deadline; await Task.Delay(200))
        {
            api = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/indicators/campaigns/{settings.Slug}", UriKind.Relative))).RootElement;
            if (api.GetProperty("position").GetInt64() >= head) break;
        }
        var snapshot = await hub.InvokeAsync<JsonElement>("GetCampaign", settings.Slug);
        JsonElement? last = null;
        for (var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(10); MonitorClock.System.Now.UtcDateTime < deadline && last is null; await Task.Delay(100))
            last = pushed.LastOrDefault(c => c.GetProperty("position").GetInt64() >= head) is { ValueKind: JsonValueKind.Object } found ? found : null;

        var events = await CampaignEventsAsync(settings.Slug);
        long Sum(string type, string province, string field) => events
            .Where(e => e.EventType == type && e.Tags.Provinces.Contains(province))
            .Sum(e => (long)JsonDocument.Parse(e.Data).RootElement.GetProperty(field).GetInt32());
        int Count(string type, string province) => events.Count(e => e.EventType == type && e.Tags.Provinces.Contains(province));
        var entries = EventTypes.NameOf(typeof(EntriesRegistered));
        var markets = EventTypes.NameOf(typeof(MarketJoined));
        var municipalities = EventTypes.NameOf(typeof(MunicipalityJoined));

        Assert.True(run.Entries.Values.Sum() > 0);
        Assert.True(api.GetProperty("position").GetInt64() >= head, "the projection did not catch up");
        Assert.NotNull(last);
        foreach (var figures in new[] { api, snapshot, last!.Value })
        {
            foreach (var province in ProvinceSlugs.All)
            {
                var scope = figures.GetProperty("scopes").EnumerateArray().Single(x => x.GetProperty("scope").GetString() == $"province:{province}");
                Assert.Equal(Sum(entries, province, "count"), scope.GetProperty("entriesTotal").GetInt64());
                Assert.Equal(run.Entries[province], scope.GetProperty("entriesTotal").GetInt64());
                Assert.Equal(Count(markets, province), scope.GetProperty("markets").GetInt32());
                Assert.Equal(Sum(markets, province, "traders"), scope.GetProperty("traders").GetInt32());
                Assert.Equal(Count(municipalities, province), scope.GetProperty("municipalitiesJoined").GetInt32());
            }
            var flanders = figures.GetProperty("scopes").EnumerateArray().Single(x => x.GetProperty("scope").GetString() == "flanders");
            Assert.Equal(run.Entries.Values.Sum(), flanders.GetProperty("entriesTotal").GetInt64());
        }
    }

    [Fact]
    public async Task Cancelling_stops_the_run_promptly_with_nothing_left_in_flight_and_exit_code_130()
    {
        using var http = Client();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var lines = new List<string>();

        // 3,600 simulated seconds a second: the whole April would take a quarter of an hour
        var result = await new MarketMonthSimulator(http, l => { lock (lines) lines.Add(l); }, _ => { }, new SimulatorOptions { Speed = 3600 })
            .RunAsync(MarketMonthPlan.Create(SimulationSettings.LastApril(MonitorClock.System.Today, 12) with { MarketsPerProvince = 3 }), cancel.Token);
        var stopped = await _silo.CountEventsAsync();
        await Task.Delay(500);

        Assert.True(result.Cancelled);
        Assert.Equal(130, result.ExitCode);
        Assert.InRange(result.Sent, 1, result.Planned - 1);
        Assert.Equal(result.Sent, result.Stored);
        Assert.Equal(stopped, await _silo.CountEventsAsync());
        Assert.Contains(lines, l => l.StartsWith("Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task X_source_names_the_simulator_or_an_import_and_nothing_else()
    {
        // One credit per domain and year: each request allocates its own year.
        static string Body(int year) => $$"""{"domain":"labour-market","year":{{year}},"amount":5,"decisionRef":"PR-2025-SIM"}""";
        using var simulator = Client(Sources.Simulator);
        using var import = Client(Sources.Import);
        using var demo = Client(Sources.Demo);
        using var form = Client(Sources.Form);
        using var inProcess = new HttpClient { BaseAddress = new Uri(_url) };
        inProcess.DefaultRequestHeaders.Add("X-Api-Key", _silo.Services.GetRequiredService<InProcessKey>().Value);
        inProcess.DefaultRequestHeaders.Add("X-Source", Sources.Demo);

        var bySimulator = await simulator.PostJsonAsync("/api/provinces/limburg/budgets", Body(2031));
        var byImport = await import.PostJsonAsync("/api/provinces/limburg/budgets", Body(2032));
        var claimsDemo = await demo.PostJsonAsync("/api/provinces/limburg/budgets", Body(2033));
        var claimsForm = await form.PostJsonAsync("/api/provinces/limburg/budgets", Body(2034));
        var byDemo = await inProcess.PostJsonAsync("/api/provinces/limburg/budgets", Body(2035));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (bySimulator.StatusCode, byImport.StatusCode, byDemo.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (claimsDemo.StatusCode, claimsForm.StatusCode));
        Assert.Contains("X-Source", await claimsDemo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sources = (await _silo.Store.QueryAsync(new LogQuery { StreamId = "province-limburg", Direction = LogDirection.Backwards, Limit = 3 }))
            .Events.Select(e => (e.Tags.Source, e.Tags.Actor)).Reverse();
        Assert.Equal([(Sources.Simulator, "key:"), (Sources.Import, "key:"), (Sources.Demo, "system")],
            sources.Select(s => (s.Source, s.Actor.StartsWith("key:", StringComparison.Ordinal) ? "key:" : s.Actor)));
    }
}

/// <summary><c>--demo</c>: the silo plays the last April and a running demo campaign against itself, as demo data, and still stops at once.</summary>
public sealed class DemoSimulationTests
{
    [Fact]
    public async Task The_demo_plays_last_april_to_its_close_and_keeps_todays_campaign_moving_as_demo_data()
    {
        var silo = SiloFactory.Embedded(demo: true, settings: new Dictionary<string, string?>
        {
            ["Demo:Simulate"] = "true", ["Demo:MarketsPerProvince"] = "1", ["Demo:TrickleSeconds"] = "1",
        });
        var stopped = false;
        try
        {
            silo.ServeOnKestrel();
            var today = MonitorClock.System.Today;
            var april = today >= new DateOnly(today.Year, 5, 1) ? today.Year : today.Year - 1;
            var running = SimulationSettings.Demo(today, 2026).Slug;
            var closed = new List<RecordedEvent>();
            var live = new List<RecordedEvent>();
            var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(120);
            while (MonitorClock.System.Now.UtcDateTime < deadline && (closed.Count == 0 || live.Count < 2))
            {
                await Task.Delay(500);
                closed = [.. (await silo.Store.QueryAsync(new LogQuery { Campaign = $"maand-van-de-markt-{april}", EventTypes = [EventTypes.NameOf(typeof(CampaignClosed))] })).Events];
                live = [.. (await silo.Store.QueryAsync(new LogQuery { Campaign = running, EventTypes = [EventTypes.NameOf(typeof(EntriesRegistered))], Direction = LogDirection.Backwards, Limit = 20 }))
                    .Events.Where(e => e.Metadata.Contains("/trickle/", StringComparison.Ordinal))];
            }
            var campaignEvents = (await silo.Store.QueryAsync(new LogQuery { Campaign = running, Limit = 1000 })).Events;

            Assert.Single(closed);
            Assert.True(live.Count >= 2, "no live entries of today's demo campaign");
            Assert.All(live, e => Assert.Equal(today, MonitorClock.DateOf(JsonDocument.Parse(e.Data).RootElement.GetProperty("at").GetDateTimeOffset())));
            Assert.All(closed.Concat(campaignEvents), e => Assert.Equal((Sources.Demo, "system"), (e.Tags.Source, e.Tags.Actor)));

            var watch = Stopwatch.StartNew();
            await silo.DisposeAsync();
            stopped = true;
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"the silo took {watch.Elapsed} to stop: the demo player holds the shutdown");
        }
        finally
        {
            if (!stopped) await silo.DisposeAsync();
        }
    }
}
