using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Wakes the projector on every new event (the store's subscription: NOTIFY on PostgreSQL, an in-process
/// signal on SQLite) and pings it every few seconds, so that it stays active and catches up after a fault.
/// </summary>
public sealed class ProjectionWaker(IEventStore store, IGrainFactory grains, ILogger<ProjectionWaker> logger) : BackgroundService
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = new SemaphoreSlim(0, 1);
        _ = WatchAsync(wake, stoppingToken);
        var projector = grains.GetGrain<IIndicatorsGrain>(IndicatorsProjector.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
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
                await wake.WaitAsync(Ping, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WatchAsync(SemaphoreSlim wake, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var head = await store.GetHeadAsync(stoppingToken);
                await foreach (var _ in store.SubscribeAsync(head.Position, stoppingToken))
                    if (wake.CurrentCount == 0) wake.Release();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "The projection wake-up subscription failed; the ping keeps the projector going");
                await Task.Delay(Ping, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
