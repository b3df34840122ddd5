using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Bench;

/// <summary>
/// The embedded store's figures (<c>--only sqlite</c>): ingest through the grains (Full and Normal), the store alone,
/// and for issue #35 the bytes and CPU per event of the grains' ingest and the same-work limit on plain SQLite.
/// </summary>
public static class SqliteBench
{
    public static async Task RunAsync(Sizes sizes, Results results)
    {
        var (grain, warm, io) = await IngestAsync(sizes, "Full", measureIo: true);
        results.Add("ingest_grain_sqlite", SiloBench.Figures(grain, warm), "grains → SQLite", SiloBench.Text(grain), ">= 20,000 ev/s");
        results.Target("ingest_grain_sqlite", ">= 20,000 ev/s", grain.EventsPerSecond >= 20_000);
        results.Add("sqlite_bytes_written_per_event", io!, "grains → SQLite: bytes per event until projected and checkpointed",
            $"{(double)io!["write_bytes_per_event"]!:N0} B written, {(double)io["read_bytes_per_event"]!:N0} B read from disk per event " +
            $"(wchar {(double)io["wchar_per_event"]!:N0} B, rchar {(double)io["rchar_per_event"]!:N0} B; {(double)io["seconds"]!:N1} s to the head and a TRUNCATE checkpoint; " +
            $"{(long)io["writers"]!["append_commits"]!:N0} commits of {(double)io["writers"]!["events_per_commit"]!:N1} events, {(long)io["writers"]!["projection_saves"]!:N0} projection saves, " +
            $"{(double)io["writers"]!["write_bytes_per_transaction"]!:N0} B written per transaction)");
        // The grain loop's process CPU per command (also in ingest_grain_sqlite), and over the window to the head.
        results.Add("cpu_us_per_command", new() { ["ingest_grain_sqlite"] = Math.Round(grain.CpuUsPerOp), ["to_head_and_checkpoint"] = io["cpu_us_per_event"]!.DeepClone() },
            "process CPU per command, grains → SQLite", $"{grain.CpuUsPerOp:N0} µs over the loop, {(double)io["cpu_us_per_event"]!:N0} µs until projected and checkpointed");

        // For information: the same with Sqlite:Synchronous=Normal (no sync at each commit; a power cut may lose the last commits).
        var (normal, normalWarm, _) = await IngestAsync(sizes, "Normal", measureIo: false);
        results.Add("ingest_grain_sqlite_normal", SiloBench.Figures(normal, normalWarm), "grains → SQLite, synchronous NORMAL (information)", SiloBench.Text(normal) + " (Sqlite:Synchronous=Normal)");
        var alone = await StoreOnly.IngestSqliteAsync(sizes);
        results.Add("ingest_store_sqlite", SiloBench.Figures(alone), "diagnostic: the SQLite store alone", SiloBench.Text(alone) + " (diagnostic: AppendAsync, no grains)");

        const int PerTransaction = 100;
        var limit = await SqliteLimit.RunAsync(sizes.LimitEvents, PerTransaction);
        results.Add("sqlite_limit", new() { ["events_per_s"] = Math.Round(limit.EventsPerSecond), ["p50_ms"] = Math.Round(limit.P50Ms, 2), ["p99_ms"] = Math.Round(limit.P99Ms, 2),
                ["events"] = sizes.LimitEvents, ["per_transaction"] = PerTransaction, ["writers"] = 1, ["io"] = limit.Io },
            "plain SQLite, same work, 100 per transaction",
            $"{limit.EventsPerSecond:N0} ev/s (100 events per transaction, 1 writer; tx p50 {limit.P50Ms:N1} ms, p99 {limit.P99Ms:N1} ms; " +
            $"{(double)limit.Io["write_bytes_per_event"]!:N0} B written, {(double)limit.Io["cpu_us_per_event"]!:N0} µs CPU per event)");
        var ratio = grain.EventsPerSecond / limit.EventsPerSecond;
        results.Ratio("ratio_sqlite_grain_vs_limit", ratio, ">= 0.6", ratio >= 0.6);
    }

    private static async Task<(LoopResult Loop, int WarmUpRounds, JsonObject? Io)> IngestAsync(Sizes sizes, string synchronous, bool measureIo)
    {
        await using var silo = BenchSilo.Embedded(synchronous);
        silo.Start();
        var dispatcher = silo.Services.GetRequiredService<CommandDispatcher>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var projects = await SiloBench.RegisterProjectsAsync(dispatcher, 1000);
        var warm = await Measure.WarmUpAsync(round => SiloBench.GrainIngestAsync(dispatcher, projects, sizes.WarmUpCommands, $"warm{round}-{run}"), sizes.WarmUpSeconds);
        if (!measureIo) return (await SiloBench.GrainIngestAsync(dispatcher, projects, sizes.GrainCommands, $"g-{run}"), warm, null);

        // The window starts with the warm-up projected and the log checkpointed, and ends the same way after the loop.
        await SettleAsync(silo);
        var before = IoCounters.Now();
        using var activity = new StoreActivity();
        var loop = await SiloBench.GrainIngestAsync(dispatcher, projects, sizes.GrainCommands, $"g-{run}");
        var checkpoint = await SettleAsync(silo);
        var after = IoCounters.Now();
        var io = after.PerEvent(before, loop.Count - loop.Failed);
        io["writers"] = activity.Figures(loop.Count - loop.Failed, after.WriteBytes - before.WriteBytes);
        io["checkpoint"] = checkpoint;
        io["counters"] = "/proc/self/io of the whole process (write_bytes, read_bytes: to and from the block layer)";
        return (loop, warm, io);
    }

    /// <summary>Waits until the projector has folded the head and saved its checkpoints, then truncates the log.</summary>
    private static async Task<JsonObject> SettleAsync(BenchSilo silo)
    {
        var store = silo.Services.GetRequiredService<IEventStore>();
        await SiloBench.WaitForProjectorAsync(silo, store);
        var path = Path.Combine(silo.DataFolder, "events.db");
        var head = (await store.GetHeadAsync()).Position;
        // The projector saves its models with their checkpoints after folding: wait until no checkpoint moves for a second.
        var last = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var now = await CheckpointsAsync(path);
            if (now == last) break;
            last = now;
            await Task.Delay(1000);
        }
        var result = await Task.Run(() => SqliteLimit.Checkpoint(path));
        result["head"] = head;
        result["projection_checkpoints"] = last;
        return result;
    }

    private static async Task<string> CheckpointsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(projection || '=' || position, ', ') FROM (SELECT projection, position FROM projection_checkpoints ORDER BY projection)";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
