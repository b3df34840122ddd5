using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Provinces;

public sealed class ProvinceGrain(
    IEventStore store,
    [PersistentState("snapshot-province", GrainStorage.Snapshots)] IPersistentState<History<ProvinceState>> snapshot,
    ILogger<ProvinceGrain> logger)
    : AggregateGrain<ProvinceState, ProvinceCommand, ProvinceDecider>(store, snapshot, logger), IProvinceGrain
{
    protected override object ViewOf(ProvinceState state) => AggregateViews.Province(state);
}
