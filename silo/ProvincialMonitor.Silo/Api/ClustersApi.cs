using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Api;

public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/api/clusters").WithTags("Clusters");

        clusters.MapGet("/", ListAsync).Produces<ClusterView[]>();
        clusters.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IClusterGrain>(slug), $"Cluster {slug}", request, "cluster", slug))
            .DescribedAsState<ClusterView>();
        clusters.MapGet("/{slug}/events", (string slug, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, ClusterDecider.StreamId(slug), $"Cluster {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    /// <summary>Every registered cluster, from the catalog read model.</summary>
    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<ICatalogGrain>(ReadModelProjector.Name).Clusters());
}
