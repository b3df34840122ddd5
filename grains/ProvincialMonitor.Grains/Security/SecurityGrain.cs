using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Security;

/// <summary>
/// The security stream's grain. Its reads interleave with a command in flight: the state is immutable and
/// replaced whole, so a read sees it before or after an event, never halfway.
/// </summary>
public sealed class SecurityGrain(
    IEventStore store,
    [PersistentState("snapshot-security", GrainStorage.Snapshots)] IPersistentState<History<SecurityState>> snapshot,
    ILogger<SecurityGrain> logger)
    : AggregateGrain<SecurityState, SecurityCommand, SecurityDecider>(store, snapshot, logger), ISecurityGrain
{
    public Task<Actor?> ActorFor(string actorId) => Task.FromResult(State.ActorFor(actorId));

    public Task<Actor?> ActorForKey(string keyId) => Task.FromResult(State.ActorForKey(keyId));

    public Task<SecurityView> Snapshot() => Task.FromResult(State.ToView());
}
