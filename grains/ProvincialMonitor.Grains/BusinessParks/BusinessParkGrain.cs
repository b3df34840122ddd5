using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.BusinessParks;

public sealed class BusinessParkGrain(
    IEventStore store,
    [PersistentState("snapshot-business-park", GrainStorage.Snapshots)] IPersistentState<History<BusinessParkState>> snapshot,
    ILogger<BusinessParkGrain> logger)
    : AggregateGrain<BusinessParkState, BusinessParkCommand, BusinessParkDecider>(store, snapshot, logger), IBusinessParkGrain
{
    protected override object ViewOf(BusinessParkState state) => AggregateViews.BusinessPark(state);
}
