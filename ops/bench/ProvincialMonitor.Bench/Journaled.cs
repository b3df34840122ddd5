using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.Providers;

namespace ProvincialMonitor.Bench;

/// <summary>The peer: Orleans' own event sourcing, a JournaledGrain on the LogStorage provider over memory grain storage.</summary>
public interface IJournaledPeerGrain : IGrainWithStringKey
{
    /// <summary>Raises <paramref name="count"/> events and confirms them once (to grow the log quickly).</summary>
    Task Grow(int count);

    /// <summary>Raises one event and confirms it: the append whose cost is measured.</summary>
    Task<int> AppendOne(decimal value);
}

[GenerateSerializer]
public sealed record PeerOutputReported([property: Id(0)] string Metric, [property: Id(1)] decimal Value, [property: Id(2)] string Period, [property: Id(3)] string Note);

[GenerateSerializer]
public sealed class PeerState
{
    [Id(0)] public decimal Total { get; set; }
    [Id(1)] public int Count { get; set; }

    public void Apply(PeerOutputReported e)
    {
        Total += e.Value;
        Count++;
    }
}

[LogConsistencyProvider(ProviderName = "LogStorage")]
[StorageProvider(ProviderName = "Default")]
public sealed class JournaledPeerGrain : JournaledGrain<PeerState, PeerOutputReported>, IJournaledPeerGrain
{
    // About as large as one of our events' data (~300 bytes with the envelope).
    private static readonly string Note = new('x', 160);

    public async Task Grow(int count)
    {
        RaiseEvents(Enumerable.Range(0, count).Select(i => new PeerOutputReported("jobs-created", i, "2026", Note)));
        await ConfirmEvents();
    }

    public async Task<int> AppendOne(decimal value)
    {
        RaiseEvent(new PeerOutputReported("jobs-created", value, "2026", Note));
        await ConfirmEvents();
        return Version;
    }
}

public static class JournaledPeer
{
    /// <summary>Median cost (µs) of one append at each stream length, on a silo of its own in this process.</summary>
    public static async Task<Dictionary<int, double>> MeasureAsync(int[] lengths, int samples)
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering(int.Parse(BenchSilo.FreePort()), int.Parse(BenchSilo.FreePort()))
                .Configure<Orleans.Configuration.EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback)
                .AddMemoryGrainStorageAsDefault()
                .AddLogStorageBasedLogConsistencyProvider())
            .Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var result = new Dictionary<int, double>();
        foreach (var length in lengths)
        {
            var grain = grains.GetGrain<IJournaledPeerGrain>($"peer-{length}");
            var grown = 0;
            while (grown < length)
            {
                var step = Math.Min(1000, length - grown);
                await grain.Grow(step);
                grown += step;
            }
            await grain.AppendOne(0); // warm
            var costs = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await grain.AppendOne(i);
                costs.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
            result[length] = Measure.Median(costs);
        }
        await host.StopAsync();
        return result;
    }
}
