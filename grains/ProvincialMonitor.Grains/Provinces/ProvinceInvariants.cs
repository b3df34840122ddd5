using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Provinces;

/// <summary>
/// What must hold after every event of a province. Decide keeps it for new events; it is checked again
/// after a correction or retraction, which may set any field to any value its type allows (null included).
/// </summary>
internal static class ProvinceInvariants
{
    public static Refusal? Check(ProvinceState state) =>
        Registration(state) ?? Populations(state) ?? Decisions(state) ?? Budget(state) ?? state.Indicators.Invariants() ?? Retail(state);

    private static Refusal? Registration(ProvinceState state)
    {
        if (!state.Registered) return null;
        if (string.IsNullOrWhiteSpace(state.Name) || string.IsNullOrWhiteSpace(state.Pom))
            return Refusal.Of(Refusals.ProvinceWouldHaveNoName);
        if (ReferenceData.FindProvince(state.Slug) is not { } facts || facts.NisCode != state.NisCode)
            return Refusal.Of(Refusals.ProvinceWouldHaveWrongNis, ("nisCode", state.NisCode), ("slug", state.Slug));
        return null;
    }

    private static Refusal? Populations(ProvinceState state)
    {
        foreach (var p in state.Populations)
        {
            if (p.ReferenceYear is < 1990 or > 2100) return Refusal.Of(Refusals.ProvincePopulationYear, ("referenceYear", p.ReferenceYear));
            if (p.Inhabitants < 1 || p.Municipalities < 1)
                return Refusal.Of(Refusals.ProvincePopulationFigures, ("referenceYear", p.ReferenceYear), ("inhabitants", p.Inhabitants), ("municipalities", p.Municipalities));
        }
        if (state.Populations.GroupBy(p => p.ReferenceYear).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Of(Refusals.ProvincePopulationTwice, ("referenceYear", twice.Key));
        return null;
    }

    private static Refusal? Decisions(ProvinceState state)
    {
        foreach (var d in state.Decisions)
        {
            if (new[] { d.Reference, d.Title, d.Summary }.Any(string.IsNullOrWhiteSpace))
                return Refusal.Of(Refusals.ProvinceDecisionIncomplete);
            if (!DecidingBodies.All.Contains(d.DecidingBody)) return Refusal.Of(Refusals.ProvinceDecisionBody, ("reference", d.Reference), ("decidingBody", d.DecidingBody));
            if (!PolicyDomains.IsKnown(d.Domain)) return Refusal.Of(Refusals.ProvinceDecisionDomain, ("reference", d.Reference), ("domain", d.Domain));
            if (d.VotesFor < 0 || d.VotesAgainst < 0 || d.VotesAbstaining < 0) return Refusal.Of(Refusals.ProvinceDecisionVotes, ("reference", d.Reference));
            if (d.Amount is { } amount && !IsEuro(amount, allowZero: true))
                return Refusal.Of(Refusals.ProvinceDecisionAmount, ("reference", d.Reference), ("amount", amount));
        }
        if (state.Decisions.GroupBy(d => d.Reference).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Of(Refusals.ProvinceDecisionTwice, ("reference", twice.Key));
        return null;
    }

    private static Refusal? Budget(ProvinceState state)
    {
        foreach (var line in state.Budget)
        {
            if (!PolicyDomains.IsKnown(line.Domain)) return Refusal.Of(Refusals.ProvinceBudgetDomain, ("domain", line.Domain));
            if (line.Year is < 1990 or > 2100) return Refusal.Of(Refusals.ProvinceBudgetYear, ("year", line.Year));
            if (!IsEuro(line.Amount, allowZero: false))
                return Refusal.Of(Refusals.ProvinceBudgetAmount, ("amount", line.Amount), ("domain", line.Domain));
        }
        foreach (var a in state.CreditAdjustments())
        {
            if (!PolicyDomains.IsKnown(a.Domain)) return Refusal.Of(Refusals.ProvinceBudgetDomain, ("domain", a.Domain));
            if (a.Year is < 1990 or > 2100) return Refusal.Of(Refusals.ProvinceBudgetYear, ("year", a.Year));
            if (!state.IsAllocated(a.Domain, a.Year))
                return Refusal.Of(Refusals.ProvinceCreditAdjustedUnallocated, ("domain", a.Domain), ("year", a.Year));
            if (state.CreditOf(a.Domain, a.Year) is < 0 and var credit)
                return Refusal.Of(Refusals.ProvinceCreditNegative, ("domain", a.Domain), ("year", a.Year), ("amount", credit));
        }
        return null;
    }

    private static Refusal? Retail(ProvinceState state)
    {
        foreach (var a in state.PermitAdvice)
        {
            if (Elsewhere(state.Slug, a.Municipality) is { } elsewhere) return elsewhere;
            if (string.IsNullOrWhiteSpace(a.PermitRef) || string.IsNullOrWhiteSpace(a.GoodsCategory))
                return Refusal.Of(Refusals.ProvinceAdviceIncomplete);
            if (a.NetRetailAreaM2 <= 0) return Refusal.Of(Refusals.ProvinceAdviceArea, ("permitRef", a.PermitRef), ("netRetailAreaM2", a.NetRetailAreaM2));
            if (!RetailAdvices.All.Contains(a.Advice)) return Refusal.Of(Refusals.ProvinceAdviceValue, ("permitRef", a.PermitRef), ("advice", a.Advice));
            if (RetailDecisions.RefuseAreas(a.PermitRef, a.NetRetailAreaM2, a.Categories) is { } areas) return areas;
        }
        if (state.PermitAdvice.GroupBy(a => a.PermitRef).FirstOrDefault(g => g.Count() > 1) is { } advisedTwice)
            return Refusal.Of(Refusals.ProvincePermitTwice, ("permitRef", advisedTwice.Key));

        foreach (var appeal in state.Appeals)
        {
            if (string.IsNullOrWhiteSpace(appeal.AppealRef)) return Refusal.Of(Refusals.ProvinceAppealNoReference);
            if (Elsewhere(state.Slug, appeal.Municipality) is { } elsewhere) return elsewhere;
            if (RetailDecisions.RefuseAppeal(state, appeal.Municipality, null, appeal.NetRetailAreaM2) is { } toFlanders) return toFlanders;
        }
        if (state.Appeals.GroupBy(a => a.AppealRef).FirstOrDefault(g => g.Count() > 1) is { } filedTwice)
            return Refusal.Of(Refusals.ProvinceAppealFiledTwice, ("appealRef", filedTwice.Key));

        foreach (var decision in state.AppealDecisions)
        {
            if (!state.IsFiled(decision.AppealRef)) return Refusal.Of(Refusals.ProvinceAppealDecidedUnfiled, ("appealRef", decision.AppealRef));
            if (!AppealOutcomes.All.Contains(decision.Outcome)) return Refusal.Of(Refusals.ProvinceAppealOutcome, ("appealRef", decision.AppealRef), ("outcome", decision.Outcome));
        }
        if (state.AppealDecisions.GroupBy(d => d.AppealRef).FirstOrDefault(g => g.Count() > 1) is { } decidedTwice)
            return Refusal.Of(Refusals.ProvinceAppealDecidedTwice, ("appealRef", decidedTwice.Key));
        return PermitDecisions(state);
    }

    // The deputation's own first-instance decisions: in the province, of its competence, once per permit.
    private static Refusal? PermitDecisions(ProvinceState state)
    {
        foreach (var p in state.PermitDecisionsMade())
        {
            if (Elsewhere(state.Slug, p.Municipality) is { } elsewhere) return elsewhere;
            if (RetailDecisions.RefuseFirstInstance(p.PermitRef, p.Municipality, p.NetRetailAreaM2) is { } notOurs) return notOurs;
            if (RetailDecisions.RefuseAreas(p.PermitRef, p.NetRetailAreaM2, p.Categories) is { } areas) return areas;
        }
        if (state.PermitDecisionsMade().GroupBy(p => p.PermitRef).FirstOrDefault(g => g.Count() > 1) is { } decidedTwice)
            return Refusal.Of(Refusals.RetailPermitDecidedTwice, ("permitRef", decidedTwice.Key));
        return null;
    }

    private static Refusal? Elsewhere(string slug, string? nisCode) => nisCode is null
        ? Refusal.Of(Refusals.ProvinceRetailNoMunicipality)
        : ProvinceDecider.RefuseMunicipality(slug, nisCode) is { } refused
            ? refused.Kind == RefusalKind.Invalid ? Refusal.Of(Refusals.ProvinceWouldNotBeMunicipality, ("nisCode", nisCode)) : refused
            : null;

    private static bool IsEuro(decimal amount, bool allowZero) =>
        (allowZero ? amount >= 0 : amount > 0) && decimal.Round(amount, 2) == amount;
}
