using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Reference;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// At start, after Orleans: the reference data, idempotently; in the embedded mode also the demo data
/// (docs/demo.md) unless <c>--no-demo-data</c> (<c>Demo:Data=false</c>). Demo data goes only
/// into a fresh store, or into one that has demo data already (to finish an interrupted first start), so
/// that a store begun without it never gets it later.
/// </summary>
public sealed class StartupData(
    ReferenceDataLoader reference, DemoData demo, SecurityAdmin security, IEventStore store, StoreSettings settings,
    IConfiguration configuration, ILogger<StartupData> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fresh = (await store.GetHeadAsync(cancellationToken)).Position == 0;
        await reference.LoadAsync(cancellationToken);
        // Its length was checked before the host started (AddStartupData).
        if (configuration["Auth:BootstrapApiKey"] is { Length: > 0 } bootstrapKey) await security.EnsureBootstrapKeyAsync(bootstrapKey);

        if (settings.Kind != StoreKind.Sqlite || !configuration.GetValue("Demo:Data", true)) return;
        var hasDemo = (await store.QueryAsync(new LogQuery { Source = Sources.Demo, Limit = 1 }, cancellationToken)).Events.Count > 0;
        if (!fresh && !hasDemo)
        {
            logger.LogInformation("No demo data: this store was started without it");
            return;
        }
        await demo.LoadAsync(cancellationToken);
        await DemoUsers.EnsureAsync(security);
        logger.LogWarning("Demo mode: this store holds demo data (source 'demo'); start a new store with --no-demo-data for real use");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
