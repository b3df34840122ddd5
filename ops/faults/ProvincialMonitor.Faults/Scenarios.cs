using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Faults;

public sealed record ScenarioOptions
{
    public required string Repository { get; init; }
    public int Silos { get; init; } = 3;
    public TimeSpan Load { get; init; } = TimeSpan.FromSeconds(20);
    public int PerSecond { get; init; } = 100;
    public int BasePort { get; init; } = 15100;
    public string? Directory { get; init; }
    public Action<string> Log { get; init; } = Console.WriteLine;
    public bool KeepRunning { get; init; }
}

/// <summary>
/// The fault scenarios of issue #9. Each starts its own cluster (ops/cluster/start.sh, throwaway
/// PostgreSQL), runs a write load, injects one fault, and checks from the store and the silos that
/// nothing acknowledged was lost or doubled, that the figures equal the store's totals, and that the
/// dashboards of the silos that stayed up kept receiving pushes.
/// </summary>
public static class Scenarios
{
    public static readonly string[] Names = ["kill-silo", "stop-postgres", "kill-projector-host", "partition"];

    public static Task<Report> RunAsync(string name, ScenarioOptions options, CancellationToken cancellationToken) => name switch
    {
        "kill-silo" => KillSiloAsync(options, cancellationToken),
        "stop-postgres" => StopPostgresAsync(options, cancellationToken),
        "kill-projector-host" => KillProjectorHostAsync(options, cancellationToken),
        "partition" => PartitionAsync(options, cancellationToken),
        _ => throw new ArgumentException($"unknown scenario '{name}': one of {string.Join(", ", Names)}", nameof(name)),
    };

    /// <summary>kill -9 of one silo during the load; it is started again a while later and rejoins.</summary>
    private static async Task<Report> KillSiloAsync(ScenarioOptions options, CancellationToken cancellationToken)
    {
        const int victim = 2;
        return await WithClusterAsync("kill-silo", options, null, null, async (cluster, report, down, clock) =>
        {
            await Until(clock, options.Load / 3, cancellationToken);
            var killedAt = MonitorClock.System.Now.UtcDateTime;
            down.Add(victim);
            await cluster.KillAsync(victim, cancellationToken);
            options.Log($"  kill -9 silo {victim} at {clock.Elapsed.TotalSeconds:F1} s");
            await Until(clock, options.Load * 2 / 3, cancellationToken);
            var restart = Stopwatch.StartNew();
            await cluster.StartSiloAsync(victim, cancellationToken);
            report.Figure("restart until ready", $"{restart.Elapsed.TotalSeconds:F1} s");
            down.Remove(victim);
            return new Struck(killedAt, victim);
        }, cancellationToken);
    }

    /// <summary>PostgreSQL stopped for 10 seconds during the load: 503 with Retry-After, then recovery without restarts.</summary>
    private static async Task<Report> StopPostgresAsync(ScenarioOptions options, CancellationToken cancellationToken)
    {
        var outage = TimeSpan.FromSeconds(10);
        var pids = new Dictionary<int, int?>();
        (DateTime From, DateTime To) window = default;
        var report = await WithClusterAsync("stop-postgres", options, null, null, async (cluster, report, down, clock) =>
        {
            for (var silo = 1; silo <= cluster.Silos; silo++) pids[silo] = await cluster.PidAsync(silo);
            await Until(clock, options.Load / 4, cancellationToken);
            var from = MonitorClock.System.Now.UtcDateTime;
            await cluster.StopPostgresAsync(cancellationToken);
            options.Log($"  PostgreSQL stopped at {clock.Elapsed.TotalSeconds:F1} s for {outage.TotalSeconds:F0} s");
            await Task.Delay(outage, cancellationToken);
            await cluster.StartPostgresAsync(cancellationToken);
            window = (from, MonitorClock.System.Now.UtcDateTime);
            return new Struck(from, null);
        }, cancellationToken, async (cluster, report, load) =>
        {
            var during = load.Answers.Where(a => a.At >= window.From && a.At <= window.To.AddSeconds(2)).ToList();
            var unavailable = during.Count(a => a.Status == 503);
            var withoutRetryAfter = during.Count(a => a.Status == 503 && !a.RetryAfter);
            var otherFaults = during.Count(a => a.Status >= 500 && a.Status != 503);
            report.Figure("answers during outage", $"{during.Count} ({unavailable} × 503, {otherFaults} other 5xx, {during.Count(a => a.Status == 0)} without answer)");
            report.Check("503 with Retry-After while PostgreSQL is down", unavailable > 0 && withoutRetryAfter == 0,
                $"{unavailable} × 503, {withoutRetryAfter} without Retry-After");
            report.Check("no other 5xx while PostgreSQL is down", otherFaults == 0, $"{otherFaults}");
            var same = true;
            for (var silo = 1; silo <= cluster.Silos; silo++) same &= await cluster.PidAsync(silo) == pids[silo] && await cluster.IsRunningAsync(silo, cancellationToken);
            report.Check("silos recovered without a restart (same processes)", same);
        });
        return report;
    }

    /// <summary>The silo hosting the projector dies: the projections resume on another silo from their checkpoints.</summary>
    private static async Task<Report> KillProjectorHostAsync(ScenarioOptions options, CancellationToken cancellationToken)
    {
        var victim = 0;
        return await WithClusterAsync("kill-projector-host", options, null, null, async (cluster, report, down, clock) =>
        {
            await Until(clock, options.Load / 3, cancellationToken);
            var host = await ProjectorHostAsync(cluster, 1, cancellationToken);
            victim = cluster.SiloOfPort(host);
            report.Figure("projector host", $"silo {victim} (silo port {host})");
            var killedAt = MonitorClock.System.Now.UtcDateTime;
            down.Add(victim);
            await cluster.KillAsync(victim, cancellationToken);
            options.Log($"  kill -9 silo {victim}, the projector's host, at {clock.Elapsed.TotalSeconds:F1} s");
            await Until(clock, options.Load * 2 / 3, cancellationToken);
            var survivor = victim == 1 ? 2 : 1;
            var moved = Stopwatch.StartNew();
            var newHost = await ProjectorHostAsync(cluster, survivor, cancellationToken);
            report.Figure("projector now on", $"silo {cluster.SiloOfPort(newHost)} (answered after {moved.Elapsed.TotalSeconds:F1} s)");
            report.Check("the projector moved to another silo", cluster.SiloOfPort(newHost) != victim);
            await cluster.StartSiloAsync(victim, cancellationToken);
            down.Remove(victim);
            return new Struck(killedAt, victim);
        }, cancellationToken);
    }

    /// <summary>
    /// One silo in its own network namespace is cut off with `ip link`: the others declare it dead, it stops
    /// itself once it sees that, and the scenario (its supervisor) starts it again after the network is healed.
    /// </summary>
    private static async Task<Report> PartitionAsync(ScenarioOptions options, CancellationToken cancellationToken)
    {
        var victim = options.Silos;
        var net = Random.Shared.Next(2, 250);
        var names = new NetworkNamespace($"pmf{net}", $"pmh{net}", $"pmn{net}", $"10.201.{net}.1", $"10.201.{net}.2");
        if (!await names.CreateAsync(options.Log, cancellationToken))
        {
            var skipped = new Report("partition");
            skipped.Check("network namespaces available (root, ip netns)", false, "cannot create a network namespace here");
            return skipped;
        }
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ADVERTISED_ADDRESS"] = names.HostAddress,
                ["NETNS_SILO"] = victim.ToString(CultureInfo.InvariantCulture),
                ["NETNS"] = names.Namespace,
                ["NETNS_ADDRESS"] = names.InnerAddress,
                ["NETNS_GATEWAY"] = names.HostAddress,
                ["PG_LISTEN"] = $"127.0.0.1,{names.HostAddress}",
                ["PG_TRUST_NET"] = $"10.201.{net}.0/24",
            };
            return await WithClusterAsync("partition", options, environment, (victim, names.InnerAddress), async (cluster, report, down, clock) =>
            {
                await Until(clock, options.Load / 4, cancellationToken);
                var cutAt = MonitorClock.System.Now.UtcDateTime;
                down.Add(victim);
                await names.CutAsync(cancellationToken);
                options.Log($"  network of silo {victim} cut at {clock.Elapsed.TotalSeconds:F1} s");
                var dead = Stopwatch.StartNew();
                var declared = await WaitForAsync(async () => await StatusOfAsync(cluster, 1, victim, cancellationToken) == "Dead", TimeSpan.FromSeconds(90), cancellationToken);
                report.Figure("declared dead after", $"{dead.Elapsed.TotalSeconds:F1} s");
                report.Check("the others declared the cut silo dead", declared);
                await names.HealAsync(cancellationToken);
                var stopped = Stopwatch.StartNew();
                var exited = await WaitForAsync(async () => !await cluster.IsRunningAsync(victim, cancellationToken), TimeSpan.FromSeconds(90), cancellationToken);
                report.Figure("stopped itself after healing", $"{(exited ? string.Create(CultureInfo.InvariantCulture, $"{stopped.Elapsed.TotalSeconds:F1} s") : "no")}");
                report.Check("the cut silo stopped itself once healed", exited);
                if (!exited) await cluster.KillAsync(victim, cancellationToken);
                await cluster.StartSiloAsync(victim, cancellationToken);
                down.Remove(victim);
                var active = await WaitForAsync(async () => await StatusOfAsync(cluster, 1, victim, cancellationToken) == "Active", TimeSpan.FromSeconds(60), cancellationToken);
                report.Check("restarted by the supervisor, it rejoined", active);
                return new Struck(cutAt, victim);
            }, cancellationToken);
        }
        finally
        {
            await names.DeleteAsync(cancellationToken);
        }
    }

    /// <summary>The fault: when it struck and which silo it struck (none when it struck the database).</summary>
    private sealed record Struck(DateTime At, int? Silo);

    private delegate Task<Struck> Fault(ClusterControl cluster, Report report, DownSilos down, Stopwatch clock);

    private static async Task<Report> WithClusterAsync(string name, ScenarioOptions options, IReadOnlyDictionary<string, string>? environment,
        (int, string)? namespaced, Fault fault, CancellationToken cancellationToken,
        Func<ClusterControl, Report, WriteLoad, Task>? extraChecks = null)
    {
        var report = new Report(name);
        var directory = options.Directory ?? Path.Combine(Path.GetTempPath(), $"provmon-fault-{name}-{Environment.ProcessId}");
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        settings.TryAdd("PROBE_TIMEOUT", "00:00:02");
        await using var cluster = new ClusterControl(options.Repository, directory, options.BasePort, options.Silos, options.Log, settings) { Namespaced = namespaced, KeepRunning = options.KeepRunning };
        options.Log($"{name}: starting {options.Silos} silos on a throwaway PostgreSQL in {directory}");
        await cluster.StartAsync(cancellationToken);
        var everySilo = Enumerable.Range(1, options.Silos).ToArray();
        if (name == "kill-silo") await SharedLogin.CheckAsync(cluster, report, cancellationToken);
        await using var watch = await LiveWatch.StartAsync(cluster, everySilo, cancellationToken);
        var down = new DownSilos();
        var runId = Guid.NewGuid().ToString("N")[..8];
        var load = new WriteLoad(cluster, runId, silo => !down.Contains(silo));
        options.Log($"{name}: {options.PerSecond} actions/s for {options.Load.TotalSeconds:F0} s, run {runId}");
        var clock = Stopwatch.StartNew();
        var loadTask = load.RunAsync(options.Load, options.PerSecond, TimeSpan.FromSeconds(90), cancellationToken);
        var struck = await fault(cluster, report, down, clock);
        await loadTask;
        report.Figure("load", $"{load.Outcomes.Count} actions in {clock.Elapsed.TotalSeconds:F1} s, {options.PerSecond}/s offered");

        var acknowledged = load.Outcomes.Where(o => o.Acknowledged).ToList();
        var refused = load.Outcomes.Where(o => !o.Acknowledged && o.FinalStatus is >= 400 and < 500).ToList();
        var unfinished = load.Outcomes.Where(o => !o.Acknowledged && o.FinalStatus is not (>= 400 and < 500)).ToList();
        var retried = load.Outcomes.Count(o => o.Attempts > 1);
        var latencies = acknowledged.Select(o => o.Milliseconds).Order().ToArray();
        report.Figure("acknowledged", $"{acknowledged.Count} ({retried} after a retry with the same key)");
        report.Figure("answers", $"{string.Join(", ", load.Answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))} × {g.Count()}"))}");
        if (latencies.Length > 0)
            report.Figure("ack latency", $"p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms (retries included)");

        var stored = await StoreFacts.LoadEventsAsync(cluster.Connection, load.Prefix, cancellationToken);
        var lost = acknowledged.Where(o => !stored.ContainsKey(o.DecisionRef)).ToList();
        var doubled = stored.Where(s => s.Value > 1).ToList();
        var storedUnacknowledged = unfinished.Count(o => stored.ContainsKey(o.DecisionRef));
        report.Figure("in the store", $"{stored.Count} load actions, {stored.Values.Sum()} events");
        report.Check("every acknowledged action is in the store", lost.Count == 0, lost.Count == 0 ? "" : $"{lost.Count} lost, e.g. {lost[0].DecisionRef}");
        report.Check("no action is stored twice", doubled.Count == 0, doubled.Count == 0 ? "" : $"{doubled.Count} doubled, e.g. {doubled[0].Key}");
        report.Check("every action ended acknowledged (retries with the same key)", unfinished.Count == 0 && refused.Count == 0,
            $"{unfinished.Count} unfinished ({storedUnacknowledged} of them stored), {refused.Count} refused");

        var up = everySilo.Where(s => !down.Contains(s)).ToArray();
        var (seconds, detail) = await Convergence.WaitAsync(cluster, up, TimeSpan.FromSeconds(90), cancellationToken);
        var (_, head) = await StoreFacts.TotalsAsync(cluster.Connection, cancellationToken);
        report.Figure("store head", $"{head} events");
        report.Figure("figures equal the store", $"{(seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F1} s after the load, on silos {string.Join(", ", up)}") : "not within 90 s")}");
        report.Check("every silo's figures equal the totals recomputed from the store", seconds is not null, detail);

        // A dashboard connected to the struck silo loses its connection; those on the others must keep updating.
        var pushes = everySilo.Where(s => s != struck.Silo).Select(s => (Silo: s, Count: watch.PushesAfter(s, struck.At))).ToList();
        report.Figure("pushes after the fault", $"{string.Join(", ", pushes.Select(p => $"silo {p.Silo}: {p.Count}"))}");
        report.Check("dashboards on the silos that stayed up kept updating", pushes.All(p => p.Count > 0));

        if (extraChecks is not null) await extraChecks(cluster, report, load);
        var view = await ClusterViewAsync(cluster, 1, cancellationToken);
        report.Figure("cluster at the end", $"{view}");
        report.Check("every silo is an active member at the end", view.Split(", ").Count(s => s.EndsWith("Active", StringComparison.Ordinal)) == options.Silos, view);
        return report;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task Until(Stopwatch clock, TimeSpan moment, CancellationToken cancellationToken)
    {
        if (moment > clock.Elapsed) await Task.Delay(moment - clock.Elapsed, cancellationToken);
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try { if (await condition()) return true; }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException) { }
            await Task.Delay(500, cancellationToken);
        }
        return false;
    }

    private static async Task<JsonElement> AdminClusterAsync(ClusterControl cluster, int silo, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        return await http.GetFromJsonAsync<JsonElement>(new Uri(cluster.Url(silo), "/api/admin/cluster"), cancellationToken);
    }

    private static async Task<int> ProjectorHostAsync(ClusterControl cluster, int askSilo, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var view = await AdminClusterAsync(cluster, askSilo, cancellationToken);
                var host = view.GetProperty("projectorHost").GetString()!;
                return int.Parse(host[(host.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException) when (attempt < 30)
            {
                await Task.Delay(1000, cancellationToken);
            }
        }
    }

    /// <summary>The status the asked silo sees for a silo (its latest incarnation), e.g. "Active" or "Dead".</summary>
    private static async Task<string?> StatusOfAsync(ClusterControl cluster, int askSilo, int silo, CancellationToken cancellationToken)
    {
        var view = await AdminClusterAsync(cluster, askSilo, cancellationToken);
        var port = cluster.BasePort + 1000 + silo;
        return view.GetProperty("silos").EnumerateArray()
            .Where(s => s.GetProperty("address").GetString()!.EndsWith($":{port}", StringComparison.Ordinal))
            .OrderBy(s => s.GetProperty("startedAt").GetDateTime())
            .Select(s => s.GetProperty("status").GetString())
            .LastOrDefault();
    }

    /// <summary>"silo 1 Active, silo 2 Active, …" with the latest incarnation of each silo.</summary>
    private static async Task<string> ClusterViewAsync(ClusterControl cluster, int askSilo, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        for (var silo = 1; silo <= cluster.Silos; silo++)
        {
            string? status = null;
            await WaitForAsync(async () => (status = await StatusOfAsync(cluster, askSilo, silo, cancellationToken)) == "Active", TimeSpan.FromSeconds(30), cancellationToken);
            parts.Add($"silo {silo} {status ?? "unknown"}");
        }
        return string.Join(", ", parts);
    }

    /// <summary>The silos the scenario has taken down, shared with the load's workers.</summary>
    private sealed class DownSilos
    {
        private readonly HashSet<int> _silos = [];
        private readonly Lock _lock = new();

        public void Add(int silo) { lock (_lock) _silos.Add(silo); }
        public void Remove(int silo) { lock (_lock) _silos.Remove(silo); }
        public bool Contains(int silo) { lock (_lock) return _silos.Contains(silo); }
    }
}
