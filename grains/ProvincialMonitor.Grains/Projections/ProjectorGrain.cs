using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The grain around <see cref="ReadModelProjector"/>: one activation in the cluster (key
/// <see cref="ReadModelProjector.Name"/>) folds the log once for the indicators, the campaign figures and the catalog,
/// serves them, and publishes what changed.
/// </summary>
[GrainType("indicators")]
public sealed class ProjectorGrain(IEventStore store, ProjectionStore projections, MonitorClock clock, ILogger<ProjectorGrain> logger)
    : Grain, IIndicatorsGrain, ICampaignFiguresGrain, ICatalogGrain, IBusinessParkFiguresGrain, IDisposable
{
    /// <summary>Events folded per step of a rebuild (<c>Projections:RebuildStep</c>), between which the serving projector goes on.</summary>
    private int RebuildStep =>
        int.TryParse(ServiceProvider.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["Projections:RebuildStep"], out var step) && step > 0 ? step : 2_000;

    private ReadModelProjector _projector = new(store, projections, clock, logger);

    // Catching up and the switch to rebuilt projections take turns, so that no batch is saved under the
    // old names after the new models took their place.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task? _building;

    // The day in Brussels of the figures last pushed (kept here, so that it outlives a rebuilt projector).
    private DateOnly? _pushedDay;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _projector.InitializeAsync(cancellationToken);
        var version = await projections.FindCheckpointAsync(ReadModelProjector.VersionKey, cancellationToken);
        if (await projections.FindCheckpointAsync(ReadModelProjector.Name + ReadModelProjector.NextGeneration, cancellationToken) is not null)
        {
            logger.LogInformation("Resuming the rebuild of the projections beside the serving ones");
            StartBuilding();
        }
        else if (version is null)
        {
            await projections.SetCheckpointAsync(ReadModelProjector.VersionKey, ReadModelProjector.Version, cancellationToken);
        }
        else if (version != ReadModelProjector.Version)
        {
            logger.LogWarning("The saved projections are version {Saved}, this silo's are version {Version}: building them beside the serving ones",
                version, ReadModelProjector.Version);
            await StartRebuildAsync(cancellationToken);
        }
    }

    public Task<string> Host() =>
        Task.FromResult(ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.ToString());

    public async Task<long> CatchUp()
    {
        await _gate.WaitAsync();
        try
        {
            var changed = await _projector.CatchUpAsync();
            if (changed.Count > 0 || _projector.LastEvents.Count > 0)
            {
                var scopes = changed.Where(s => !s.StartsWith("cluster:", StringComparison.Ordinal)).Select(_projector.View).ToArray();
                await Registry.Publish(new IndicatorsUpdate(_projector.Model.Position, scopes, _projector.LastEvents));
            }
            if (_projector.ChangedCampaigns.Count > 0)
                await Registry.PublishCampaigns([.. _projector.ChangedCampaigns.Select(_projector.Campaign).OfType<CampaignFigures>()]);
            var today = _projector.Today;
            if (_pushedDay is { } pushed && pushed != today)
            {
                // Midnight in Brussels: "today" moved in every view without an event (the waker's ping brings this
                // call within seconds), so every scope and campaign is pushed again.
                await Registry.Publish(new IndicatorsUpdate(_projector.Model.Position, [.. IndicatorsModel.Scopes.Select(_projector.View)], []));
                await Registry.PublishCampaigns([.. _projector.Campaigns.Campaigns().Select(c => _projector.Campaign(c.Slug)).OfType<CampaignFigures>()]);
            }
            // Noted after the pushes were sent (one-way calls: a silo that misses one reads the figures fresh when a page opens).
            _pushedDay = today;
            return _projector.Position;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Builds the projections again from position 0 beside the serving ones (names with
    /// <see cref="ReadModelProjector.NextGeneration"/>), while the serving ones go on answering and catching
    /// up; once the new ones have reached the head they take their place and the old ones are dropped.
    /// </summary>
    public Task Rebuild() => _building is { IsCompleted: false } ? Task.CompletedTask : StartRebuildAsync(CancellationToken.None);

    private async Task StartRebuildAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Rebuilding the {Projection} and {Campaigns} projections from position 0, beside the serving ones",
            ReadModelProjector.Name, CampaignModel.Projection);
        foreach (var name in ReadModelProjector.Projections)
        {
            await projections.ResetAsync(name + ReadModelProjector.NextGeneration, cancellationToken);
            await projections.SetCheckpointAsync(name + ReadModelProjector.NextGeneration, 0, cancellationToken);
        }
        StartBuilding();
    }

    /// <summary>Runs in this activation's context, interleaved with the requests at each await.</summary>
    private void StartBuilding() => _building = BuildAsync(new ReadModelProjector(store, projections, clock, logger, ReadModelProjector.NextGeneration));

    private async Task BuildAsync(ReadModelProjector next)
    {
        try
        {
            // The folding runs on the thread pool (SQLite answers synchronously), so that this activation's
            // scheduler stays free for the readers and the serving projector; only the switch runs here.
            var step = RebuildStep;
            await Task.Run(() => next.InitializeAsync());
            while (true)
            {
                var before = next.Position;
                await Task.Run(() => next.CatchUpAsync(step));
                if (next.Position != before) continue;

                await _gate.WaitAsync();
                try
                {
                    await next.CatchUpAsync();
                    await projections.PromoteAsync([.. ReadModelProjector.Projections.Select(n => (n + ReadModelProjector.NextGeneration, n))]);
                    await projections.SetCheckpointAsync(ReadModelProjector.VersionKey, ReadModelProjector.Version);
                    next.BecomeServing();
                    _projector = next;
                }
                finally
                {
                    _gate.Release();
                }
                logger.LogInformation("The rebuilt projections serve from position {Position}; the old ones are dropped", next.Position);
                // Every dashboard gets the figures of the new projections.
                await Registry.Publish(new IndicatorsUpdate(next.Model.Position, [.. IndicatorsModel.Scopes.Select(next.View)], []));
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The models being built stay in the store; the next activation resumes from their checkpoints.
            logger.LogError(ex, "The rebuild of the projections stopped; the serving ones go on");
        }
    }

    private IPushRegistryGrain Registry => GrainFactory.GetGrain<IPushRegistryGrain>(PushRegistryGrain.Key);

    public Task<ScopeIndicators> Scope(string scope) => Task.FromResult(_projector.View(scope));

    public Task<Comparison> Compare(string measure, string per) => Task.FromResult(_projector.Compare(measure, per));

    public Task<ProjectPage> Projects(ProjectQuery query) => Task.FromResult(_projector.Projects(query));

    public Task<MunicipalityMap?> Municipalities(string measure) => Task.FromResult(_projector.Municipalities(measure));

    public Task<MunicipalityFigures?> Municipality(string nis) => Task.FromResult(_projector.Municipality(nis));

    public Task<CampaignFigures?> Campaign(string slug) => Task.FromResult(_projector.Campaign(slug));

    public Task<CampaignListItem[]> Campaigns() => Task.FromResult(_projector.Campaigns.Campaigns());

    public Task<ClusterView[]> Clusters() => Task.FromResult(_projector.Catalog.Clusters());

    public Task<CampaignDetail[]> CampaignViews() => Task.FromResult(_projector.Catalog.Campaigns());

    public Task<TimelineEntry[]> Timeline(string projectId) => Task.FromResult(_projector.Catalog.Timeline(projectId));

    public Task<EventSummary[]> RecentEvents(int count) => Task.FromResult(_projector.Catalog.Recent(count));

    public Task<bool> HasDemoData() => Task.FromResult(_projector.Catalog.HasDemoData);

    public Task<BusinessParkOverview> BusinessParks() => Task.FromResult(_projector.BusinessParks());

    public Task<BusinessParkItem?> BusinessPark(string slug) =>
        Task.FromResult(_projector.Parks.Parks.TryGetValue(slug, out var park) ? BusinessParkFigures.Item(park, _projector.Today) : null);

    public Task<ParkFigureExplanation?> ExplainBusinessParks(string scope, string measure) =>
        Task.FromResult(BusinessParkFigures.IsParkMeasure(measure) ? BusinessParkFigures.Explain(_projector.Parks, scope, measure, _projector.Today) : null);

    public void Dispose() => _gate.Dispose();
}
