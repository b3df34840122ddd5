using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore.Postgres;

namespace ProvincialMonitor.Bench;

public sealed record Sizes(
    int GrainCommands, int HttpCommands, int PushClients, int PushRate, double PushSeconds, int AggregateEvents,
    int[] GrowthLengths, int GrowthSamples, int ImportRows, int LimitEvents, int CopyEvents, long LogEvents,
    int WarmUpCommands, double WarmUpSeconds)
{
    public static readonly Sizes Full = new(30_000, 20_000, 100, 1000, 10, 10_000, [10, 100, 1000, 10_000], 30, 100_000, 100_000, 200_000, 1_000_000, 5_000, 20);
    public static readonly Sizes Quick = new(4_000, 3_000, 100, 1000, 3, 10_000, [10, 100, 1000, 10_000], 10, 3_000, 20_000, 50_000, 100_000, 2_000, 4);
    public static readonly Sizes Tiny = new(200, 100, 3, 100, 1, 200, [10, 100], 3, 150, 1_000, 2_000, 2_000, 100, 0.5);
}

/// <summary>ops/bench: <c>run.sh [--quick] [--out FILE.json]</c> builds this and runs it against a throwaway PostgreSQL (PG_CONNECTION).</summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var tiny = args.Contains("--tiny");
        var outIndex = Array.IndexOf(args, "--out");
        var outFile = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        // For tuning, one part alone: --only ingest (grains on both stores, the stores alone, the limit and the ratio),
        // --only log (read, rebuild, verify, as-of comparison, audit filters), --only sqlite (the SQLite ingest, its bytes
        // and CPU per event, the same-work limit on SQLite), --only asof (the aggregate).
        var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (only is not (null or "ingest" or "log" or "sqlite" or "asof"))
        {
            Console.Error.WriteLine($"--only takes ingest, log, sqlite or asof, not '{only}'");
            return 2;
        }
        var ingestOnly = only == "ingest";
        var server = Environment.GetEnvironmentVariable("PG_CONNECTION");
        if (string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("PG_CONNECTION is not set: run ops/bench/run.sh, which starts a throwaway PostgreSQL.");
            return 2;
        }
        var sizes = tiny ? Sizes.Tiny : quick ? Sizes.Quick : Sizes.Full;
        var mode = tiny ? "tiny" : quick ? "quick" : "full";
        var results = new Results();
        results.Json["mode"] = mode;
        results.Json["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        results.Json["started_at"] = MonitorClock.System.Now.ToString("O");
        var total = Stopwatch.StartNew();
        Console.WriteLine($"ProvincialMonitor benchmark ({mode}) on {results.Json["machine"]}");

        if (only == "log")
        {
            Console.WriteLine($"[5/6] a log of {sizes.LogEvents:N0} events: read, rebuild, verify, as_of comparison, audit filters");
            await BigLog.RunAsync(await CreateDatabaseAsync(server, "bench_log"), sizes.LogEvents, results);
            return Finish(results, total, mode + ", log only", outFile);
        }

        if (only == "sqlite")
        {
            Console.WriteLine("[2/6] silo on SQLite: ingest through grains (bytes and CPU per event), the SQLite store alone, the same-work limit");
            await SqliteBench.RunAsync(sizes, results);
            return Finish(results, total, mode + ", SQLite only", outFile);
        }

        if (only == "asof")
        {
            Console.WriteLine("[1/6] silo on PostgreSQL: as_of aggregate");
            await SiloBench.RunAsOfAggregateAsync(await CreateDatabaseAsync(server, "bench_silo"), sizes, results);
            return Finish(results, total, mode + ", as_of aggregate only", outFile);
        }

        var oursGrowth = new Dictionary<int, double>();
        Console.WriteLine("[1/6] silo on PostgreSQL: ingest through grains and HTTP, push, as_of aggregate, cost per append, import");
        await SiloBench.RunPostgresAsync(await CreateDatabaseAsync(server, "bench_silo"), sizes, results, oursGrowth, ingestOnly);

        Console.WriteLine("[2/6] silo on SQLite: ingest through grains (bytes and CPU per event), the SQLite store alone, the same-work limit");
        await SqliteBench.RunAsync(sizes, results);

        Console.WriteLine("[3/6] same-work limit and binary COPY on PostgreSQL");
        var storeOnly = await StoreOnly.IngestAsync(await CreateDatabaseAsync(server, "bench_store"), sizes);
        results.Add("ingest_store_pg", SiloBench.Figures(storeOnly), "diagnostic: the store alone", SiloBench.Text(storeOnly) + " (diagnostic: AppendAsync, no grains)");
        var limitDb = await CreateDatabaseAsync(server, "bench_limit", migrate: true);
        // The limit warms up too (a tenth of its events, on other streams and keys), as the grains and the store do.
        await Limit.InsertAsync(limitDb, sizes.LimitEvents / 10, 100, 4, "limit-warm");
        var limit = await Limit.InsertAsync(limitDb, sizes.LimitEvents, 100, 4, "limit");
        results.Add("limit_insert_pg", new() { ["events_per_s"] = Math.Round(limit.EventsPerSecond), ["p50_ms"] = Math.Round(limit.P50Ms, 2), ["p99_ms"] = Math.Round(limit.P99Ms, 2),
                ["events"] = sizes.LimitEvents, ["per_transaction"] = 100, ["writers"] = 4 },
            "plain Npgsql, same work, 100 per INSERT", $"{limit.EventsPerSecond:N0} ev/s (100 events per transaction, 4 writers; tx p50 {limit.P50Ms:N1} ms)");
        var grainEps = (double)results.Json["_grain_pg_eps"]!;
        results.Json.Remove("_grain_pg_eps");
        results.Ratio("ratio_grain_vs_limit", grainEps / limit.EventsPerSecond, ">= 0.6", grainEps / limit.EventsPerSecond >= 0.6);
        var copy = await Limit.CopyAsync(await CreateDatabaseAsync(server, "bench_copy", migrate: true), sizes.CopyEvents);
        results.Add("limit_copy_pg", new() { ["events_per_s"] = Math.Round(copy), ["events"] = sizes.CopyEvents }, "binary COPY, no checks", $"{copy:N0} ev/s (1,000 per transaction, for information)");
        if (ingestOnly) return Finish(results, total, mode + ", ingest only", outFile);

        Console.WriteLine("[4/6] peer: Orleans JournaledGrain (LogStorage on memory storage)");
        var journaled = await JournaledPeer.MeasureAsync(sizes.GrowthLengths, sizes.GrowthSamples);
        var peer = new JsonObject();
        foreach (var length in sizes.GrowthLengths)
            peer[length.ToString()] = new JsonObject { ["journaled_us"] = Math.Round(journaled[length], 1), ["ours_us"] = Math.Round(oursGrowth[length], 1) };
        results.Add("peer_journaled", new() { ["per_append_us"] = peer },
            "cost per append by stream length", string.Join(", ", sizes.GrowthLengths.Select(l => $"{l}: {journaled[l]:N0} / {oursGrowth[l]:N0} µs")) + " (journaled / ours)");
        var first = sizes.GrowthLengths[0];
        var last = sizes.GrowthLengths[^1];
        var journaledGrowth = journaled[last] / journaled[first];
        var ourGrowth = oursGrowth[last] / oursGrowth[first];
        results.Ratio("journaled_growth", journaledGrowth, $"({last} vs {first}; expected far above 10)", null);
        results.Ratio("ours_growth", ourGrowth, "<= 1.2", ourGrowth <= 1.2);
        results.Json["peer_marten"] = null;

        Console.WriteLine($"[5/6] a log of {sizes.LogEvents:N0} events: read, rebuild, verify, as_of comparison, audit filters");
        await BigLog.RunAsync(await CreateDatabaseAsync(server, "bench_log"), sizes.LogEvents, results);

        // The issue's key "as_of": both figures side by side (also kept under their own keys).
        results.Json["as_of"] = new JsonObject
        {
            ["aggregate_ms"] = results.Json["as_of_aggregate"]?["median_ms"]?.DeepClone(),
            ["comparison_recorded_ms"] = results.Json["as_of_comparison"]?["recorded_ms"]?.DeepClone(),
            ["comparison_effective_ms"] = results.Json["as_of_comparison"]?["effective_ms"]?.DeepClone(),
        };
        Console.WriteLine("[6/6] done");
        return Finish(results, total, mode, outFile);
    }

    private static int Finish(Results results, Stopwatch total, string mode, string? outFile)
    {
        results.Json["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
        Console.WriteLine();
        Console.WriteLine(results.Table());
        Console.WriteLine($"({mode} run, {total.Elapsed.TotalSeconds:N0} s)");
        if (outFile is not null)
        {
            File.WriteAllText(outFile, results.ToJson());
            Console.WriteLine($"Figures written to {outFile}");
        }
        return 0;
    }

    private static async Task<string> CreateDatabaseAsync(string server, string name, bool migrate = false)
    {
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        if (migrate) await (await PostgresEventStore.OpenAsync(connectionString)).DisposeAsync();
        return connectionString;
    }
}
