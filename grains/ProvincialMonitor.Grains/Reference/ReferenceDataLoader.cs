using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// Records the reference data at start, as the system principal with source <c>reference</c>: the five
/// provinces and their population, the 285 municipalities, the Flemish employment target and the seven
/// spearhead clusters, through the grains (the municipalities through <see cref="IReferenceGrain"/>). Every record has a
/// fixed idempotency key, so a second start adds nothing.
/// </summary>
public sealed class ReferenceDataLoader(CommandDispatcher dispatcher, IGrainFactory grains, ILogger<ReferenceDataLoader> logger)
{
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var province in ReferenceData.Provinces)
        {
            recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province.Slug, $"province/{province.Slug}/registered",
                new RegisterProvince(province.NameNl, province.NisCode, province.Pom) { EffectiveDate = new DateOnly(1995, 1, 1) });
            recorded += await SendAsync<IProvinceGrain, ProvinceCommand>(province.Slug, $"province/{province.Slug}/population/2024",
                new RecordPopulation(2024, province.Population2024, province.Municipalities2019To2024) { EffectiveDate = new DateOnly(2024, 1, 1) });
        }

        recorded += await SendAsync<IRegionGrain, RegionCommand>(RegionDecider.Key, "flanders/target/employment-rate/2030",
            new SetRegionTarget("employment-rate", 80m, 2030) { EffectiveDate = new DateOnly(2021, 1, 1) });

        foreach (var (slug, name, sector) in SpearheadClusters.All)
            recorded += await SendAsync<IClusterGrain, ClusterCommand>(slug, $"cluster/{slug}/registered",
                new RegisterCluster(slug, name, sector, "spearhead", null) { EffectiveDate = new DateOnly(2017, 1, 1) });

        recorded += await grains.GetGrain<IReferenceGrain>(ReferenceGrain.Key).LoadMunicipalities() ? 1 : 0;
        if (recorded > 0) logger.LogInformation("Recorded {Count} reference facts", recorded);
        return recorded;
    }

    private async Task<int> SendAsync<TGrain, TCommand>(string key, string idempotencyKey, TCommand command)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var fullKey = $"reference/{idempotencyKey}";
        var outcome = await dispatcher.SendAsync<TGrain, TCommand>(key, command, new CommandRequest(Actor.System, Sources.Reference, fullKey, fullKey));
        if (outcome.Refusal is { } refusal)
            throw new InvalidOperationException($"Reference data was refused ({fullKey}): {refusal.Message}");
        return outcome.Replayed ? 0 : 1;
    }
}
