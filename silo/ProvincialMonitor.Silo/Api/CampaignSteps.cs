using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The second step of the two campaign actions that touch the markets' own streams, shared by the HTTP API and the
/// dashboard's forms: after a market joined the campaign its stream is opened, and after the campaign closed every
/// market is closed. A conflict (the market was opened or closed before) is no refusal.
/// </summary>
public static class CampaignSteps
{
    /// <summary>Opens the market's stream with what it needs to check its facts; the refusal when that failed otherwise.</summary>
    public static async Task<Refusal?> OpenMarketAsync(CommandDispatcher dispatcher, IGrainFactory grains, string slug, JoinMarket joined,
        Actor actor, string source, string? idempotencyKey)
    {
        var campaign = JsonDocument.Parse((await grains.GetGrain<ICampaignGrain>(slug).View()).StateJson).RootElement;
        var municipality = ReferenceData.FindMunicipality(joined.Municipality!)!;
        var register = new RegisterMarketInCampaign(slug, joined.MarketId, municipality.NisCode, municipality.ProvinceSlug, joined.Weekday,
            campaign.GetProperty("periodStart").Deserialize<DateOnly>(), campaign.GetProperty("periodEnd").Deserialize<DateOnly>());
        var opened = await dispatcher.SendAsync<IMarketGrain, MarketCommand>(MarketState.KeyOf(slug, joined.MarketId!), register,
            new CommandRequest(actor, source, idempotencyKey is { Length: > 0 } key ? $"{key}/market" : null));
        return opened.Refusal is { Kind: not RefusalKind.Conflict } refusal ? refusal : null;
    }

    /// <summary>Closes each market of the closed campaign, so that no market records facts after the close.</summary>
    public static async Task<Refusal?> CloseMarketsAsync(CommandDispatcher dispatcher, IGrainFactory grains, string slug, Actor actor, string source)
    {
        var campaign = JsonDocument.Parse((await grains.GetGrain<ICampaignGrain>(slug).View()).StateJson).RootElement;
        foreach (var market in campaign.GetProperty("markets").EnumerateObject())
        {
            var closed = await dispatcher.SendAsync<IMarketGrain, MarketCommand>(MarketState.KeyOf(slug, market.Name), new CloseMarket("campaign closed"),
                new CommandRequest(actor, source, $"close/{slug}/{market.Name}", $"close/{slug}/{market.Name}"));
            if (closed.Refusal is { Kind: not RefusalKind.Conflict } refusal) return refusal;
        }
        return null;
    }
}
