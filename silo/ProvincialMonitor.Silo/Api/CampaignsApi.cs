using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Projections;

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

        campaigns.MapGet("/", ListAsync).Produces<CampaignDetail[]>();
        campaigns.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<ICampaignGrain>(slug), $"Campaign {slug}", request, "campaign", slug))
            .DescribedAsState<CampaignDetail>();
        campaigns.MapGet("/{slug}/events", (string slug, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, CampaignDecider.StreamId(slug), $"Campaign {slug}", ct))
            .DescribedAsEvents();
        campaigns.MapGet("/{slug}/markets/{id}", (HttpRequest request, string slug, string id, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IMarketGrain>(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", request, "market", MarketState.KeyOf(slug, id)))
            .DescribedAsState<MarketView>();
        campaigns.MapGet("/{slug}/markets/{id}/events", (string slug, string id, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, MarketDecider.StreamId(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    /// <summary>Every launched campaign, newest period first, from the catalog read model.</summary>
    private static async Task<IResult> ListAsync(IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<ICatalogGrain>(ReadModelProjector.Name).CampaignViews());
}
