using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Clusters;

namespace ProvincialMonitor.Silo.Api;

public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/api/clusters").WithTags("Clusters");

        clusters.MapGet("/", ListAsync).Produces<ClusterState[]>();
        clusters.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IClusterGrain>(slug), $"Cluster {slug}", request, "cluster", slug))
            .DescribedAsState<ClusterState>();
        clusters.MapGet("/{slug}/events", (string slug, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, ClusterDecider.StreamId(slug), $"Cluster {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    /// <summary>Every registered cluster, found through their registrations in the log.</summary>
    private static async Task<IResult> ListAsync(IEventStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var slugs = new List<string>();
        var query = new LogQuery { EventTypes = [EventTypes.NameOf(typeof(ClusterRegistered))], Limit = 1000 };
        while (true)
        {
            var page = await store.QueryAsync(query, cancellationToken);
            slugs.AddRange(page.Events.Select(e => StreamIds.ClusterSlug(e.StreamId)!));
            if (page.NextPosition is not { } next) break;
            query = query with { AfterPosition = next };
        }
        var views = await Task.WhenAll(slugs.Distinct().Select(s => grains.GetGrain<IClusterGrain>(s).View()));
        return Results.Content($"[{string.Join(",", views.Where(v => v.Exists).Select(v => v.StateJson))}]", "application/json");
    }
}
