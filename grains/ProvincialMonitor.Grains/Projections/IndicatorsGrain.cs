using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>The grain around <see cref="IndicatorsProjector"/>: one activation in the cluster folds and serves.</summary>
public sealed class IndicatorsGrain(IEventStore store, ProjectionStore projections, TimeProvider clock, ILogger<IndicatorsGrain> logger)
    : Grain, IIndicatorsGrain
{
    private readonly IndicatorsProjector _projector = new(store, projections, clock, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _projector.InitializeAsync(cancellationToken);

    public async Task<long> CatchUp()
    {
        var changed = await _projector.CatchUpAsync();
        if (changed.Count > 0 || _projector.LastEvents.Count > 0)
        {
            var scopes = changed.Where(s => !s.StartsWith("cluster:", StringComparison.Ordinal)).Select(_projector.View).ToArray();
            await GrainFactory.GetGrain<IPushRegistryGrain>(PushRegistryGrain.Key)
                .Publish(new IndicatorsUpdate(_projector.Model.Position, scopes, _projector.LastEvents));
        }
        return _projector.Model.Position;
    }

    public async Task Rebuild()
    {
        logger.LogWarning("Rebuilding the {Projection} projection from position 0", IndicatorsProjector.Name);
        await projections.ResetAsync(IndicatorsProjector.Name);
        await _projector.InitializeAsync();
        await CatchUp();
        logger.LogInformation("Rebuilt the {Projection} projection up to position {Position}", IndicatorsProjector.Name, _projector.Model.Position);
    }

    public Task<ScopeIndicators> Scope(string scope) => Task.FromResult(_projector.View(scope));

    public Task<Comparison> Compare(string measure, string per) => Task.FromResult(_projector.Compare(measure, per));

    public Task<ProjectPage> Projects(ProjectQuery query) => Task.FromResult(_projector.Projects(query));
}
