using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The grain around <see cref="IndicatorsProjector"/>: one activation in the cluster (key
/// <see cref="IndicatorsProjector.Name"/>) folds the log once for the indicators and the campaign figures, serves
/// both, and publishes what changed.
/// </summary>
public sealed class IndicatorsGrain(IEventStore store, ProjectionStore projections, TimeProvider clock, ILogger<IndicatorsGrain> logger)
    : Grain, IIndicatorsGrain, ICampaignFiguresGrain
{
    private readonly IndicatorsProjector _projector = new(store, projections, clock, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _projector.InitializeAsync(cancellationToken);

    public Task<string> Host() =>
        Task.FromResult(ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.ToString());

    public async Task<long> CatchUp()
    {
        var changed = await _projector.CatchUpAsync();
        var registry = GrainFactory.GetGrain<IPushRegistryGrain>(PushRegistryGrain.Key);
        if (changed.Count > 0 || _projector.LastEvents.Count > 0)
        {
            var scopes = changed.Where(s => !s.StartsWith("cluster:", StringComparison.Ordinal)).Select(_projector.View).ToArray();
            await registry.Publish(new IndicatorsUpdate(_projector.Model.Position, scopes, _projector.LastEvents));
        }
        if (_projector.ChangedCampaigns.Count > 0)
            await registry.PublishCampaigns([.. _projector.ChangedCampaigns.Select(_projector.Campaign).OfType<CampaignFigures>()]);
        return _projector.Position;
    }

    public async Task Rebuild()
    {
        logger.LogWarning("Rebuilding the {Projection} and {Campaigns} projections from position 0", IndicatorsProjector.Name, CampaignModel.Projection);
        await projections.ResetAsync(IndicatorsProjector.Name);
        await projections.ResetAsync(CampaignModel.Projection);
        await _projector.InitializeAsync();
        await CatchUp();
        logger.LogInformation("Rebuilt the projections up to position {Position}", _projector.Position);
    }

    public Task<ScopeIndicators> Scope(string scope) => Task.FromResult(_projector.View(scope));

    public Task<Comparison> Compare(string measure, string per) => Task.FromResult(_projector.Compare(measure, per));

    public Task<ProjectPage> Projects(ProjectQuery query) => Task.FromResult(_projector.Projects(query));

    public Task<CampaignFigures?> Campaign(string slug) => Task.FromResult(_projector.Campaign(slug));

    public Task<CampaignListItem[]> Campaigns() => Task.FromResult(_projector.Campaigns.Campaigns());
}
