using System.Diagnostics;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Wakes the projector when events are committed (the store's signal: NOTIFY on PostgreSQL, in process on
/// SQLite; nothing is read to learn it) and pings it every few seconds, so that it stays active and catches up
/// after a fault. Under a steady stream of commits it catches up at most once per <see cref="MinInterval"/>:
/// one fold, one save and one push for many events, instead of one for each group commit.
/// </summary>
public sealed class ProjectionWaker(IEventStore store, IGrainFactory grains, ILogger<ProjectionWaker> logger) : BackgroundService
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);

    /// <summary>The shortest time between the starts of two catch-ups (what it adds to the push latency at most).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var projector = grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before catching up, so that a commit during the catch-up wakes the next one.
            var appended = WhenAppended(stoppingToken);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await projector.CatchUp();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The indicators projector could not catch up; trying again in {Ping}", Ping);
            }
            try
            {
                await Task.WhenAny(appended, Task.Delay(Ping, stoppingToken));
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed < MinInterval) await Task.Delay(MinInterval - elapsed, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task WhenAppended(CancellationToken stoppingToken)
    {
        try
        {
            return store.WhenAppendedAsync(stoppingToken);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogDebug(ex, "The event store is not open yet; the ping wakes the projector");
            return Task.Delay(Ping, stoppingToken);
        }
    }
}
