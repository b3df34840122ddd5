using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ProvincialMonitor.Bench;

/// <summary>
/// Commit-to-receipt latency on the hub: clients subscribed to one province's topic receive <c>ProvinceChanged</c> with the
/// scope's position; every action recorded at that province at or below the received position counts as received then,
/// from the moment its append returned (after the commit) to the moment the message arrived.
/// </summary>
public static class Push
{
    public static async Task<(double P50, double P99, long Samples, long Missing, double RateAchieved)> MeasureAsync(
        Uri address, int clients, int perSecond, double seconds, Func<int, Task<long>> record)
    {
        var received = new ConcurrentQueue<(int Client, long Position, long At)>();
        var connections = new List<HubConnection>();
        for (var c = 0; c < clients; c++)
        {
            var client = c;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(address, "hubs/indicators"), o => o.Headers["X-Api-Key"] = BenchSilo.AdminKey)
                .Build();
            connection.On<JsonElement>("ProvinceChanged", scope =>
                received.Enqueue((client, scope.GetProperty("position").GetInt64(), Stopwatch.GetTimestamp())));
            await connection.StartAsync();
            await connection.InvokeAsync("Subscribe", "province:limburg");
            connections.Add(connection);
        }

        var commits = new ConcurrentDictionary<long, long>();
        var total = (int)(perSecond * seconds);
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        const int TickMs = 10;
        var perTick = perSecond * TickMs / 1000;
        for (var sent = 0; sent < total;)
        {
            for (var i = 0; i < perTick && sent < total; i++, sent++)
            {
                var n = sent;
                tasks.Add(Task.Run(async () =>
                {
                    var position = await record(n);
                    commits[position] = Stopwatch.GetTimestamp();
                }));
            }
            var due = start + (long)(sent / (double)perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
        }
        await Task.WhenAll(tasks);
        var rate = total / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var lastCommit = commits.Keys.Max();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (Stopwatch.GetTimestamp() < deadline &&
               received.GroupBy(r => r.Client).Count(g => g.Max(r => r.Position) >= lastCommit) < clients)
            await Task.Delay(100);

        foreach (var connection in connections) await connection.DisposeAsync();

        var positions = commits.Keys.Order().ToArray();
        var latencies = new List<double>();
        long missing = 0;
        foreach (var group in received.GroupBy(r => r.Client))
        {
            var index = 0;
            foreach (var (_, position, at) in group.OrderBy(r => r.At))
                for (; index < positions.Length && positions[index] <= position; index++)
                    latencies.Add(Math.Max(0, (at - commits[positions[index]]) * 1000.0 / Stopwatch.Frequency));
            missing += positions.Length - index;
        }
        missing += (long)(clients - received.Select(r => r.Client).Distinct().Count()) * positions.Length;
        return (Measure.Percentile(latencies, 0.5), Measure.Percentile(latencies, 0.99), latencies.Count, missing, rate);
    }
}
