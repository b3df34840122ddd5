using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Commands;
using static ProvincialMonitor.Silo.Api.CommandEndpoints;

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

        campaigns.MapPost("/", LaunchAsync);
        campaigns.MapPost("/{slug}/municipalities", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<ICampaignGrain, JoinMunicipality>(http, slug, d));
        campaigns.MapPost("/{slug}/markets", JoinMarketAsync);
        campaigns.MapPost("/{slug}/actions", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<ICampaignGrain, HoldCampaignAction>(http, slug, d));
        campaigns.MapPost("/{slug}/close", CloseAsync);
        campaigns.MapPost("/{slug}/corrections", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<ICampaignGrain, CorrectCampaign>(http, slug, d));
        campaigns.MapPost("/{slug}/retractions", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<ICampaignGrain, RetractCampaignEvent>(http, slug, d));

        campaigns.MapPost("/{slug}/markets/{id}/days", (HttpContext http, string slug, string id, CommandDispatcher d) =>
            HandleAsync<IMarketGrain, HoldMarketDay>(http, MarketState.KeyOf(slug, id), d));
        campaigns.MapPost("/{slug}/markets/{id}/entries", (HttpContext http, string slug, string id, CommandDispatcher d) =>
            HandleAsync<IMarketGrain, RegisterEntries>(http, MarketState.KeyOf(slug, id), d));
        campaigns.MapPost("/{slug}/markets/{id}/corrections", (HttpContext http, string slug, string id, CommandDispatcher d) =>
            HandleAsync<IMarketGrain, CorrectMarket>(http, MarketState.KeyOf(slug, id), d));
        campaigns.MapPost("/{slug}/markets/{id}/retractions", (HttpContext http, string slug, string id, CommandDispatcher d) =>
            HandleAsync<IMarketGrain, RetractMarketEvent>(http, MarketState.KeyOf(slug, id), d));

        campaigns.MapGet("/", ListAsync);
        campaigns.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<ICampaignGrain>(slug), $"Campaign {slug}", request, "campaign", slug));
        campaigns.MapGet("/{slug}/events", (string slug, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, CampaignDecider.StreamId(slug), $"Campaign {slug}", ct));
        campaigns.MapGet("/{slug}/markets/{id}", (HttpRequest request, string slug, string id, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IMarketGrain>(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", request, "market", MarketState.KeyOf(slug, id)));
        campaigns.MapGet("/{slug}/markets/{id}/events", (string slug, string id, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, MarketDecider.StreamId(MarketState.KeyOf(slug, id)), $"Market {id} of {slug}", ct));
        return app;
    }

    private static async Task<IResult> LaunchAsync(HttpContext http, CommandDispatcher dispatcher)
    {
        var (outcome, problem) = await SendAsync<ICampaignGrain, LaunchCampaign>(http, c => c.Slug ?? "", dispatcher);
        if (problem is not null) return problem;
        var slug = outcome!.StreamId["campaign-".Length..];
        return Respond(outcome, Results.Created($"/api/campaigns/{slug}",
            new CreatedResponse(slug, outcome.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed)));
    }

    /// <summary>The market joins the campaign, then the market's own stream is opened with what it needs to check its facts.</summary>
    private static async Task<IResult> JoinMarketAsync(HttpContext http, string slug, CommandDispatcher dispatcher, IGrainFactory grains)
    {
        JoinMarket? joined = null;
        var (outcome, problem) = await SendAsync<ICampaignGrain, JoinMarket>(http, c => { joined = c; return slug; }, dispatcher);
        if (problem is not null) return problem;

        if (await CampaignSteps.OpenMarketAsync(dispatcher, grains, slug, joined!, Principals.Of(http), RequestSources.Of(http).Source,
                http.Request.Headers["Idempotency-Key"].FirstOrDefault()) is { } refusal)
            return Problems.From(refusal);
        return Respond(outcome!, Results.Ok(new ActionResponse(outcome!.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed)));
    }

    /// <summary>Closes the campaign, then each of its markets, so that no market records facts after the close.</summary>
    private static async Task<IResult> CloseAsync(HttpContext http, string slug, CommandDispatcher dispatcher, IGrainFactory grains)
    {
        var (outcome, problem) = await SendAsync<ICampaignGrain, CloseCampaign>(http, _ => slug, dispatcher, bodyOptional: true);
        if (problem is not null) return problem;
        if (await CampaignSteps.CloseMarketsAsync(dispatcher, grains, slug, Principals.Of(http), RequestSources.Of(http).Source) is { } refusal)
            return Problems.From(refusal);
        return Respond(outcome!, Results.Ok(new ActionResponse(outcome!.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed)));
    }

    private static async Task<IResult> ListAsync(IEventStore store, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var slugs = new List<string>();
        var query = new LogQuery { EventTypes = [EventTypes.NameOf(typeof(CampaignLaunched))], Limit = 1000 };
        while (true)
        {
            var page = await store.QueryAsync(query, cancellationToken);
            slugs.AddRange(page.Events.Select(e => e.StreamId["campaign-".Length..]));
            if (page.NextPosition is not { } next) break;
            query = query with { AfterPosition = next };
        }
        var views = await Task.WhenAll(slugs.Distinct().Select(s => grains.GetGrain<ICampaignGrain>(s).View()));
        return Results.Content($"[{string.Join(",", views.Where(v => v.Exists).Select(v => v.StateJson))}]", "application/json");
    }
}
