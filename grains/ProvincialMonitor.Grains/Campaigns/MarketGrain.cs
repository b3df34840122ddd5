using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>One market in one campaign (key <c>{campaign}/{marketId}</c>), so that hundreds of markets write in parallel.</summary>
public sealed class MarketGrain(
    IEventStore store,
    [PersistentState("snapshot-market", GrainStorage.Snapshots)] IPersistentState<History<MarketState>> snapshot,
    ILogger<MarketGrain> logger)
    : AggregateGrain<MarketState, MarketCommand, MarketDecider>(store, snapshot, logger), IMarketGrain
{
    protected override object ViewOf(MarketState state) => AggregateViews.Market(state);
}
