using ProvincialMonitor.Grains;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// Decides rows without storing them: each aggregate's history is folded from its stream once (as the grains
/// and the historical reads fold it), then every row is decided against it in order and its events evolved in
/// memory, so that a later row sees what the earlier rows of the file would have done. What the campaign's policy asks of
/// its markets after a command is decided the same way (<see cref="CampaignPolicy"/>).
/// </summary>
public sealed class DryRun(IEventStore store)
{
    private readonly Dictionary<string, object> _histories = new(StringComparer.Ordinal);

    public sealed record Result(string StreamId, long Version, Refusal? Refusal);

    /// <summary>The aggregate's state as decided so far in this run, when a row has read it.</summary>
    private TState? StateOf<TState>(string kind, string key) where TState : class =>
        _histories.TryGetValue($"{kind}:{key}", out var history) ? ((History<TState>)history).State : null;

    /// <summary>Decides <paramref name="command"/> on the aggregate <paramref name="key"/> of <paramref name="kind"/>, then the policy's steps.</summary>
    public async Task<Result> DecideAsync(CommandKind kind, string key, Command command, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var result = await AggregateKinds.Of(kind).Accept(new Decide(this, kind.Name, key, command, context));
        if (result.Refusal is not null || !CampaignPolicy.HasSteps(command) || StateOf<CampaignState>(kind.Name, key) is not { } campaign) return result;
        foreach (var step in CampaignPolicy.After(key, campaign, command, context.IdempotencyKey))
        {
            var done = await DecideAsync(CommandKind.Market, step.MarketKey, step.Command, context);
            if (done.Refusal is { } refusal && CampaignPolicy.Stops(refusal)) return result with { Refusal = refusal };
        }
        return result;
    }

    /// <summary>Decides with the aggregate kind's types.</summary>
    private sealed class Decide(DryRun run, string kind, string key, Command command, CommandContext context) : AggregateKind.IVisitor<Task<Result>>
    {
        public Task<Result> Visit<TState, TCommand, TDecider>()
            where TCommand : Command
            where TDecider : IDecider<TState, TCommand> =>
            run.DecideAsync<TState, TCommand, TDecider>(kind, key, command, context);
    }

    private async Task<Result> DecideAsync<TState, TCommand, TDecider>(string kind, string key, Command command, CommandContext context)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var streamId = TDecider.StreamId(key);
        if (!RolePolicy.MayWrite(context.Actor, command.GetType()))
            return new Result(streamId, 0, Refusal.Of(Refusals.ScopeRoleMayNotSend, ("role", context.Actor.Role), ("command", command.GetType().Name)));

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
