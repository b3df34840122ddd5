using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>An aggregate's pure functions, which <see cref="AggregateGrain{TState, TCommand, TDecider}"/> hosts.</summary>
public interface IDecider<TState, in TCommand> where TCommand : Command
{
    static abstract string StreamId(string key);
    static abstract History<TState> Initial(string key);
    static abstract Decision Decide(History<TState> history, TCommand command, CommandContext context);
    static abstract History<TState> Evolve(History<TState> history, Fact fact, IDomainEvent e);

    /// <summary>Whether the aggregate is registered (an unregistered one answers 404 to a read).</summary>
    static abstract bool Exists(TState state);
}
