using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Region;

public sealed class RegionGrain(
    IEventStore store,
    [PersistentState("snapshot-region", GrainStorage.Snapshots)] IPersistentState<History<RegionState>> snapshot,
    ILogger<RegionGrain> logger)
    : AggregateGrain<RegionState, RegionCommand, RegionDecider>(store, snapshot, logger), IRegionGrain
{
    protected override object ViewOf(RegionState state) => AggregateViews.Flanders(state);
}
