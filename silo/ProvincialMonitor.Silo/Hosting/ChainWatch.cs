using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// The silo's own look at its log (docs/audit.md): at start every anchor's hash against its row and the log from the
/// newest anchor to the head, before the silo reports ready; then the whole log in the background. While an alarm
/// stands it reads the audit trail every <see cref="AcknowledgementsEvery"/>, so that an acknowledgement given on any
/// silo of the cluster hides the banner on all of them.
/// </summary>
public sealed class ChainWatch(ChainGuard guard, Api.AuditTrail trail, ILogger<ChainWatch> logger) : BackgroundService
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton(sp => new ChainGuard(sp.GetRequiredService<IEventStore>(), sp.GetService<AnchorSettings>(),
            sp.GetRequiredService<ILogger<ChainGuard>>()));
        services.AddHostedService<ChainWatch>();
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync("the acknowledged breaks", async () =>
        {
            guard.Remember(await trail.AcknowledgedBreaksAsync(cancellationToken));
            return null;
        });
        await CheckAsync("the anchors and the log since the newest", () => guard.CheckRecentAsync(cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    /// <summary>How often a silo whose alarm stands reads the acknowledgements of the audit trail (another silo's reach it so).</summary>
    public static readonly TimeSpan AcknowledgementsEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckAsync("the whole log", async () => (VerificationResult?)(await guard.VerifyAsync(1, null, [], null, stoppingToken)).Result);
        using var timer = new PeriodicTimer(AcknowledgementsEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (guard.Alarm is null) continue;
            await CheckAsync("the acknowledged breaks", async () =>
            {
                guard.Remember(await trail.AcknowledgedBreaksAsync(stoppingToken));
                return null;
            });
        }
    }

    private async Task CheckAsync(string what, Func<Task<VerificationResult?>> check)
    {
        try
        {
            if (await check() is { Intact: true } result)
                logger.LogInformation("Chain check of {What}: intact up to position {Position}", what, result.VerifiedUpTo);
        }
        catch (Exception ex) when (ex is EventStoreException or InvalidOperationException or System.Data.Common.DbException or IOException
            or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            // The store may not answer yet, or the key not be readable; the next check (before the next anchor) tries again.
            logger.LogWarning(ex, "Could not check {What}", what);
        }
    }
}

/// <summary>
/// <c>chain</c> in <c>/health/ready</c>: Degraded once this silo found a break (until a check of the whole log finds
/// the store restored). The answer is anonymous, so it names no position; the log, the banner and the API do.
/// </summary>
public sealed class ChainHealthCheck(ChainGuard guard) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(guard.Break is not null
            ? new HealthCheckResult(context.Registration.FailureStatus, "the hash chain does not match itself or its anchors")
            : HealthCheckResult.Healthy(guard.Checked ? "no break found" : "not checked yet"));
}
