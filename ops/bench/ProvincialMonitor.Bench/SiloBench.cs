using ProvincialMonitor.Grains;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Bench;

/// <summary>The figures that need the silo: ingest through grains and HTTP, the hub's push latency, the aggregate as of a date, cost per append, import.</summary>
public static class SiloBench
{
    private static readonly string[] Domains = [.. PolicyDomains.DutchNames.Keys];

    public static async Task<string[]> RegisterProjectsAsync(CommandDispatcher dispatcher, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7().ToString()).ToArray();
        var result = await Measure.ClosedLoopAsync(count, 64, async i =>
        {
            var outcome = await dispatcher.SendAsync<IProjectGrain, RegisterProject>(ids[i],
                new RegisterProject($"Bench project {i}", null, ProvinceSlugs.All[i % 5], null, Domains[i % Domains.Length], null, null, null, null, 100_000m, null),
                new CommandRequest(Data.BenchActor, "api"));
            return outcome.Refusal?.Message;
        });
        if (result.Failed > 0) throw new InvalidOperationException($"registering projects: {result.FirstError}");
        return ids;
    }

    public static Task<LoopResult> GrainIngestAsync(CommandDispatcher dispatcher, string[] projects, int total, string keyPrefix) =>
        Measure.ClosedLoopAsync(total, 64, async i =>
        {
            var outcome = await dispatcher.SendAsync<IProjectGrain, ReportOutput>(projects[i % projects.Length],
                new ReportOutput("jobs-created", i % 50, "2026"),
                new CommandRequest(Data.BenchActor, "api", $"{keyPrefix}-{i}"));
            return outcome.Refusal?.Message;
        });

    public static HttpClient Client(Uri address)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", BenchSilo.AdminKey);
        return client;
    }

    public static Task<LoopResult> HttpIngestAsync(HttpClient http, string[] projects, int total, string keyPrefix) =>
        Measure.ClosedLoopAsync(total, 64, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/projects/{projects[i % projects.Length]}/outputs")
            {
                Content = new StringContent($"{{\"metric\":\"jobs-created\",\"value\":{i % 50},\"period\":\"2026\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", $"{keyPrefix}-{i}");
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        });

    public static JsonObject Figures(LoopResult r, int warmUpRounds = 0) => new()
    {
        ["warm_up_rounds"] = warmUpRounds,
        ["events_per_s"] = Math.Round(r.EventsPerSecond), ["p50_ms"] = Math.Round(r.P50Ms, 2), ["p99_ms"] = Math.Round(r.P99Ms, 2),
        ["commands"] = r.Count, ["failed"] = r.Failed, ["seconds"] = Math.Round(r.Seconds, 2),
        ["cpu_us_per_command"] = Math.Round(r.CpuUsPerOp), ["alloc_kb_per_command"] = Math.Round(r.AllocKbPerOp, 1), ["gen2_collections"] = r.Gen2,
        ["gc_pause_percent"] = Math.Round(r.GcPausePercent, 1), ["events_per_commit"] = Math.Round(r.EventsPerCommit, 1),
    };

    public static string Text(LoopResult r) =>
        $"{r.EventsPerSecond:N0} ev/s, p50 {r.P50Ms:N1} ms, p99 {r.P99Ms:N1} ms ({r.Count:N0} commands{(r.Failed > 0 ? $", {r.Failed} FAILED: {r.FirstError}" : "")}; " +
        $"process CPU {r.CpuUsPerOp:N0} µs, {r.AllocKbPerOp:N1} KB allocated per command, {r.Gen2} gen2 GCs, GC paused {r.GcPausePercent:N1} % of the time, {r.EventsPerCommit:N1} events per commit)";

    public static async Task RunPostgresAsync(string connectionString, Sizes sizes, Results results, Dictionary<int, double> oursGrowth, bool ingestOnly = false)
    {
        await using var silo = BenchSilo.OnPostgres(connectionString);
        silo.Start();
        var dispatcher = silo.Services.GetRequiredService<CommandDispatcher>();
        var store = silo.Services.GetRequiredService<IEventStore>();
        var run = Guid.NewGuid().ToString("N")[..8];

        var projects = await RegisterProjectsAsync(dispatcher, 1000);
        var warm = await Measure.WarmUpAsync(round => GrainIngestAsync(dispatcher, projects, sizes.WarmUpCommands, $"warm{round}-{run}"), sizes.WarmUpSeconds);
        var grain = await GrainIngestAsync(dispatcher, projects, sizes.GrainCommands, $"g-{run}");
        results.Add("ingest_grain_pg", Figures(grain, warm), "grains → PostgreSQL", Text(grain), "p99 <= 50 ms");
        results.Target("ingest_grain_pg", "p99 <= 50 ms", grain.P99Ms <= 50);
        results.Json["_grain_pg_eps"] = grain.EventsPerSecond;
        if (ingestOnly) return;

        using var http = Client(silo.Address);
        var httpWarm = await Measure.WarmUpAsync(round => HttpIngestAsync(http, projects, sizes.WarmUpCommands, $"hwarm{round}-{run}"), sizes.WarmUpSeconds);
        var viaHttp = await HttpIngestAsync(http, projects, sizes.HttpCommands, $"h-{run}");
        results.Add("ingest_http_pg", Figures(viaHttp, httpWarm), "HTTP API → PostgreSQL", Text(viaHttp));
        results.Ratio("ratio_http_vs_grain", viaHttp.EventsPerSecond / grain.EventsPerSecond, ">= 0.4", viaHttp.EventsPerSecond / grain.EventsPerSecond >= 0.4);

        // Push: let the projector catch up with the ingest first.
        await WaitForProjectorAsync(silo, store);
        var limburg = projects.Where((_, i) => i % 5 == 1).ToArray();
        var push = await Push.MeasureAsync(silo.Address, sizes.PushClients, sizes.PushRate, sizes.PushSeconds, async n =>
        {
            var outcome = await dispatcher.SendAsync<IProjectGrain, ReportOutput>(limburg[n % limburg.Length],
                new ReportOutput("learners-reached", n % 50, "2026"), new CommandRequest(Data.BenchActor, "api", $"p-{run}-{n}"));
            return outcome.Refusal is null ? outcome.Position : throw new InvalidOperationException(outcome.Refusal.Message);
        });
        results.Add("push_latency", new() { ["p50_ms"] = Math.Round(push.P50, 1), ["p99_ms"] = Math.Round(push.P99, 1), ["clients"] = sizes.PushClients,
                ["actions_per_s"] = Math.Round(push.RateAchieved), ["samples"] = push.Samples, ["missing"] = push.Missing },
            "commit → ProvinceChanged receipt", $"p50 {push.P50:N0} ms, p99 {push.P99:N0} ms ({sizes.PushClients} clients, {push.RateAchieved:N0} actions/s, {push.Samples:N0} receipts, {push.Missing} missing)");
        results.Target("push_latency", "p99 <= 250 ms", push.P99 <= 250);

        await AsOfAggregateAsync(silo, http, sizes, results);

        // Cost per append as the stream grows: streams filled to each length, then single commands through the grain.
        foreach (var length in sizes.GrowthLengths)
        {
            var id = Guid.CreateVersion7().ToString();
            await Data.AppendAllAsync(store, StreamIds.Project(id), Data.ProjectEvents(id, 1, length, BigLog.From, BigLog.To), 500);
            // The appends are measured, not the projector folding the events that filled the stream beside them.
            await WaitForProjectorAsync(silo, store);
            var costs = new List<double>();
            for (var i = 0; i <= sizes.GrowthSamples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var outcome = await dispatcher.SendAsync<IProjectGrain, ReportOutput>(id, new ReportOutput("jobs-created", i, "2026"),
                    new CommandRequest(Data.BenchActor, "api", $"grow-{run}-{length}-{i}"));
                if (outcome.Refusal is not null) throw new InvalidOperationException(outcome.Refusal.Message);
                if (i > 0) costs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds); // the first activates the grain
            }
            oursGrowth[length] = Measure.Median(costs);
        }

        // Import: a CSV of register-project and report-output rows through POST /api/imports.
        {
            var csv = new StringBuilder("action,leadProvince,externalRef,title,domain,metric,value,period\n");
            const int Projects = 100;
            for (var p = 0; p < Projects; p++) csv.Append($"register-project,limburg,IMP-{run}-{p},Import project {p},labour-market,,,\n");
            for (var i = Projects; i < sizes.ImportRows; i++) csv.Append($"report-output,limburg,IMP-{run}-{i % Projects},,,jobs-created,{i},2026\n");
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync("api/imports", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            JsonElement progress;
            while (true)
            {
                await Task.Delay(200);
                progress = await http.GetFromJsonAsync<JsonElement>($"api/imports/{id}");
                if (progress.GetProperty("status").GetString() is "done" or "failed") break;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var stored = progress.GetProperty("stored").GetInt64();
            results.Add("import", new() { ["rows_per_s"] = Math.Round(sizes.ImportRows / seconds), ["rows"] = sizes.ImportRows, ["stored"] = stored, ["seconds"] = Math.Round(seconds, 2),
                    ["status"] = progress.GetProperty("status").GetString() },
                $"import of {sizes.ImportRows:N0} CSV rows (HTTP)", $"{sizes.ImportRows / seconds:N0} rows/s ({stored:N0} stored, {seconds:N1} s)");
        }
    }

    public static async Task RunAsOfAggregateAsync(string connectionString, Sizes sizes, Results results)
    {
        await using var silo = BenchSilo.OnPostgres(connectionString);
        silo.Start();
        using var http = Client(silo.Address);
        await AsOfAggregateAsync(silo, http, sizes, results);
    }

    /// <summary>
    /// The aggregate with 10,000 events as of a middle date, through GET /api/projects/{id}?asOf=…. The first read folds
    /// the stream from the start and keeps snapshots along it; the median is of the reads after it.
    /// </summary>
    public static async Task AsOfAggregateAsync(BenchSilo silo, HttpClient http, Sizes sizes, Results results)
    {
        var store = silo.Services.GetRequiredService<IEventStore>();
        var snapshots = silo.Services.GetRequiredService<Grains.Aggregates.AggregateSnapshots>();
        var id = Guid.CreateVersion7().ToString();
        await Data.AppendAllAsync(store, StreamIds.Project(id), Data.ProjectEvents(id, 1, sizes.AggregateEvents, BigLog.From, BigLog.To), 500);
        // The reads are measured, not the projector folding the 10,000 events just written beside them.
        await WaitForProjectorAsync(silo, store);
        var middle = DateOnly.FromDayNumber((BigLog.From.DayNumber + BigLog.To.DayNumber) / 2).ToString("yyyy-MM-dd");
        // The first read folds from the start and keeps the snapshots; then 30 reads warm the path up (the JIT compiles a
        // method fully after about 30 calls: before that the reads take twice as long), and the next 20 are measured.
        var first = await TimedReadAsync();
        for (var i = 0; i < 30; i++) await TimedReadAsync();
        var times = new List<double>();
        for (var i = 0; i < 20; i++) times.Add(await TimedReadAsync());

        async Task<double> TimedReadAsync()
        {
            var clock = Stopwatch.StartNew();
            // The whole body is received, in small reads: the client shares this process, so it makes no large buffer.
            using var response = await http.GetAsync($"api/projects/{id}?asOf={middle}", HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"as_of aggregate: {(int)response.StatusCode}");
            return clock.Elapsed.TotalMilliseconds;
        }

        var median = Measure.Median(times);
        // Where the time goes (diagnostic): the same read in process, with the snapshots and folding from the start.
        var day = DateOnly.ParseExact(middle, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var project = Grains.AggregateKinds.All["project"];
        var query = new Grains.Aggregates.AsOfQuery(EffectiveOn: day);
        var withSnapshots = new List<double>();
        var fromStart = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            await project.AsOfAsync(store, id, query, snapshots);
            withSnapshots.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await project.AsOfAsync(store, id, query);
            fromStart.Add(clock.Elapsed.TotalMilliseconds);
        }
        var snapshot = Measure.Median(withSnapshots);
        var full = Measure.Median(fromStart);
        results.Add("as_of_aggregate", new() { ["first_ms"] = Math.Round(first, 1), ["median_ms"] = Math.Round(median, 1), ["events"] = sizes.AggregateEvents,
                ["in_process_ms"] = Math.Round(snapshot, 1), ["without_snapshots_ms"] = Math.Round(full, 1) },
            $"as_of: one aggregate of {sizes.AggregateEvents:N0} events (HTTP)",
            $"first {first:N1} ms, then median {median:N1} ms (diagnostic, in process: {snapshot:N1} ms; folding from the start, without snapshots: {full:N1} ms)");
        results.Target("as_of_aggregate", "<= 20 ms", median <= 20);
    }

    public static async Task WaitForProjectorAsync(BenchSilo silo, IEventStore store)
    {
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var head = (await store.GetHeadAsync()).Position;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var at = (await grains.GetGrain<IIndicatorsGrain>("indicators").Scope("flanders")).Position;
            if (at >= head) return;
            await Task.Delay(200);
        }
    }
}
