using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// Decides rows without storing them: each aggregate's history is folded from its stream once (as the grains
/// and the historical reads fold it), then every row is decided against it in order and its events evolved in
/// memory, so that a later row sees what the earlier rows of the file would have done.
/// </summary>
public sealed class DryRun(IEventStore store)
{
    private readonly Dictionary<string, object> _histories = new(StringComparer.Ordinal);

    public sealed record Result(string StreamId, long Version, Refusal? Refusal);

    /// <summary>The aggregate's state as decided so far in this run, when a row has read it.</summary>
    public TState? StateOf<TState>(string kind, string key) where TState : class =>
        _histories.TryGetValue($"{kind}:{key}", out var history) ? ((History<TState>)history).State : null;

    public async Task<Result> DecideAsync<TState, TCommand, TDecider>(string kind, string key, Command command, CommandContext context, Type concreteType)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var streamId = TDecider.StreamId(key);
        if (!RolePolicy.MayWrite(context.Actor, concreteType))
            return new Result(streamId, 0, Refusal.Of(Refusals.ScopeRoleMayNotSend, ("role", context.Actor.Role), ("command", concreteType.Name)));

        var cacheKey = $"{kind}:{key}";
        if (!_histories.TryGetValue(cacheKey, out var cached))
        {
            var history = TDecider.Initial(key);
            foreach (var recorded in await store.ReadStreamAsync(streamId))
                history = StateFold.Apply<TState, TCommand, TDecider>(history, recorded, out _);
            cached = history;
        }
        var current = (History<TState>)cached;
        var decision = TDecider.Decide(current, (TCommand)command, context);
        if (decision.Refusal is { } refusal)
        {
            _histories[cacheKey] = current;
            return new Result(streamId, current.Version, refusal);
        }
        foreach (var e in decision.Events)
        {
            var fact = Facts.Of(Guid.CreateVersion7(), e.Event, e.EffectiveDate);
            current = TDecider.Evolve(current, fact, e.Event);
        }
        _histories[cacheKey] = current;
        return new Result(streamId, current.Version, null);
    }
}
