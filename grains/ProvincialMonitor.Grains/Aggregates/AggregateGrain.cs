using Orleans.Runtime;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// The shell around an aggregate's pure functions (docs/architecture.md "The write path"): load the snapshot
/// and the events after it; Decide; append with the expected version and the idempotency key (checked in the
/// append's transaction; looked up separately only before a refusal); Evolve. A version conflict (only a duplicate activation causes one) reloads and decides once more.
/// Not reentrant: commands on one aggregate run one after the other, in order.
/// </summary>
public abstract class AggregateGrain<TState, TCommand, TDecider>(
    IEventStore store,
    IPersistentState<History<TState>> snapshot,
    ILogger logger) : Grain, IAggregateGrain<TCommand>
    where TCommand : Command
    where TDecider : IDecider<TState, TCommand>
{
    // A snapshot copies the whole history (state and facts), so it is written at deactivation and, where the storage
    // outlives the silo, every 100 events: an activation reads at most 99 events after it, one query. Storage that dies
    // with the silo gets it at deactivation only (SnapshotSchedule): the copies are a cost (docs/performance.md).
    private int? _snapshotEvery = SnapshotSchedule.Durable.Every;

    private History<TState> _history = null!;
    private long _snapshotVersion;

    protected string Key => this.GetPrimaryKeyString();
    protected string StreamId => TDecider.StreamId(Key);

    /// <summary>The current state, for the reads a grain offers besides <see cref="View"/>.</summary>
    protected TState State => _history.State;

    /// <summary>The store the events go to, for the checks of <see cref="BeforeDecideAsync"/>.</summary>
    protected IEventStore Store => store;

    /// <summary>The command as decided, completed from outside the stream (a beneficiary's pseudonymous id); the command itself by default.</summary>
    protected virtual Task<TCommand> CompleteAsync(TCommand command) => Task.FromResult(command);

    /// <summary>A check across aggregates before deciding (a unique reference); the refusal, if any.</summary>
    protected virtual Task<Refusal?> BeforeDecideAsync(TCommand command, History<TState> history) => Task.FromResult<Refusal?>(null);

    /// <summary>Undoes what <see cref="BeforeDecideAsync"/> claimed when nothing was stored.</summary>
    protected virtual Task AfterRefusalAsync(TCommand command) => Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _snapshotEvery = (ServiceProvider.GetService(typeof(SnapshotSchedule)) as SnapshotSchedule ?? SnapshotSchedule.Durable).Every;
        _history = snapshot.RecordExists && snapshot.State is { } saved ? saved : TDecider.Initial(Key);
        _snapshotVersion = _history.Version;
        await CatchUpAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // At shutdown the storage may be gone already; the events are what counts.
        if (_history.Version > _snapshotVersion && reason.ReasonCode != DeactivationReasonCode.ShuttingDown) await SaveSnapshotAsync();
    }

    public Task<AggregateView> View() =>
        Task.FromResult(new AggregateView(TDecider.Exists(_history.State), _history.Version, JsonSerializer.Serialize(_history.State, StateFold.StateJson)));

    public Task<VersionedView> Read()
    {
        var exists = TDecider.Exists(_history.State);
        return Task.FromResult(new VersionedView(exists, _history.Version, exists ? ViewOf(_history.State) : null));
    }

    /// <summary>The state as the view record of the aggregate's GET; null for an aggregate that has no GET.</summary>
    protected virtual object? ViewOf(TState state) => null;

    public async Task<CommandOutcome> Execute(TCommand command, CommandContext context)
    {
        try
        {
            var outcome = await DecideWithRetryAsync(command, context);
            // A retry of a stored command decides again: if that gives events, the store answers with the first
            // result (the key is checked in the append's transaction); if the state now refuses it (the project
            // exists, the version moved on), the key's first result is the answer. So the key costs a lookup only
            // on the way to a refusal, never on the hot path.
            if (outcome.Refusal is { Kind: not (RefusalKind.IdempotencyKeyReused or RefusalKind.Unavailable) }
                && context.IdempotencyKey is { } key
                && await store.FindIdempotencyAsync(context.Actor.Id, key) is { } known)
                // Stored with the key as its hash when the caller gave none (see below): compare the same way.
                return known.RequestHash == (context.RequestHash ?? key) ? Replay(known.Result) : KeyReused();
            return outcome;
        }
        catch (Exception ex) when (ex is EventStoreException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "The store is unavailable for {Stream}", StreamId);
            return Refused(Refusal.Of(Refusals.StoreUnavailable));
        }
    }

    private async Task<CommandOutcome> DecideWithRetryAsync(TCommand command, CommandContext context)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (context.ExpectedVersion is { } expected && expected != _history.Version)
                return Refused(Refusal.Of(Refusals.StreamVersionMismatch, ("streamId", StreamId), ("version", _history.Version), ("expected", expected)));

            var outcome = await DecideAndAppendAsync(command, context);
            if (outcome is not null) return outcome;
            await CatchUpAsync(CancellationToken.None);
            if (context.ExpectedVersion is { } asked)
                return Refused(Refusal.Of(Refusals.StreamVersionMismatch, ("streamId", StreamId), ("version", _history.Version), ("expected", asked)));
            if (attempt == 2)
                return Refused(Refusal.Of(Refusals.StreamChangedConcurrently, ("streamId", StreamId)));
            logger.LogWarning("Version conflict on {Stream}: reloaded, deciding once more", StreamId);
        }
    }

    /// <summary>The outcome, or null on a version conflict.</summary>
    private async Task<CommandOutcome?> DecideAndAppendAsync(TCommand command, CommandContext context)
    {
        command = await CompleteAsync(command);
        if (await BeforeDecideAsync(command, _history) is { } blocked) return Refused(blocked);
        var decision = TDecider.Decide(_history, command, context);
        if (decision.Refusal is { } refusal)
        {
            await AfterRefusalAsync(command);
            return Refused(refusal);
        }

        AppendResult result;
        EventToAppend[] toAppend;
        try
        {
            // The event's canonical text, made once: what the store keeps and hashes, and what the state evolves from below.
            toAppend = decision.Events.Select(e => EventEnvelopes.ToAppend(e, command, context).Canonicalize()).ToArray();
            var idempotency = context.IdempotencyKey is { } key
                ? new IdempotencyRequest(context.Actor.Id, key, context.RequestHash ?? key)
                : null;
            result = await store.AppendAsync(StreamId, _history.Version, toAppend, idempotency);
        }
        catch (WrongExpectedVersionException)
        {
            return null;
        }
        catch (IdempotencyKeyReusedException)
        {
            await AfterRefusalAsync(command);
            return KeyReused();
        }
        catch
        {
            await AfterRefusalAsync(command);
            throw;
        }

        if (result.Replayed)
        {
            // Nothing of this command was stored: what BeforeDecideAsync claimed for it is not needed.
            await CatchUpAsync(CancellationToken.None);
            await AfterRefusalAsync(command);
            return Replay(result);
        }

        for (var i = 0; i < decision.Events.Count; i++)
        {
            // Evolve from the stored (canonical) form, so that the live state is exactly what a replay gives.
            var e = decision.Events[i];
            var fact = new Fact(result.EventIds[i], toAppend[i].EventType, toAppend[i].Data, e.EffectiveDate);
            _history = TDecider.Evolve(_history, fact, EventJson.Deserialize(fact.EventType, fact.Data) ?? e.Event);
        }
        if (_history.Version - _snapshotVersion >= _snapshotEvery) await SaveSnapshotAsync();
        return new CommandOutcome(StreamId, result.ToVersion, result.ToPosition, [.. result.EventIds], false, null);
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(StreamId, new StreamQuery(FromVersion: _history.Version + 1), cancellationToken);
        foreach (var recorded in events)
        {
            _history = StateFold.Apply<TState, TCommand, TDecider>(_history, recorded, out var undecodable);
            // A stored event that does not decode must not lock the aggregate: it counts for the version only.
            if (undecodable is not null)
                logger.LogError(undecodable, "Event {Position} of {Stream} cannot be decoded; it is skipped in the state", recorded.Position, StreamId);
        }
    }

    private async Task SaveSnapshotAsync()
    {
        try
        {
            snapshot.State = _history;
            await snapshot.WriteStateAsync();
            _snapshotVersion = _history.Version;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A snapshot only shortens the next activation; the events are what counts.
            logger.LogWarning(ex, "Could not save the snapshot of {Stream} at version {Version}", StreamId, _history.Version);
        }
    }

    private static CommandOutcome Replay(AppendResult first) =>
        new(first.StreamId, first.ToVersion, first.ToPosition, [.. first.EventIds], true, null);

    private CommandOutcome KeyReused() =>
        Refused(Refusal.Of(Refusals.IdempotencyKeyReused));

    private CommandOutcome Refused(Refusal refusal) => CommandOutcome.Refused(StreamId, _history.Version, refusal);
}
