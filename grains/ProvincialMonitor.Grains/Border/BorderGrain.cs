using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Border;

public sealed class BorderGrain(
    IEventStore store,
    [PersistentState("snapshot-border", GrainStorage.Snapshots)] IPersistentState<History<BorderState>> snapshot,
    ILogger<BorderGrain> logger)
    : AggregateGrain<BorderState, BorderCommand, BorderDecider>(store, snapshot, logger), IBorderGrain
{
    protected override object ViewOf(BorderState state) => AggregateViews.Border(state);
}
