using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Faults;

/// <summary>What the store itself says, read straight from PostgreSQL.</summary>
public static class StoreFacts
{
    /// <summary>How many events carry each decisionRef of this run's load.</summary>
    public static async Task<Dictionary<string, int>> LoadEventsAsync(string connection, string prefix, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT metadata::jsonb ->> 'decisionRef', count(*) FROM events WHERE metadata::jsonb ->> 'decisionRef' LIKE @prefix GROUP BY 1", db);
        command.Parameters.AddWithValue("prefix", prefix + "%");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        return counts;
    }

    /// <summary>Each province's budget total recomputed from its budget events, and the head of the log.</summary>
    public static async Task<(Dictionary<string, decimal> Budgets, long Head)> TotalsAsync(string connection, CancellationToken cancellationToken)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(cancellationToken);
        var budgets = WriteLoad.Provinces.ToDictionary(p => p, _ => 0m, StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT substr(stream_id, 10), sum((data::jsonb ->> 'amount')::numeric) FROM events " +
            "WHERE event_type = 'BudgetAllocated.v1' AND stream_id LIKE 'province-%' GROUP BY 1", db))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) budgets[reader.GetString(0)] = reader.GetDecimal(1);
        await using var head = new NpgsqlCommand("SELECT coalesce(max(position), 0) FROM events", db);
        return (budgets, (long)(await head.ExecuteScalarAsync(cancellationToken))!);
    }
}

/// <summary>Reads the figures a silo serves and waits for them to equal the store's.</summary>
public static class Convergence
{
    public static async Task<Dictionary<string, decimal>> BudgetsAsync(HttpClient http, Uri silo, CancellationToken cancellationToken)
    {
        var budgets = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var province in WriteLoad.Provinces)
        {
            var scope = await http.GetFromJsonAsync<JsonElement>(new Uri(silo, $"/api/indicators/provinces/{province}"), cancellationToken);
            budgets[province] = scope.GetProperty("measures").TryGetProperty("budget", out var budget) ? budget.GetDecimal() : 0m;
        }
        return budgets;
    }

    /// <summary>Seconds until every given silo serves the store's totals, or null when they do not within the limit.</summary>
    public static async Task<(double? Seconds, string Detail)> WaitAsync(ClusterControl cluster, IEnumerable<int> silos, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        var clock = Stopwatch.StartNew();
        var detail = "";
        while (clock.Elapsed < limit)
        {
            var (store, _) = await StoreFacts.TotalsAsync(cluster.Connection, cancellationToken);
            var all = true;
            foreach (var silo in silos)
            {
                try
                {
                    var served = await BudgetsAsync(http, cluster.Url(silo), cancellationToken);
                    var differing = store.Where(p => served[p.Key] != p.Value).Select(p => $"{p.Key} {served[p.Key]} ≠ {p.Value}").ToList();
                    if (differing.Count > 0) { all = false; detail = $"silo {silo}: {string.Join(", ", differing)}"; }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
                {
                    all = false;
                    detail = $"silo {silo}: {ex.Message}";
                }
            }
            if (all) return (clock.Elapsed.TotalSeconds, "");
            await Task.Delay(500, cancellationToken);
        }
        return (null, detail);
    }
}

/// <summary>A dashboard's view of each silo: a SignalR client subscribed to the comparison, counting the pushes it gets.</summary>
public sealed class LiveWatch : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<int, ConcurrentQueue<DateTime>> _pushes = new();

    public static async Task<LiveWatch> StartAsync(ClusterControl cluster, IEnumerable<int> silos, CancellationToken cancellationToken)
    {
        var watch = new LiveWatch();
        foreach (var silo in silos)
        {
            var pushes = watch._pushes.GetOrAdd(silo, _ => new ConcurrentQueue<DateTime>());
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(cluster.Url(silo), "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", cluster.ApiKey))
                .Build();
            connection.On<JsonElement>("ComparisonChanged", _ => pushes.Enqueue(MonitorClock.System.Now.UtcDateTime));
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync("Subscribe", "comparison", cancellationToken);
            watch._connections.Add(connection);
        }
        return watch;
    }

    /// <summary>The pushes a silo's client received after a moment.</summary>
    public int PushesAfter(int silo, DateTime moment) => _pushes.TryGetValue(silo, out var q) ? q.Count(t => t > moment) : 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            try { await connection.DisposeAsync(); }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException) { }
        }
    }
}
