using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.Grains.Provinces;

/// <summary>The province's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class ProvinceDecider : IDecider<ProvinceState, ProvinceCommand>
{
    public static string StreamId(string key) => StreamIds.Province(key);

    public static bool Exists(ProvinceState state) => state.Registered;

    public static readonly CorrectionRules.Rules<ProvinceState> Rules = new(
        Apply, ProvinceState.Unregistered(""), Invariants, EventTypes.NameOf(typeof(ProvinceRegistered)),
        new HashSet<string> { "slug" });

    public static History<ProvinceState> Initial(string key) => new(ProvinceState.Unregistered(key), [], 0);

    private static readonly Refusal OnlyAdminRegisters = Refusal.Of(Refusals.ScopeAdminRegistersProvince);

    public static Decision Decide(History<ProvinceState> history, ProvinceCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        var slug = state.Slug;
        var actor = context.Actor;
        Decision Accept(IDomainEvent e, string? domain) => Decision.Accept(new NewEvent(e, effective, new EventScope([slug], domain, [])));

        if (command is RegisterProvince register)
        {
            if (!actor.IsAdmin) return OnlyAdminRegisters;
            if (ReferenceData.FindProvince(slug) is not { } facts) return Refusal.Of(Refusals.ProvinceNotFlemish, ("slug", slug));
            if (state.Registered) return Refusal.Of(Refusals.ProvinceAlreadyRegistered, ("slug", slug));
            if (register.NisCode != facts.NisCode)
                return Refusal.Of(Refusals.ProvinceWrongNisCode, ("name", facts.NameNl), ("nisCode", facts.NisCode), ("given", register.NisCode));
            return Accept(new ProvinceRegistered(slug, register.Name!.Trim(), facts.NisCode, register.Pom!.Trim()), null);
        }

        if (!state.Registered) return Refusal.Of(Refusals.ProvinceNotRegistered, ("slug", slug));
        if (!actor.ActsForProvince(slug)) return Refusal.Of(Refusals.ScopeNotYourProvince, ("province", slug));

        switch (command)
        {
            case RecordPopulation population:
                if (state.Populations.Exists(p => p.ReferenceYear == population.ReferenceYear))
                    return Refusal.Of(Refusals.ProvincePopulationRecorded, ("referenceYear", population.ReferenceYear));
                return Accept(new PopulationRecorded(population.ReferenceYear!.Value, population.Inhabitants!.Value, population.Municipalities!.Value), null);

            case TakeDecision decision:
                if (state.Decisions.Exists(d => d.Reference == decision.Reference))
                    return Refusal.Of(Refusals.ProvinceDecisionTaken, ("reference", decision.Reference));
                return Accept(new DecisionTaken(decision.Reference!, decision.DecidingBody!, decision.Title!.Trim(), decision.Domain!,
                    decision.Summary!.Trim(), decision.LegalBasis?.Trim(), decision.VotesFor, decision.VotesAgainst, decision.VotesAbstaining,
                    decision.Amount), decision.Domain);

            // One credit per domain and year, adopted with the multi-year plan; a later change is the council's adjustment.
            case AllocateBudget budget:
                if (state.IsAllocated(budget.Domain!, budget.Year!.Value))
                    return Refusal.Of(Refusals.ProvinceCreditAllocated, ("domain", budget.Domain), ("year", budget.Year),
                        ("amount", state.CreditOf(budget.Domain!, budget.Year.Value)), ("route", CreditRoute(slug, typeof(AdjustCredit))));
                return Accept(new BudgetAllocated(budget.Domain!, budget.Year.Value, budget.Amount!.Value), budget.Domain);

            case AdjustCredit adjust:
                if (!state.IsAllocated(adjust.Domain!, adjust.Year!.Value))
                    return Refusal.Of(Refusals.ProvinceCreditNotAllocated, ("domain", adjust.Domain), ("year", adjust.Year),
                        ("route", CreditRoute(slug, typeof(AllocateBudget))));
                return Accept(new CreditAdjusted(adjust.Domain!, adjust.Year.Value, adjust.Amount!.Value,
                    adjust.Amount.Value - state.CreditOf(adjust.Domain!, adjust.Year.Value)), adjust.Domain);

            case SetTarget target:
                if (state.Indicators.RefuseTarget(target.IndicatorCode!, target.Year!.Value) is { } targetRefused) return targetRefused;
                return Accept(new TargetSet(target.IndicatorCode!, target.TargetValue!.Value, target.Year.Value), Indicators.DomainOf(target.IndicatorCode));

            case MeasureIndicator measure:
                if (state.Indicators.RefuseMeasurement(measure.IndicatorCode!, measure.Unit!, measure.Period!, measure.Source!.Trim()) is { } measureRefused)
                    return measureRefused;
                return Accept(new IndicatorMeasured(measure.IndicatorCode!, measure.Value!.Value, measure.Unit!, measure.Period!, measure.Source.Trim()),
                    Indicators.DomainOf(measure.IndicatorCode));

            case GiveRetailPermitAdvice advice:
                if (RefuseMunicipality(slug, advice.Municipality!) is { } adviceElsewhere) return adviceElsewhere;
                if (RetailDecisions.RefuseOnDay(advice.ApplicationKind, advice.Categories, effective) is { } adviceOffList) return adviceOffList;
                if (state.PermitAdvice.Exists(a => a.PermitRef == advice.PermitRef))
                    return Refusal.Of(Refusals.ProvincePermitAdvised, ("permitRef", advice.PermitRef));
                var adviceCategories = RetailDecisions.Clean(advice.Categories);
                return Accept(new RetailPermitAdviceGiven(advice.Municipality!, advice.PermitRef!, advice.NetRetailAreaM2!.Value,
                    string.IsNullOrWhiteSpace(advice.GoodsCategory) ? RetailDecisions.MainCategory(adviceCategories!) : advice.GoodsCategory.Trim(), advice.Advice!,
                    advice.ApplicationKind, adviceCategories), PolicyDomains.LocalEconomyRetail);

            case FileRetailAppeal appeal:
                if (RefuseMunicipality(slug, appeal.Municipality!) is { } appealElsewhere) return appealElsewhere;
                if (RetailDecisions.RefuseOnDay(appeal.ApplicationKind, appeal.Categories, effective) is { } appealOffList) return appealOffList;
                if (RetailDecisions.RefuseAppeal(state, appeal.Municipality!, appeal.PermitRef, appeal.NetRetailAreaM2) is { } toFlanders) return toFlanders;
                if (state.IsFiled(appeal.AppealRef!)) return Refusal.Of(Refusals.ProvinceAppealFiled, ("appealRef", appeal.AppealRef));
                return Accept(new RetailAppealFiled(appeal.AppealRef!, appeal.Municipality!, appeal.PermitRef, appeal.Appellant?.Trim(),
                    appeal.ApplicationKind, appeal.NetRetailAreaM2, RetailDecisions.Clean(appeal.Categories)), PolicyDomains.LocalEconomyRetail);

            case DecideRetailPermit permit:
                if (RefuseMunicipality(slug, permit.Municipality!) is { } permitElsewhere) return permitElsewhere;
                if (RetailDecisions.RefuseOnDay(permit.ApplicationKind, permit.Categories, effective) is { } permitOffList) return permitOffList;
                if (RetailDecisions.RefuseFirstInstance(permit.PermitRef!, permit.Municipality!, permit.NetRetailAreaM2!.Value) is { } notOurs) return notOurs;
                if (state.PermitDecisionsMade().Exists(d => d.PermitRef == permit.PermitRef))
                    return Refusal.Of(Refusals.RetailPermitDecided, ("permitRef", permit.PermitRef));
                return Accept(new RetailPermitDecided(permit.Municipality!, permit.PermitRef!, permit.ApplicationKind!, permit.NetRetailAreaM2.Value,
                    RetailDecisions.Clean(permit.Categories)!, permit.Decision!), PolicyDomains.LocalEconomyRetail);

            case DecideRetailAppeal decide:
                if (!state.IsFiled(decide.AppealRef!)) return Refusal.Of(Refusals.ProvinceAppealNotFiled, ("appealRef", decide.AppealRef));
                if (state.IsDecided(decide.AppealRef!)) return Refusal.Of(Refusals.ProvinceAppealDecided, ("appealRef", decide.AppealRef));
                return Accept(new RetailAppealDecided(decide.AppealRef!, decide.Outcome!), PolicyDomains.LocalEconomyRetail);

            // The registration is an administrator's, so are its corrections; every other event is the province's officers'.
            case CorrectProvince correct:
                if (!actor.IsAdmin && history.FindFact(correct.EventId!.Value)?.EventType == Rules.RegistrationEventType) return OnlyAdminRegisters;
                return CorrectionRules.Correct(history, correct, Rules, effective, ScopeOfNamed(history, correct.EventId!.Value),
                    (id, changes, reason) => new ProvinceCorrected(id, changes, reason));

            case RetractProvinceEvent retract:
                return CorrectionRules.Retract(history, retract, Rules, effective, ScopeOfNamed(history, retract.EventId!.Value),
                    (id, reason) => new ProvinceRetracted(id, reason));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForProvince, ("command", command.GetType().Name));
        }
    }

    private static string CreditRoute(string slug, Type command) =>
        CommandCatalog.Of(command)!.Route!.Replace("{slug}", slug, StringComparison.Ordinal);

    /// <summary>The domain an event is filed under: its own, retail for retail events, labour market for the rates, else none.</summary>
    public static string? DomainOf(IDomainEvent e) => e switch
    {
        DecisionTaken d => d.Domain,
        BudgetAllocated b => b.Domain,
        CreditAdjusted c => c.Domain,
        RetailPermitAdviceGiven or RetailAppealFiled or RetailAppealDecided or RetailPermitDecided => PolicyDomains.LocalEconomyRetail,
        _ => IndicatorBook.DomainOf(e),
    };

    public static ProvinceState Apply(ProvinceState state, IDomainEvent e) => e switch
    {
        ProvinceRegistered r => state with { Registered = true, Slug = r.Slug, Name = r.Name, NisCode = r.NisCode, Pom = r.Pom },
        PopulationRecorded p => state with { Populations = state.Populations.Add(new Population(p.ReferenceYear, p.Inhabitants, p.Municipalities)) },
        DecisionTaken d => state with
        {
            Decisions = state.Decisions.Add(new ProvinceDecision(d.Reference, d.DecidingBody, d.Title, d.Domain, d.Summary,
                d.VotesFor, d.VotesAgainst, d.VotesAbstaining, d.Amount)),
        },
        BudgetAllocated b => state with { Budget = state.Budget.Add(new BudgetLine(b.Domain, b.Year, b.Amount)) },
        CreditAdjusted c => state with { Adjustments = state.CreditAdjustments().Add(new CreditAdjustment(c.Domain, c.Year, c.Amount, c.Change)) },
        TargetSet or IndicatorMeasured => state with { Indicators = state.Indicators.Apply(e) },
        RetailPermitAdviceGiven a => state with
        {
            PermitAdvice = state.PermitAdvice.Add(new PermitAdvice(a.Municipality, a.PermitRef, a.NetRetailAreaM2, a.GoodsCategory, a.Advice, a.Categories)),
        },
        RetailAppealFiled f => state with { Appeals = state.Appeals.Add(new RetailAppeal(f.AppealRef, f.Municipality, f.PermitRef, f.Appellant, f.NetRetailAreaM2)) },
        RetailAppealDecided d => state with { AppealDecisions = state.AppealDecisions.Add(new AppealDecision(d.AppealRef, d.Outcome)) },
        RetailPermitDecided p => state with
        {
            PermitDecisions = state.PermitDecisionsMade().Add(new RetailPermitDecision(p.Municipality, p.PermitRef, p.ApplicationKind, p.NetRetailAreaM2, p.Decision, p.Categories)),
        },
        _ => state,
    };

    public static History<ProvinceState> Evolve(History<ProvinceState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, ProvinceState.Unregistered(history.State.Slug));

    public static Refusal? Invariants(ProvinceState state) => ProvinceInvariants.Check(state);

    /// <summary>Refuses a municipality that is unknown (Invalid) or lies in another province (Conflict).</summary>
    internal static Refusal? RefuseMunicipality(string slug, string nisCode) => ReferenceData.FindMunicipality(nisCode) switch
    {
        null => Refusal.Invalid("municipality", Refusals.FieldNotAMunicipalityNis, ("version", ReferenceData.MunicipalityBoundaryVersion)),
        { ProvinceSlug: var other } m when other != slug => Refusal.Of(Refusals.ProvinceMunicipalityElsewhere, ("name", m.NameNl), ("nisCode", nisCode), ("other", other), ("slug", slug)),
        _ => null,
    };

    // A correction or retraction is filed under the domain of the event it names, so that the views that counted it see it.
    private static EventScope ScopeOfNamed(History<ProvinceState> history, Guid eventId)
    {
        string? domain = null;
        if (history.FindFact(eventId) is { } fact)
        {
            try { domain = EventJson.Deserialize(fact.EventType, fact.Data) is { } e ? DomainOf(e) : null; }
            catch (JsonException) { domain = null; }
        }
        return new EventScope([history.State.Slug], domain, []);
    }
}
