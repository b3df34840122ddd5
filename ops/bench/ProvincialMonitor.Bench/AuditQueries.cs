using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Bench;

/// <summary>
/// <c>audit_query_ms</c> (issue #35): named filters of the Audit page and <c>GET /api/events</c> on the long log, on the
/// PostgreSQL log of <see cref="BigLog"/> and on an embedded SQLite store written with the same data. Each query string
/// is parsed by the API's own <see cref="LogQueries.Parse"/> and run as <c>GET /api/events</c> runs it (the store's
/// QueryAsync, each event mapped by StreamsApi and the page serialized), in process, without HTTP.
/// </summary>
public static class AuditQueries
{
    private const int WarmUps = 5, Timed = 20;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(IEventStore postgres, long events, Results results)
    {
        var filters = await FiltersAsync(postgres);
        var json = new JsonObject { ["events"] = events, ["filters"] = new JsonObject(filters.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)f.Query))) };
        var text = new List<string>();
        json["postgres"] = await MeasureAsync(postgres, filters, text, "PostgreSQL");

        // The same data in an embedded store (the silo's own SQLite store, as the silo opens it).
        var folder = Directory.CreateTempSubdirectory("provmon-bench-auditlog-").FullName;
        try
        {
            await using var sqlite = await SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db"));
            var (seconds, head) = await Data.WriteLogAsync(sqlite, events, (int)Math.Max(10, events / 200), 16, BigLog.From, BigLog.To);
            Console.WriteLine($"    SQLite log: {head:N0} events written in {seconds:N0} s ({head / seconds:N0} ev/s)");
            json["sqlite_log_write_events_per_s"] = Math.Round(head / seconds);
            // The indexer writes the tag rows and filter columns behind the log: measured once it has reached the head.
            var lag = sqlite.IndexLag;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (sqlite.IndexLag > 0 && waited.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(50);
            json["sqlite_index_lag_after_write"] = lag;
            json["sqlite_index_catch_up_s"] = Math.Round(waited.Elapsed.TotalSeconds, 2);
            Console.WriteLine($"    SQLite indexer: {lag:N0} events behind after the write, at the head {waited.Elapsed.TotalSeconds:N1} s later");
            json["sqlite"] = await MeasureAsync(sqlite, filters, text, "SQLite");
            // The same data and filters: both stores must find the same events.
            json["same_totals"] = filters.All(f => (long)json["postgres"]![f.Name]!["total"]! == (long)json["sqlite"]![f.Name]!["total"]!);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        results.Add("audit_query_ms", json, $"audit filters on {events:N0} events: median ms of the first page (100), and of every page", string.Join("; ", text));
    }

    /// <summary>
    /// The filters, named: the Audit page's province, its event type within a province, its domain with a range of
    /// effective dates (basis "in werking"), and the API's municipality (a tag row kind, like the province). The
    /// municipality is the first one a project of the PostgreSQL log is located in; the SQLite log holds the same
    /// projects (Data makes a project's places from its index), so both answer the same filters.
    /// </summary>
    private static async Task<List<(string Name, string Query)>> FiltersAsync(IEventStore store)
    {
        var located = await store.QueryAsync(new LogQuery { EventTypes = Contracts.Events.EventTypes.VersionsOf("ProjectLocated"), Limit = 1 });
        using var data = JsonDocument.Parse(located.Events[0].Data);
        var municipality = data.RootElement.GetProperty("municipalities")[0].GetString();
        var domain = PolicyDomains.DutchNames.Keys.First();
        return
        [
            ("province", "province=limburg"),
            ("type_in_province", "type=ProjectRegistered&province=antwerpen"),
            ("domain_effective_year", $"domain={domain}&effectiveFrom=2023-01-01&effectiveTo=2023-12-31"),
            ("municipality", $"municipality={municipality}"),
        ];
    }

    private static async Task<JsonObject> MeasureAsync(IEventStore store, List<(string Name, string Query)> filters, List<string> text, string label)
    {
        var figures = new JsonObject();
        var parts = new List<string>();
        foreach (var (name, query) in filters)
        {
            for (var i = 0; i < WarmUps; i++) await PageAsync(store, query, after: 0, limit: 100);
            var times = new List<double>();
            int firstCount = 0;
            for (var i = 0; i < Timed; i++)
            {
                var clock = Stopwatch.StartNew();
                (firstCount, _) = await PageAsync(store, query, after: 0, limit: 100);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            // Every page, as a reader who pages to the end or an export does (1,000 a page, the API's most): the total.
            var walk = Stopwatch.StartNew();
            long total = 0, pages = 0;
            long? next = 0;
            while (next is { } after)
            {
                var (count, more) = await PageAsync(store, query, after, limit: 1000);
                total += count;
                pages++;
                next = more;
            }
            var median = Measure.Median(times);
            figures[name] = new JsonObject
            {
                ["first_page_median_ms"] = Math.Round(median, 2), ["first_page_p90_ms"] = Math.Round(Measure.Percentile(times, 0.9), 2),
                ["first_page_events"] = firstCount, ["total"] = total, ["all_pages_ms"] = Math.Round(walk.Elapsed.TotalMilliseconds, 1), ["pages"] = pages,
            };
            parts.Add($"{name} {median:N1} ms ({total:N0} in {walk.Elapsed.TotalMilliseconds:N0} ms)");
            Console.WriteLine($"    {label} {name}: first page median {median:N1} ms; all {total:N0} events in {pages} pages, {walk.Elapsed.TotalMilliseconds:N0} ms");
        }
        text.Add($"{label}: {string.Join(", ", parts)}");
        return figures;
    }

    /// <summary>One page as <c>GET /api/events?{query}&amp;after=…&amp;limit=…</c> answers it; returns its events and the next position.</summary>
    private static async Task<(int Count, long? Next)> PageAsync(IEventStore store, string query, long after, int limit)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString($"?{query}&after={after}&limit={limit}");
        var (parsed, problem) = LogQueries.Parse(context.Request);
        if (problem is not null) throw new InvalidOperationException($"the API refused '{query}'");
        var page = await store.QueryAsync(parsed!);
        var body = JsonSerializer.SerializeToUtf8Bytes(new EventsPage(page.Events.Select(StreamsApi.ToResponse), page.NextPosition), Web);
        GC.KeepAlive(body);
        return (page.Events.Count, page.NextPosition);
    }
}
