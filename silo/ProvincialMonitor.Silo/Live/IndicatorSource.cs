using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The dashboard's source on this silo: the live feed for updates, the projector's read models, and the events page's log reads.</summary>
public sealed class IndicatorSource(LiveFeed feed, IGrainFactory grains, Api.AuditLog log, HistoricalIndicators history, MonitorClock clock,
    Hosting.EventStoreConnector store) : IIndicatorSource
{
    private readonly DetailsReader _details = new(grains, store);

    private IIndicatorsGrain Projector => grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);

    public event Action<IndicatorsUpdate>? Changed
    {
        add => feed.Changed += value;
        remove => feed.Changed -= value;
    }

    public async Task<IReadOnlyList<ScopeIndicators>> ComparisonAsync() => (await feed.ComparisonAsync()).Scopes;

    public Task<ScopeIndicators> ScopeAsync(string scope) => Projector.Scope(scope);

    public Task<ProjectPage> ProjectsAsync(ProjectQuery query) => Projector.Projects(query);

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ReadModelProjector.Name);

    public async Task<IReadOnlyList<EventSummary>> RecentEventsAsync(int count) => await Catalog.RecentEvents(count);

    public async Task<LogEntryPage> EventsAsync(EventFilter filter, long? before, int limit)
    {
        var page = await log.QueryAsync(new LogQuery
        {
            Province = filter.Province,
            Domain = filter.Domain,
            Cluster = filter.Cluster,
            Campaign = filter.Campaign,
            Municipality = filter.Municipality,
            StreamId = filter.Stream,
            EventTypes = filter.Types is { Count: > 0 } types ? [.. types.SelectMany(Contracts.Events.EventTypes.VersionsOf).Distinct()] : null,
            Direction = LogDirection.Backwards,
            BeforePosition = before,
            Limit = Math.Clamp(limit, 1, 200),
        });
        return new LogEntryPage(page.Events.Select(LogEntries.Of).ToArray(), page.NextPosition);
    }

    public async Task<FigureExplanation?> ExplainAsync(string scope, string measure) =>
        Contracts.Measures.MeasureCatalog.Find(measure) is null || !await Api.IndicatorsApi.ScopeExistsAsync(grains, scope)
            ? null
            : await history.ExplainAsync(scope, measure, new Grains.Aggregates.AsOfQuery(), clock.Today);

    public Task<ProjectDetails?> ProjectAsync(string id) => _details.ProjectAsync(id);

    public Task<IReadOnlyList<ClusterSummary>> ClustersAsync() => _details.ClustersAsync();

    public Task<ClusterDetails?> ClusterAsync(string slug) => _details.ClusterAsync(slug);

    public Task<bool> HasDemoDataAsync() => Catalog.HasDemoData();
}
