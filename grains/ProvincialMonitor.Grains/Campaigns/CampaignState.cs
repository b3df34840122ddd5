using System.Collections.Immutable;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Campaigns;

[GenerateSerializer, Immutable]
public sealed record JoinedMarket(
    [property: Id(0)] string MarketId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] string Weekday,
    [property: Id(5)] int Traders);

[GenerateSerializer, Immutable]
public sealed record CampaignAction(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string[] Provinces);

/// <summary>A campaign as its events made it.</summary>
/// <remarks>
/// <see cref="Breaches"/> notes what only a correction or retraction can bring about (a market whose municipality
/// no longer joined before it, a second join, a fact after the close): Evolve never throws, so Apply notes them
/// and the invariants refuse the correction or retraction that would cause them.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record CampaignState(
    [property: Id(0)] string Slug,
    [property: Id(1)] bool Launched,
    [property: Id(2)] string Name,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] string[] Provinces,
    [property: Id(6)] CampaignTarget[] Targets,
    [property: Id(7)] ImmutableDictionary<string, string> Municipalities,
    [property: Id(8)] ImmutableDictionary<string, JoinedMarket> Markets,
    [property: Id(9)] ImmutableList<CampaignAction> Actions,
    [property: Id(10)] bool Closed,
    [property: Id(11)] string? ClosedReason,
    [property: Id(12)] ImmutableList<Refusal> Breaches)
{
    public static CampaignState Unlaunched(string slug) => new(
        slug, false, "", default, default, [], [], ImmutableDictionary<string, string>.Empty,
        ImmutableDictionary<string, JoinedMarket>.Empty, [], false, null, []);

    public bool InPeriod(DateOnly date) => date >= PeriodStart && date <= PeriodEnd;
}
