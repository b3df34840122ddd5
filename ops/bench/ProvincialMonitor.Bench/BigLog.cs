using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Bench;

/// <summary>The figures over a long log: raw read, projection rebuild, chain verification, the as-of comparison, the map by municipality and the audit filters.</summary>
public static class BigLog
{
    public static readonly DateOnly From = new(2020, 1, 1);
    public static readonly DateOnly To = new(2026, 6, 30);

    // In a method of its own, so that the projector's memory is gone before the next pass (and before the verification's
    // peak is measured). Each pass builds its models under names of its own (a generation), so that every pass folds
    // from position 1 and saves, as a first rebuild does.
    private static async Task RebuildAsync(PostgresEventStore store, long head, int pass)
    {
        var projector = new ReadModelProjector(store, store.Projections, MonitorClock.System, NullLogger.Instance, $".bench{pass}");
        await projector.InitializeAsync();
        while (projector.Position < head) await projector.CatchUpAsync();
    }

    public static async Task RunAsync(string connectionString, long events, Results results)
    {
        await using var store = await PostgresEventStore.OpenAsync(connectionString);
        var projects = (int)Math.Max(10, events / 200);
        var (writeSeconds, head) = await Data.WriteLogAsync(store, events, projects, 16, From, To);
        results.Add("log_write", new() { ["events"] = head, ["events_per_s"] = head / writeSeconds, ["seconds"] = writeSeconds },
            $"{head:N0} events written through AppendAsync (200 per append, 16 in flight)", $"{head / writeSeconds:N0} ev/s");

        // Raw read and deserialize, and the rebuild, each twice and taking turns (read, rebuild, read, rebuild); the better
        // pass of each counts. The first read warms the server's cache; the turns give both the same share of the
        // machine's drift (on two shared cores one pass can be far off the next).
        double readRate = 0, rebuildRate = 0, rebuildSeconds = 0, rebuildPause = 0;
        var readPasses = new JsonArray();
        var rebuildPasses = new JsonArray();
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            long n = 0;
            await foreach (var e in store.ReadAllAsync(1))
            {
                if (EventJson.Deserialize(e.EventType, e.Data) is not null) n++;
            }
            var read = n / clock.Elapsed.TotalSeconds;
            readRate = Math.Max(readRate, read);

            // Rebuild: a fresh projector (both projections: indicators and campaigns) folds and saves from position 1.
            var pauseBefore = GC.GetTotalPauseDuration();
            clock.Restart();
            await RebuildAsync(store, head, pass);
            var rebuilt = head / clock.Elapsed.TotalSeconds;
            readPasses.Add(Math.Round(read));
            rebuildPasses.Add(Math.Round(rebuilt));
            if (rebuilt > rebuildRate)
                (rebuildRate, rebuildSeconds, rebuildPause) = (rebuilt, clock.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
        }
        results.Add("read", new() { ["events_per_s"] = readRate, ["passes"] = readPasses }, "raw read + deserialize (ReadAllAsync + EventJson)",
            $"{readRate:N0} ev/s (passes: {string.Join(", ", readPasses.Select(p => $"{(double)p!:N0}"))})");
        results.Add("rebuild", new() { ["events_per_s"] = rebuildRate, ["seconds"] = rebuildSeconds, ["gc_pause_s"] = Math.Round(rebuildPause, 2), ["passes"] = rebuildPasses },
            "rebuild all projections",
            $"{rebuildRate:N0} ev/s ({rebuildSeconds:N1} s, of which {rebuildPause:N1} s paused for garbage collection; passes: {string.Join(", ", rebuildPasses.Select(p => $"{(double)p!:N0}"))})");
        results.Ratio("ratio_rebuild_vs_read", rebuildRate / readRate, ">= 0.6", rebuildRate / readRate >= 0.6);

        // Verify the whole chain (twice, the better pass counting, as for the read it is compared with), and a tenth of
        // it, with the managed heap's peak above its level before.
        {
            var tenth = Math.Max(1, head / 10);
            VerificationResult full = null!;
            var seconds = double.MaxValue;
            for (var pass = 0; pass < 2; pass++)
            {
                var clock = Stopwatch.StartNew();
                full = await store.VerifyAsync();
                seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
                if (!full.Intact) break;
            }
            // Memory in passes of their own (the sampling collections would slow the timed pass down).
            var (partial, peakTenth) = await Measure.WithPeakHeapAsync(() => store.VerifyAsync(1, tenth));
            var (_, peakFull) = await Measure.WithPeakHeapAsync(() => store.VerifyAsync());
            var rate = head / seconds;
            if (!full.Intact || !partial.Intact) throw new InvalidOperationException($"verify: {full.Detail ?? partial.Detail}");
            results.Add("verify", new() { ["events_per_s"] = rate, ["seconds"] = seconds, ["peak_heap_mb"] = Math.Round(peakFull, 1), ["peak_heap_mb_tenth"] = Math.Round(peakTenth, 1), ["intact"] = full.Intact },
                "verify the hash chain", $"{rate:N0} ev/s, live heap peak +{peakFull:N0} MB (+{peakTenth:N0} MB over a tenth)");
            // "Flat": verifying ten times as many events needs at most 32 MB more at its peak.
            results.Target("verify", "peak flat (full <= tenth + 32 MB)", peakFull <= peakTenth + 32);
            results.Ratio("ratio_verify_vs_read", rate / readRate, ">= 0.7", rate / readRate >= 0.7);
        }

        // The whole comparison as of a date: what GET /api/indicators/comparison?asOf=… computes (HistoricalIndicators), in process.
        {
            var middle = DateOnly.FromDayNumber((From.DayNumber + To.DayNumber) / 2);
            var middleEvent = await store.QueryAsync(new LogQuery { AfterPosition = head / 2 - 1, Limit = 1 });
            var recordedAt = middleEvent.Events[0].RecordedAt;
            var today = MonitorClock.System.Today;
            var clock = Stopwatch.StartNew();
            await new HistoricalIndicators(store).CompareAsync("granted", "absolute", new AsOfQuery(RecordedUpTo: recordedAt), today);
            var recordedMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await new HistoricalIndicators(store).CompareAsync("granted", "absolute", new AsOfQuery(EffectiveOn: middle), today);
            var effectiveMs = clock.Elapsed.TotalMilliseconds;
            results.Add("as_of_comparison", new() { ["recorded_ms"] = recordedMs, ["effective_ms"] = effectiveMs, ["events"] = head, ["date"] = middle.ToString("yyyy-MM-dd") },
                $"as_of: whole comparison over {head:N0} events", $"recorded {recordedMs:N0} ms, effective {effectiveMs:N0} ms");
            results.Target("as_of_comparison", "recorded <= 2000 ms, effective <= 5000 ms", recordedMs <= 2000 && effectiveMs <= 5000);
        }

        await MunicipalityMapBench.RunAsync(store, head, results);
        await AuditQueries.RunAsync(store, head, results);
    }
}
