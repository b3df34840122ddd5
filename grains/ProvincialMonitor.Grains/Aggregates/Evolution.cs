using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// Evolve for every aggregate: an ordinary event is applied to the state; a correction patches the
/// remembered fact and a retraction withdraws it, and the state is folded again from the facts.
/// Never throws: every rule was checked in Decide.
/// </summary>
public static class Evolution
{
    public static History<TState> Evolve<TState>(
        History<TState> history, Fact fact, IDomainEvent e, Func<TState, IDomainEvent, TState> apply, TState initial)
    {
        var facts = history.Facts.Add(fact);
        var version = history.Version + 1;
        switch (e)
        {
            case ICorrection correction:
                facts = Replace(facts, correction.CorrectedEventId, f => f with { Data = Patch(f.Data, correction.Changes) });
                return new History<TState>(Fold(facts, apply, initial), facts, version);
            case IRetraction retraction:
                facts = Replace(facts, retraction.RetractedEventId, f => f with { Retracted = true });
                return new History<TState>(Fold(facts, apply, initial), facts, version);
            default:
                return new History<TState>(apply(history.State, e), facts, version);
        }
    }

    /// <summary>The fact's data with the corrected fields set to their new values (JSON text).</summary>
    public static string Patch(string data, IEnumerable<FieldCorrection> changes)
    {
        try
        {
            var node = JsonNode.Parse(data)!.AsObject();
            foreach (var change in changes) node[change.Field] = JsonNode.Parse(change.NewValue);
            return node.ToJsonString();
        }
        catch (JsonException)
        {
            return data;
        }
    }

    private static TState Fold<TState>(IEnumerable<Fact> facts, Func<TState, IDomainEvent, TState> apply, TState initial)
    {
        var state = initial;
        foreach (var fact in facts.Where(f => !f.Retracted))
        {
            IDomainEvent? e;
            try { e = EventJson.Deserialize(fact.EventType, fact.Data); }
            catch (JsonException) { continue; }
            if (e is null or ICorrection or IRetraction) continue;
            state = apply(state, e);
        }
        return state;
    }

    private static System.Collections.Immutable.ImmutableList<Fact> Replace(
        System.Collections.Immutable.ImmutableList<Fact> facts, Guid eventId, Func<Fact, Fact> change)
    {
        var index = facts.FindIndex(f => f.EventId == eventId);
        return index < 0 ? facts : facts.SetItem(index, change(facts[index]));
    }
}
