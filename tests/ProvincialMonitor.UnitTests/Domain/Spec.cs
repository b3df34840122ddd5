using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.UnitTests.Domain;

/// <summary>
/// Given events, when a command, then events or a refusal: the aggregate's pure functions, no host.
/// Events are compared as their stored JSON, so that arrays inside records compare by content.
/// </summary>
public sealed class Spec<TState, TCommand>(
    History<TState> initial,
    Func<History<TState>, Fact, IDomainEvent, History<TState>> evolve,
    Func<History<TState>, TCommand, CommandContext, Decision> decide)
    where TCommand : Command
{
    private readonly List<Guid> _eventIds = [];

    public History<TState> History { get; private set; } = initial;

    /// <summary>The ids of the given events, in order, for corrections and retractions to name.</summary>
    public IReadOnlyList<Guid> EventIds => _eventIds;

    public Spec<TState, TCommand> Given(params IDomainEvent[] events)
    {
        foreach (var e in events)
        {
            var id = Guid.CreateVersion7();
            _eventIds.Add(id);
            History = evolve(History, Facts.Of(id, e, Specs.Today), e);
        }
        return this;
    }

    /// <summary>An event given as its stored row has it: an older version's name and data, as an older silo wrote them.</summary>
    public Spec<TState, TCommand> GivenStored(string eventType, string data)
    {
        var id = Guid.CreateVersion7();
        _eventIds.Add(id);
        History = evolve(History, new Fact(id, eventType, data, Specs.Today), EventJson.Deserialize(eventType, data)!);
        return this;
    }

    public Decision When(TCommand command, Actor? actor = null, DateTimeOffset? now = null) =>
        decide(History, command, new CommandContext(actor ?? Actors.Admin, Sources.Api, now ?? Specs.Now, Guid.NewGuid()));

    /// <summary>Asserts that the command validates, is accepted and decides exactly these events; returns them.</summary>
    public IReadOnlyList<NewEvent> Then(TCommand command, IDomainEvent[] expected, Actor? actor = null)
    {
        Assert.Empty(command.Validate());
        var decision = When(command, actor);
        Assert.Null(decision.Refusal);
        Assert.Equal(expected.Select(EventJson.Serialize), decision.Events.Select(e => EventJson.Serialize(e.Event)));
        // Evolve never throws on what Decide accepted.
        foreach (var e in decision.Events)
            History = evolve(History, Facts.Of(Guid.CreateVersion7(), e.Event, e.EffectiveDate), e.Event);
        return decision.Events;
    }

    /// <summary>Asserts that a valid command is refused with this kind; returns the refusal.</summary>
    public Refusal ThenRefused(TCommand command, RefusalKind kind, Actor? actor = null)
    {
        Assert.Empty(command.Validate());
        var decision = When(command, actor);
        Assert.NotNull(decision.Refusal);
        Assert.Empty(decision.Events);
        Assert.Equal(kind, decision.Refusal.Kind);
        return decision.Refusal;
    }
}

public static class Specs
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>Asserts that the command fails stateless validation on this field.</summary>
    public static void ThenInvalid(Command command, string field) =>
        Assert.Contains(command.Validate(), e => e.Field == field);
}

public static class Actors
{
    public static readonly Actor Admin = new("u-admin", Roles.Admin, [], []);
    public static Actor Officer(params string[] provinces) => new($"u-officer-{string.Join("-", provinces)}", Roles.Officer, provinces, []);
    public static Actor Coordinator(params string[] campaigns) => new("u-coordinator", Roles.Coordinator, [], campaigns);
    public static readonly Actor Deputy = new("u-deputy", Roles.Deputy, [], []);
}
