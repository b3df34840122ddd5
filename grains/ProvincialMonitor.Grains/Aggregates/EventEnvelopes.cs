using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// The event as the store receives it: the domain event as data, and as metadata who acted (from the
/// authenticated principal only), for which body and decision, from which source, under which ids.
/// </summary>
public static class EventEnvelopes
{
    public static EventToAppend ToAppend(NewEvent e, Command command, CommandContext context) =>
        ToAppend(e, command.Body, command.DecisionRef, context);

    public static EventToAppend ToAppend(NewEvent e, string? body, string? decisionRef, CommandContext context)
    {
        var actor = context.Actor;
        var metadata = new EventMetadata(
            actor.Id, actor.Role, new ActorScope(actor.Provinces, actor.Campaigns), body, decisionRef,
            context.Source, context.CorrelationId, context.CausationId, context.IdempotencyKey);
        return new EventToAppend(
            EventTypes.NameOf(e.Event),
            EventJson.Serialize(e.Event),
            JsonSerializer.Serialize(metadata, EventJson.Options),
            e.EffectiveDate,
            new EventTags(actor.Id, context.Source, e.Scope.Provinces, e.Scope.Domain, e.Scope.Clusters, e.Scope.Campaign));
    }
}

public sealed record ActorScope(string[] Provinces, string[] Campaigns);

/// <summary>The metadata of every event (docs/http-api.md "Event metadata").</summary>
public sealed record EventMetadata(
    string Actor,
    string Role,
    ActorScope Scope,
    string? Body,
    string? DecisionRef,
    string Source,
    Guid CorrelationId,
    Guid? CausationId,
    string? IdempotencyKey);
