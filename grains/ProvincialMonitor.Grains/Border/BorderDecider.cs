using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Border;

/// <summary>
/// A province's border work: consultations (grensoverschrijdend streekoverleg) and the GROS list of border obstacles, each
/// obstacle recorded once, its status changed while open, solved once; after that it does not change.
/// </summary>
public sealed class BorderDecider : IDecider<BorderState, BorderCommand>
{
    public static string StreamId(string key) => StreamIds.Border(key);

    /// <summary>Every Flemish province has a border list, empty until its first event.</summary>
    public static bool Exists(BorderState state) => ProvinceSlugs.IsKnown(state.Province);

    // No registration event: every event may be corrected or retracted while the invariants hold.
    public static readonly CorrectionRules.Rules<BorderState> Rules = new(
        Apply, BorderState.Empty(""), Invariants, RegistrationEventType: "", FixedFields: new HashSet<string> { "obstacleRef", "consultationRef" },
        CheckEvent);

    /// <summary>A corrected event checked as strictly as the command that recorded it.</summary>
    public static Refusal? CheckEvent(IDomainEvent e)
    {
        Command? equivalent = e switch
        {
            BorderConsultationHeld c => new HoldBorderConsultation(c.ConsultationRef, c.Subject, c.Partners),
            BorderObstacleRecorded r => new RecordBorderObstacle(r.ObstacleRef, r.Title, r.Description, r.Theme),
            BorderObstacleStatusChanged s => new ChangeBorderObstacleStatus(s.ObstacleRef, s.Status, s.Note),
            BorderObstacleSolved s => new SolveBorderObstacle(s.ObstacleRef, s.Solution),
            _ => null,
        };
        return equivalent?.Validate() is { Count: > 0 } errors ? Refusal.Fields(errors) : null;
    }

    public static History<BorderState> Initial(string key) => new(BorderState.Empty(key), [], 0);

    public static Decision Decide(History<BorderState> history, BorderCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        if (!ProvinceSlugs.IsKnown(state.Province)) return Refusal.Of(Refusals.ProvinceNotFlemish, ("slug", state.Province));
        if (!context.Actor.ActsForProvince(state.Province)) return Refusal.Of(Refusals.ScopeNotActingFor, ("province", state.Province));
        var scope = new EventScope([state.Province], PolicyDomains.CrossBorder, []);
        Decision Accept(IDomainEvent e) => Invariants(Apply(state, e)) is { } broken ? broken : Decision.Accept(new NewEvent(e, effective, scope));

        switch (command)
        {
            case HoldBorderConsultation held:
                if (state.Consultations.Exists(c => c.ConsultationRef == held.ConsultationRef))
                    return Refusal.Of(Refusals.BorderConsultationTwice, ("consultationRef", held.ConsultationRef));
                return Accept(new BorderConsultationHeld(held.ConsultationRef!.Trim(), held.Subject!.Trim(),
                    [.. held.Partners!.Select(p => p.Trim()).Distinct()]));

            case RecordBorderObstacle recorded:
                if (state.Find(recorded.ObstacleRef!) is { Listed: true })
                    return Refusal.Of(Refusals.BorderObstacleListed, ("obstacleRef", recorded.ObstacleRef));
                return Accept(new BorderObstacleRecorded(recorded.ObstacleRef!, recorded.Title!.Trim(), recorded.Description?.Trim(), recorded.Theme));

            case ChangeBorderObstacleStatus change:
                if (Open(state, change.ObstacleRef!) is { } notOpen) return notOpen;
                if (state.Find(change.ObstacleRef!)!.Status == change.Status)
                    return Refusal.Of(Refusals.BorderObstacleSameStatus, ("obstacleRef", change.ObstacleRef), ("status", change.Status));
                return Accept(new BorderObstacleStatusChanged(change.ObstacleRef!, change.Status!, change.Note?.Trim()));

            case SolveBorderObstacle solve:
                return Open(state, solve.ObstacleRef!) ?? Accept(new BorderObstacleSolved(solve.ObstacleRef!, solve.Solution!.Trim()));

            case CorrectBorder correct:
                return CorrectionRules.Correct(history, correct, Rules, effective, scope, (id, changes, reason) => new BorderCorrected(id, changes, reason));

            case RetractBorderEvent retract:
                return CorrectionRules.Retract(history, retract, Rules, effective, scope, (id, reason) => new BorderRetracted(id, reason));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForBorder, ("command", command.GetType().Name));
        }
    }

    /// <summary>An obstacle that is on the list and not solved, else the refusal.</summary>
    private static Refusal? Open(BorderState state, string obstacleRef) => state.Find(obstacleRef) switch
    {
        null or { Listed: false } => Refusal.Of(Refusals.BorderObstacleNotListed, ("obstacleRef", obstacleRef), ("province", state.Province)),
        { Solved: true } => Refusal.Of(Refusals.BorderObstacleAlreadySolved, ("obstacleRef", obstacleRef)),
        _ => null,
    };

    public static BorderState Apply(BorderState state, IDomainEvent e) => e switch
    {
        BorderConsultationHeld c => state with { Consultations = state.Consultations.Add(new Consultation(c.ConsultationRef, c.Subject, c.Partners)) },
        BorderObstacleRecorded r => state.With((state.Find(r.ObstacleRef) ?? Unlisted(r.ObstacleRef)) with
        {
            Listed = true, Title = r.Title, Theme = r.Theme,
        }),
        BorderObstacleStatusChanged s => state.With(Touch(state, s.ObstacleRef) with { Status = s.Status }),
        BorderObstacleSolved s => state.With(Touch(state, s.ObstacleRef) with { Status = BorderObstacleStatuses.Solved, Solution = s.Solution }),
        _ => state,
    };

    private static Obstacle Unlisted(string obstacleRef) => new(obstacleRef, false, "", null, BorderObstacleStatuses.Recorded, null, false);

    // What comes after a solution is remembered, so that a retraction or correction that would reorder it is refused.
    private static Obstacle Touch(BorderState state, string obstacleRef) => state.Find(obstacleRef) is { } o
        ? o with { ChangedAfterSolved = o.ChangedAfterSolved || o.Solved }
        : Unlisted(obstacleRef);

    public static History<BorderState> Evolve(History<BorderState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, BorderState.Empty(history.State.Province));

    /// <summary>What must hold after every event, checked again after a correction or retraction.</summary>
    public static Refusal? Invariants(BorderState state)
    {
        foreach (var o in state.Obstacles)
        {
            if (!o.Listed) return Refusal.Of(Refusals.BorderObstacleUnrecorded, ("obstacleRef", o.ObstacleRef));
            if (o.ChangedAfterSolved) return Refusal.Of(Refusals.BorderSolvedChanged, ("obstacleRef", o.ObstacleRef));
            if (!BorderObstacleStatuses.All.Contains(o.Status)) return Refusal.Of(Refusals.BorderBadValue, ("field", "status"), ("value", o.Status));
            if (o.Theme is not null && !BorderObstacleThemes.All.Contains(o.Theme)) return Refusal.Of(Refusals.BorderBadValue, ("field", "theme"), ("value", o.Theme));
            if (string.IsNullOrWhiteSpace(o.Title)) return Refusal.Of(Refusals.BorderBadValue, ("field", "title"), ("value", o.Title));
        }
        foreach (var c in state.Consultations)
            if (c.Partners.Length == 0 || string.IsNullOrWhiteSpace(c.Subject))
                return Refusal.Of(Refusals.BorderBadValue, ("field", "consultation"), ("value", c.ConsultationRef));
        return null;
    }
}
