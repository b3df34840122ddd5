using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.Grains.Region;

/// <summary>The region's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class RegionDecider : IDecider<RegionState, RegionCommand>
{
    /// <summary>The one region, and the grain's only key.</summary>
    public const string Key = StreamIds.FlandersKey;

    public static string StreamId(string key) => StreamIds.Region(key);

    /// <summary>The region always exists: it has no registration.</summary>
    public static bool Exists(RegionState state) => true;

    // The region has no registration event, so every event of its stream may be retracted.
    public static readonly CorrectionRules.Rules<RegionState> Rules = new(
        Apply, RegionState.Empty, Invariants, RegistrationEventType: "", FixedFields: new HashSet<string>());

    public static History<RegionState> Initial(string key) => new(RegionState.Empty, [], 0);

    public static Decision Decide(History<RegionState> history, RegionCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        if (!context.Actor.IsAdmin) return Refusal.Of(Refusals.ScopeAdminRecordsFlanders);
        var indicators = history.State.Indicators;
        Decision Accept(IDomainEvent e) => Decision.Accept(new NewEvent(e, effective, new EventScope([], IndicatorBook.DomainOf(e), [])));

        switch (command)
        {
            case SetRegionTarget target:
                if (indicators.RefuseTarget(target.IndicatorCode!, target.Year!.Value) is { } targetRefused) return targetRefused;
                return Accept(new TargetSet(target.IndicatorCode!, target.TargetValue!.Value, target.Year.Value));

            case MeasureRegionIndicator measure:
                if (indicators.RefuseMeasurement(measure.IndicatorCode!, measure.Unit!, measure.Period!, measure.Source!.Trim()) is { } measureRefused)
                    return measureRefused;
                return Accept(new IndicatorMeasured(measure.IndicatorCode!, measure.Value!.Value, measure.Unit!, measure.Period!, measure.Source.Trim()));

            case CorrectRegion correct:
                return CorrectionRules.Correct(history, correct, Rules, effective, ScopeOfNamed(history, correct.EventId!.Value),
                    (id, changes, reason) => new RegionCorrected(id, changes, reason));

            case RetractRegionEvent retract:
                return CorrectionRules.Retract(history, retract, Rules, effective, ScopeOfNamed(history, retract.EventId!.Value),
                    (id, reason) => new RegionRetracted(id, reason));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForRegion, ("command", command.GetType().Name));
        }
    }

    public static RegionState Apply(RegionState state, IDomainEvent e) => state with { Indicators = state.Indicators.Apply(e) };

    public static History<RegionState> Evolve(History<RegionState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, RegionState.Empty);

    public static Refusal? Invariants(RegionState state) => state.Indicators.Invariants();

    // A correction or retraction is filed under the domain of the event it names, so that the views that counted it see it.
    private static EventScope ScopeOfNamed(History<RegionState> history, Guid eventId)
    {
        string? domain = null;
        if (history.FindFact(eventId) is { } fact)
        {
            try { domain = EventJson.Deserialize(fact.EventType, fact.Data) is { } e ? IndicatorBook.DomainOf(e) : null; }
            catch (JsonException) { domain = null; }
        }
        return new EventScope([], domain, []);
    }
}
