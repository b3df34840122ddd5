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

    /// <summary>
    /// A login belongs to one user. The one activation of this grain runs one command at a time, so the claim
    /// (a row in the name table, which the caller completes with the name and password hash) is checked and made
    /// before any other registration is decided: of concurrent registrations of one login the first is stored and
    /// the others are refused, and nothing of theirs is written. A row whose actor this stream never registered is
    /// a claim whose registration was not stored (the silo stopped in between): it is taken over.
    /// </summary>
    protected override async Task<Refusal?> BeforeDecideAsync(SecurityCommand command, History<SecurityState> history)
    {
        if (command is not RegisterUser { ActorId: { } actorId, Login: { } login } || history.State.Users.ContainsKey(actorId)) return null;
        var holder = await Store.Credentials.FindByLoginAsync(login);
        if (holder?.ActorId == actorId) return null;
        if (holder is not null)
        {
            if (history.State.Users.ContainsKey(holder.ActorId)) return Refusal.Of(Refusals.UserLoginTaken, ("login", login));
            await Store.Credentials.RemoveAsync(holder.ActorId);
        }
        return await Store.Credentials.AddUserAsync(actorId, login, null, null) ? null : Refusal.Of(Refusals.UserLoginTaken, ("login", login));
    }

    // Only a claim this command made is removed: a refused registration of a registered id leaves that user's row.
    protected override Task AfterRefusalAsync(SecurityCommand command) =>
        command is RegisterUser { ActorId: { } actorId, Login: not null } && !State.Users.ContainsKey(actorId)
            ? Store.Credentials.RemoveAsync(actorId)
            : Task.CompletedTask;
}
