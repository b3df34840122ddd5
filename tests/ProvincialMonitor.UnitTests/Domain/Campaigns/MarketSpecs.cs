using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Campaigns;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

internal static class MarketSpecs
{
    public const string MarketId = "theaterplein";
    public const string Key = $"{Slug}/{MarketId}";

    public static Spec<MarketState, MarketCommand> New(string key = Key) =>
        new(MarketDecider.Initial(key), MarketDecider.Evolve, MarketDecider.Decide);

    public static readonly MarketRegistered Registered = new(Slug, MarketId, Antwerpen, "antwerpen", "sunday", Start, End);
    public static readonly RegisterMarketInCampaign Register = new(Slug, MarketId, Antwerpen, "antwerpen", "sunday", Start, End);

    public static readonly DateOnly Sunday = new(2026, 11, 22);
    public static readonly MarketDayHeld DayHeld = new(Sunday, 104);

    /// <summary>Sunday 22 November, 10:15 in Brussels (winter time, UTC+1).</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(1));
    public static readonly EntriesRegistered Entries = new(250, Morning);
    public static readonly MarketClosed Closed = new("campaign closed");

    /// <summary>The market, registered in the running campaign, then the given events.</summary>
    public static Spec<MarketState, MarketCommand> Market(params IDomainEvent[] more) => New().Given([Registered, .. more]);
}
