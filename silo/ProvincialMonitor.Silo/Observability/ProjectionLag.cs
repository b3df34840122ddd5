using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Telemetry;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Observability;

/// <summary>How far the projector's saved checkpoints are behind the store's head.</summary>
/// <param name="Head">The newest position in the store.</param>
/// <param name="Checkpoint">The lowest saved checkpoint of the projections.</param>
/// <param name="Events">Events not folded yet.</param>
/// <param name="Seconds">How long the oldest of them has been waiting (0 when none).</param>
public sealed record ProjectionLag(long Head, long Checkpoint, long Events, double Seconds);

/// <summary>
/// Samples the projection lag every <c>Telemetry:ProjectionLagSampleSeconds</c> (default 5) for the gauges
/// <c>provmon.projection.lag.events</c> and <c>provmon.projection.lag.seconds</c>, off the hot path; the ready
/// check samples it afresh.
/// </summary>
public sealed class ProjectionLagMonitor(IServiceProvider services, IConfiguration configuration, MonitorClock clock, ILogger<ProjectionLagMonitor> logger)
    : BackgroundService
{
    private static readonly string[] Projections = ReadModelProjector.Projections;

    public async Task<ProjectionLag> SampleAsync(CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<IEventStore>();
        var projections = services.GetRequiredService<ProjectionStore>();
        var head = await store.GetHeadAsync(cancellationToken);
        var checkpoint = long.MaxValue;
        foreach (var name in Projections)
            checkpoint = Math.Min(checkpoint, await projections.GetCheckpointAsync(name, cancellationToken));
        var events = Math.Max(0, head.Position - checkpoint);
        var seconds = 0.0;
        if (events > 0)
            await foreach (var oldest in store.ReadAllAsync(checkpoint + 1, checkpoint + 1, cancellationToken))
                seconds = Math.Max(0, (clock.Now - oldest.RecordedAt).TotalSeconds);
        HostTelemetry.ReportProjectionLag(events, seconds);
        return new ProjectionLag(head.Position, checkpoint, events, seconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Telemetry:ProjectionLagSampleSeconds", 5.0)));
        using var timer = new PeriodicTimer(period, clock.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SampleAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The store may be down or not open yet; the gauges keep their last value, the ready check says Degraded.
                    logger.LogDebug(ex, "Could not sample the projection lag");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

/// <summary>
/// Degraded (still 200 on <c>/health/ready</c>) when the projector is more than <c>Health:ProjectionLag:MaxEvents</c>
/// (default 1000) events or <c>Health:ProjectionLag:MaxSeconds</c> (default 30) seconds behind, or when the lag cannot be read.
/// </summary>
internal sealed class ProjectionLagCheck(ProjectionLagMonitor monitor, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxEvents = configuration.GetValue("Health:ProjectionLag:MaxEvents", 1000L);
        var maxSeconds = configuration.GetValue("Health:ProjectionLag:MaxSeconds", 30.0);
        ProjectionLag lag;
        try
        {
            lag = await monitor.SampleAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is EventStoreException or InvalidOperationException or System.Data.Common.DbException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "the projection lag cannot be read", ex);
        }

        var description = FormattableString.Invariant($"{lag.Events} events, {lag.Seconds:0.#} s behind");
        return lag.Events > maxEvents || lag.Seconds > maxSeconds
            ? new HealthCheckResult(context.Registration.FailureStatus,
                FormattableString.Invariant($"{description} (more than {maxEvents} events or {maxSeconds} s)"))
            : HealthCheckResult.Healthy(description);
    }
}
