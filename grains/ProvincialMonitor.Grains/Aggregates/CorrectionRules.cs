using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// The rules every aggregate applies to corrections and retractions: they name an event of the same
/// stream that is not retracted and is not itself a correction or retraction; a correction changes
/// existing fields to valid values; and the state after it still satisfies the aggregate's invariants.
/// </summary>
public static class CorrectionRules
{
    /// <summary>What an aggregate supplies: how it applies events, its empty state and its invariants.</summary>
    public sealed record Rules<TState>(
        Func<TState, IDomainEvent, TState> Apply,
        TState Initial,
        Func<TState, Refusal?> Invariants,
        string RegistrationEventType,
        IReadOnlySet<string> FixedFields,
        Func<IDomainEvent, Refusal?>? CheckEvent = null);

    public static Decision Correct<TState>(
        History<TState> history, ICorrectionCommand command, Rules<TState> rules, DateOnly effectiveDate, EventScope scope,
        Func<Guid, FieldCorrection[], string, IDomainEvent> correction)
    {
        if (FindCorrectable(history, command.EventId!.Value) is { Refusal: { } refused }) return refused;
        var fact = history.FindFact(command.EventId.Value)!;
        var data = JsonNode.Parse(fact.Data)!.AsObject();
        var changes = new List<FieldCorrection>();
        for (var i = 0; i < command.Changes!.Length; i++)
        {
            var change = command.Changes[i];
            var field = change.Field!;
            if (!data.ContainsKey(field))
                return Refusal.Invalid($"changes[{i}].field", Refusals.FieldNotAFieldOf, ("eventType", fact.EventType));
            if (rules.FixedFields.Contains(field))
                return Refusal.Invalid($"changes[{i}].field", Refusals.FieldNotCorrectable);
            var oldValue = CanonicalJson.Canonicalize(data[field]?.ToJsonString() ?? "null");
            var newValue = CanonicalJson.Canonicalize(change.NewValueJson!);
            if (CanonicalJson.Canonicalize(oldValue) == newValue)
                return Refusal.Invalid($"changes[{i}].newValue", Refusals.FieldSameValue);
            changes.Add(new FieldCorrection(field, oldValue, newValue));
        }

        var patched = Evolution.Patch(fact.Data, changes);
        IDomainEvent corrected;
        try
        {
            corrected = EventJson.Deserialize(fact.EventType, patched) ?? throw new JsonException();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return Refusal.Invalid("changes", Refusals.FieldInvalidCorrection, ("eventType", fact.EventType), ("message", ex.Message));
        }
        // The corrected event must pass the rules its command had to pass.
        if (rules.CheckEvent?.Invoke(corrected) is { } invalid) return invalid;

        return AcceptIfInvariantsHold(history, rules, new NewEvent(correction(fact.EventId, [.. changes], command.Reason!), effectiveDate, scope));
    }

    /// <summary>
    /// A correction filed under the scope of the corrected event both before and after the change, so that
    /// every view the event belonged to sees it. Also gives the corrected event, for further checks.
    /// </summary>
    public static (Decision Decision, IDomainEvent? Corrected) CorrectInBothScopes<TState>(
        History<TState> history, ICorrectionCommand command, Rules<TState> rules, DateOnly effectiveDate,
        Func<IDomainEvent?, EventScope> scopeOf, Func<Guid, FieldCorrection[], string, ICorrection> correction)
    {
        var fact = history.FindFact(command.EventId!.Value);
        var scope = scopeOf(Read(fact));
        var decision = Correct(history, command, rules, effectiveDate, scope, correction);
        if (decision.Refusal is not null || fact is null) return (decision, null);

        var accepted = decision.Events.Single();
        var corrected = Read(fact with { Data = Evolution.Patch(fact.Data, ((ICorrection)accepted.Event).Changes) });
        var provinces = scope.Provinces.Union(scopeOf(corrected).Provinces).ToArray();
        return (Decision.Accept(accepted with { Scope = scope with { Provinces = provinces } }), corrected);
    }

    /// <summary>The event a fact holds, or null when it does not decode.</summary>
    public static IDomainEvent? Read(Fact? fact)
    {
        if (fact is null) return null;
        try { return EventJson.Deserialize(fact.EventType, fact.Data); }
        catch (JsonException) { return null; }
    }

    public static Decision Retract<TState>(
        History<TState> history, IRetractionCommand command, Rules<TState> rules, DateOnly effectiveDate, EventScope scope,
        Func<Guid, string, IDomainEvent> retraction)
    {
        if (FindCorrectable(history, command.EventId!.Value) is { Refusal: { } refused }) return refused;
        var fact = history.FindFact(command.EventId.Value)!;
        if (fact.EventType == rules.RegistrationEventType)
            return Refusal.Of(Refusals.CorrectionRegistrationRetracted);
        return AcceptIfInvariantsHold(history, rules, new NewEvent(retraction(fact.EventId, command.Reason!), effectiveDate, scope));
    }

    private static Decision FindCorrectable<TState>(History<TState> history, Guid eventId)
    {
        var fact = history.FindFact(eventId);
        if (fact is null) return Refusal.Of(Refusals.EventNotInStream, ("eventId", eventId));
        if (fact.Retracted) return Refusal.Of(Refusals.EventRetracted, ("eventId", eventId));
        var type = EventTypes.TypeOf(fact.EventType);
        if (type is not null && (typeof(ICorrection).IsAssignableFrom(type) || typeof(IRetraction).IsAssignableFrom(type)))
            return Refusal.Of(Refusals.EventIsCorrection, ("eventId", eventId));
        return Decision.Accept();
    }

    private static Decision AcceptIfInvariantsHold<TState>(History<TState> history, Rules<TState> rules, NewEvent newEvent)
    {
        var probe = Facts.Of(Guid.Empty, newEvent.Event, newEvent.EffectiveDate);
        var after = Evolution.Evolve(history, probe, newEvent.Event, rules.Apply, rules.Initial);
        return rules.Invariants(after.State) is { } broken ? broken : Decision.Accept(newEvent);
    }
}
