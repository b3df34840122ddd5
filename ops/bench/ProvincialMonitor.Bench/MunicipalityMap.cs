using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Bench;

/// <summary>
/// The map's data (issue #29): one measure for the 285 municipalities and "zonder locatie", read from the read models a
/// projector keeps (live), with a province page's figures beside it; and the same map as of a date, folded by event type.
/// </summary>
public static class MunicipalityMapBench
{
    private static readonly string[] Measures = ["granted", "paid", "projects", "outputs.jobs-created"];

    public static async Task RunAsync(PostgresEventStore store, long head, Results results)
    {
        // The projector as a silo holds it after its start: every event folded (under a generation of its own).
        var clock = Stopwatch.StartNew();
        var projector = new ReadModelProjector(store, store.Projections, MonitorClock.System, NullLogger.Instance, ".benchmap");
        await projector.InitializeAsync();
        while (projector.Position < head) await projector.CatchUpAsync();
        var foldSeconds = clock.Elapsed.TotalSeconds;

        // The first map after the fold counts the projects of every place; the next ones read what is kept.
        clock.Restart();
        var first = projector.Municipalities("granted")!;
        var firstMs = clock.Elapsed.TotalMilliseconds;
        var samples = new List<double>();
        var page = new List<double>();
        for (var pass = 0; pass < 10; pass++)
            foreach (var measure in Measures)
            {
                clock.Restart();
                _ = projector.Municipalities(measure);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                // A province page with the map: the province's figures and the map of one measure.
                var province = ProvinceSlugs.All[pass % ProvinceSlugs.All.Count];
                clock.Restart();
                _ = projector.View($"province:{province}");
                _ = projector.Municipalities(measure);
                page.Add(clock.Elapsed.TotalMilliseconds);
            }
        clock.Restart();
        // The municipality with the most money: the longest page.
        var municipality = projector.Municipality(first.Rows.Where(r => r.Nis is not null).MaxBy(r => r.Value)!.Nis!);
        var municipalityMs = clock.Elapsed.TotalMilliseconds;
        var located = first.Rows.Count(r => r.Nis is not null && r.Value != 0);
        var mapMs = Median(samples);
        var pageMs = Median(page);
        results.Add("municipality_map", new()
            {
                ["map_median_ms"] = Math.Round(mapMs, 2), ["map_first_ms"] = Math.Round(firstMs, 2), ["province_page_median_ms"] = Math.Round(pageMs, 2),
                ["municipality_page_ms"] = Math.Round(municipalityMs, 2), ["rows"] = first.Rows.Count, ["municipalities_with_figure"] = located,
                ["events"] = head, ["fold_s"] = Math.Round(foldSeconds, 1),
            },
            $"map: {first.Rows.Count} places from the read models over {head:N0} events",
            $"map {mapMs:N2} ms (first {firstMs:N0} ms), province page + map {pageMs:N2} ms, a municipality {municipalityMs:N1} ms ({municipality?.Projects.Count ?? 0} projects)");
        results.Target("municipality_map", "province page with the map <= 200 ms", pageMs <= 200);

        // As of a date: the log folded with the measure's event types (as the as-of comparison does).
        var middle = DateOnly.FromDayNumber((BigLog.From.DayNumber + BigLog.To.DayNumber) / 2);
        var middleEvent = await store.QueryAsync(new LogQuery { AfterPosition = head / 2 - 1, Limit = 1 });
        clock.Restart();
        var effective = await new HistoricalIndicators(store).MunicipalitiesAsync("granted", new AsOfQuery(EffectiveOn: middle));
        var effectiveMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await new HistoricalIndicators(store).MunicipalitiesAsync("granted", new AsOfQuery(RecordedUpTo: middleEvent.Events[0].RecordedAt));
        var recordedMs = clock.Elapsed.TotalMilliseconds;
        results.Add("as_of_municipality_map", new() { ["recorded_ms"] = recordedMs, ["effective_ms"] = effectiveMs, ["events"] = head, ["date"] = middle.ToString("yyyy-MM-dd"),
                ["rows"] = effective?.Rows.Count ?? 0 },
            $"as_of: map of granted over {head:N0} events", $"recorded {recordedMs:N0} ms, effective {effectiveMs:N0} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
