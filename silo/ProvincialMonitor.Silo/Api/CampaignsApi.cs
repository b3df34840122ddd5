using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Campaigns;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// Campaigns (Maand van de Markt) and their markets. A market joins on the campaign's stream and is then
/// registered on its own stream, so that hundreds of markets record days and entries in parallel.
/// </summary>
public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/campaigns").WithTags("Campaigns");

        campaigns.MapGet("/", ListAsync).Produces<CampaignState[]>();
        campaigns.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<ICampaignGrain>(slug), $"Campaign {slug}", request, "campaign", slug))
            .DescribedAsState<CampaignState>();
        campaigns.MapGet("/{slug}/events", (string slug, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, CampaignDecider.StreamId(slug), $"Campaign {slug}", ct))
            .DescribedAsEvents();
        campaigns.MapGet("/{slug}/markets/{id}", (HttpRequest request, string slug, string id, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IMarketGrain>(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", request, "market", MarketState.KeyOf(slug, id)))
            .DescribedAsState<MarketState>();
        campaigns.MapGet("/{slug}/markets/{id}/events", (string slug, string id, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, MarketDecider.StreamId(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    private static async Task<IResult> ListAsync(IEventStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var slugs = new List<string>();
        var query = new LogQuery { EventTypes = [EventTypes.NameOf(typeof(CampaignLaunched))], Limit = 1000 };
        while (true)
        {
            var page = await store.QueryAsync(query, cancellationToken);
            slugs.AddRange(page.Events.Select(e => StreamIds.CampaignSlug(e.StreamId)!));
            if (page.NextPosition is not { } next) break;
            query = query with { AfterPosition = next };
        }
        var views = await Task.WhenAll(slugs.Distinct().Select(s => grains.GetGrain<ICampaignGrain>(s).View()));
        return Results.Content($"[{string.Join(",", views.Where(v => v.Exists).Select(v => v.StateJson))}]", "application/json");
    }
}
