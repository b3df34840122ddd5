using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>
/// What a campaign asks of its markets once it accepted a command; each market decides its own facts on its own stream.
/// A market that joined gets its stream opened with what it needs to check its facts (its municipality, province and weekday,
/// the campaign's period); a closed campaign closes each of its markets, so that no market records facts after the close.
/// A step the market refuses as a conflict (opened or closed before) was done before: sending the steps again is safe.
/// </summary>
public static class CampaignPolicy
{
    /// <summary>One command to one market, with the idempotency key (and request hash) it is sent under.</summary>
    public sealed record MarketStep(string MarketKey, MarketCommand Command, string? IdempotencyKey, string? RequestHash);

    /// <summary>Whether <paramref name="command"/> has steps on the markets (so that the campaign's state is needed).</summary>
    public static bool HasSteps(Command command) => command is JoinMarket or CloseCampaign;

    /// <summary>
    /// The steps after <paramref name="command"/> was accepted (stored or replayed) by the campaign <paramref name="campaign"/>, now
    /// in <paramref name="state"/>; <paramref name="idempotencyKey"/> is the key the command was sent under.
    /// </summary>
    public static IReadOnlyList<MarketStep> After(string campaign, CampaignState state, Command command, string? idempotencyKey) => command switch
    {
        JoinMarket { MarketId: { } id } when state.Markets.TryGetValue(id, out var market) =>
        [
            new(MarketState.KeyOf(campaign, id),
                new RegisterMarketInCampaign(campaign, id, market.Municipality, market.Province, market.Weekday, state.PeriodStart, state.PeriodEnd)
                {
                    // The market's stream opens on the day it joined: its days and entries show as of any later date.
                    EffectiveDate = command.EffectiveDate,
                },
                idempotencyKey is { Length: > 0 } key ? $"{key}/market" : null, null),
        ],
        CloseCampaign => [.. state.Markets.Keys.Select(id => new MarketStep(MarketState.KeyOf(campaign, id), new CloseMarket("campaign closed"),
            $"close/{campaign}/{id}", $"close/{campaign}/{id}"))],
        _ => [],
    };

    /// <summary>Whether a market's refusal of a step stops the campaign's command (a conflict does not: the step was done before).</summary>
    public static bool Stops(Refusal refusal) => refusal.Kind != RefusalKind.Conflict;
}
