using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Clusters;

public sealed class ClusterGrain(
    IEventStore store,
    [PersistentState("snapshot-cluster", GrainStorage.Snapshots)] IPersistentState<History<ClusterState>> snapshot,
    ILogger<ClusterGrain> logger)
    : AggregateGrain<ClusterState, ClusterCommand, ClusterDecider>(store, snapshot, logger), IClusterGrain
{
    protected override object ViewOf(ClusterState state) => AggregateViews.Cluster(state);
}
