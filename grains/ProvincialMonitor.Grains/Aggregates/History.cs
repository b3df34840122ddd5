using System.Collections.Immutable;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>One recorded event as an aggregate remembers it, so that a later correction or retraction can name it.</summary>
[GenerateSerializer, Immutable]
public sealed record Fact(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string EventType,
    [property: Id(2)] string Data,
    [property: Id(3)] DateOnly EffectiveDate,
    [property: Id(4)] bool Retracted = false);

/// <summary>An aggregate's state after its stream's events: the domain state, the facts it folded and the stream version.</summary>
[GenerateSerializer, Immutable]
public sealed record History<TState>(
    [property: Id(0)] TState State,
    [property: Id(1)] ImmutableList<Fact> Facts,
    [property: Id(2)] long Version)
{
    public Fact? FindFact(Guid eventId) => Facts.Find(f => f.EventId == eventId);
}

/// <summary>The tags an event is filed under (docs/architecture.md "The event store"); Decide sets them from the state.</summary>
public sealed record EventScope(string[] Provinces, string? Domain, string[] Clusters, string? Campaign = null);

/// <summary>An event that Decide wants appended, with its business date and tags.</summary>
public sealed record NewEvent(IDomainEvent Event, DateOnly EffectiveDate, EventScope Scope);

/// <summary>What Decide answers: the events to append, or why not.</summary>
public sealed record Decision(IReadOnlyList<NewEvent> Events, Contracts.Commands.Refusal? Refusal)
{
    public static Decision Accept(params NewEvent[] events) => new(events, null);

    public static implicit operator Decision(Contracts.Commands.Refusal refusal) => new([], refusal);
}
