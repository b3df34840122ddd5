using System.Collections.Immutable;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Grains.Campaigns;

[GenerateSerializer, Immutable]
public sealed record MarketDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int TradersPresent);

[GenerateSerializer, Immutable]
public sealed record EntryBatch(
    [property: Id(0)] int Count,
    [property: Id(1)] DateTimeOffset At);

/// <summary>One market in one campaign as its events made it.</summary>
/// <remarks>
/// <see cref="Key"/> is the grain key (<c>{campaign}/{marketId}</c>); <see cref="Campaign"/> and <see cref="MarketId"/>
/// are taken from it until the registration names them. <see cref="Breaches"/> notes what only a correction or
/// retraction can bring about (a fact after the close), for the invariants to refuse.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record MarketState(
    [property: Id(0)] string Key,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string Campaign,
    [property: Id(3)] string MarketId,
    [property: Id(4)] string Municipality,
    [property: Id(5)] string Province,
    [property: Id(6)] string Weekday,
    [property: Id(7)] DateOnly PeriodStart,
    [property: Id(8)] DateOnly PeriodEnd,
    [property: Id(9)] bool Closed,
    [property: Id(10)] ImmutableList<MarketDay> Days,
    [property: Id(11)] ImmutableList<EntryBatch> Entries,
    [property: Id(12)] ImmutableList<Refusal> Breaches)
{
    public static MarketState Unregistered(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (campaign, marketId) = slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
        return new(key, false, campaign, marketId, "", "", "", default, default, false, [], [], []);
    }

    public static string KeyOf(string campaign, string marketId) => $"{campaign}/{marketId}";

    public int TotalEntries => Entries.Sum(e => e.Count);

    public bool InPeriod(DateOnly date) => date >= PeriodStart && date <= PeriodEnd;
}
