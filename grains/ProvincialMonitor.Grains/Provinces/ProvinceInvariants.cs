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
            return Refusal.Conflict("The province would have no name or no POM.");
        if (ReferenceData.FindProvince(state.Slug) is not { } facts || facts.NisCode != state.NisCode)
            return Refusal.Conflict($"{state.NisCode} is not the NIS code of province {state.Slug}.");
        return null;
    }

    private static Refusal? Populations(ProvinceState state)
    {
        foreach (var p in state.Populations)
        {
            if (p.ReferenceYear is < 1990 or > 2100) return Refusal.Conflict($"A population would be for the year {p.ReferenceYear}.");
            if (p.Inhabitants < 1 || p.Municipalities < 1)
                return Refusal.Conflict($"The population of {p.ReferenceYear} would have {p.Inhabitants} inhabitants in {p.Municipalities} municipalities.");
        }
        if (state.Populations.GroupBy(p => p.ReferenceYear).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Conflict($"The population of {twice.Key} would be recorded twice.");
        return null;
    }

    private static Refusal? Decisions(ProvinceState state)
    {
        foreach (var d in state.Decisions)
        {
            if (new[] { d.Reference, d.Title, d.Summary }.Any(string.IsNullOrWhiteSpace))
                return Refusal.Conflict("A decision would have no reference, title or summary.");
            if (!DecidingBodies.All.Contains(d.DecidingBody)) return Refusal.Conflict($"Decision {d.Reference} would be taken by '{d.DecidingBody}'.");
            if (!PolicyDomains.IsKnown(d.Domain)) return Refusal.Conflict($"Decision {d.Reference} would have an unknown domain '{d.Domain}'.");
            if (d.VotesFor < 0 || d.VotesAgainst < 0 || d.VotesAbstaining < 0) return Refusal.Conflict($"Decision {d.Reference} would have negative votes.");
            if (d.Amount is { } amount && !IsEuro(amount, allowZero: true))
                return Refusal.Conflict($"Decision {d.Reference} would have an amount of {amount}: euro, not negative, at most two decimals.");
        }
        if (state.Decisions.GroupBy(d => d.Reference).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Conflict($"Decision {twice.Key} would be taken twice.");
        return null;
    }

    private static Refusal? Budget(ProvinceState state)
    {
        foreach (var line in state.Budget)
        {
            if (!PolicyDomains.IsKnown(line.Domain)) return Refusal.Conflict($"A budget would be allocated to an unknown domain '{line.Domain}'.");
            if (line.Year is < 1990 or > 2100) return Refusal.Conflict($"A budget would be allocated for the year {line.Year}.");
            if (!IsEuro(line.Amount, allowZero: false))
                return Refusal.Conflict($"A budget of {line.Amount} for {line.Domain} would not be euro, more than zero, with at most two decimals.");
        }
        return null;
    }

    private static Refusal? Retail(ProvinceState state)
    {
        foreach (var a in state.PermitAdvice)
        {
            if (Elsewhere(state.Slug, a.Municipality) is { } elsewhere) return elsewhere;
            if (string.IsNullOrWhiteSpace(a.PermitRef) || string.IsNullOrWhiteSpace(a.GoodsCategory))
                return Refusal.Conflict("A retail advice would have no permit reference or goods category.");
            if (a.NetRetailAreaM2 <= 0) return Refusal.Conflict($"The advice on permit {a.PermitRef} would have a net retail area of {a.NetRetailAreaM2} m².");
            if (!RetailAdvices.All.Contains(a.Advice)) return Refusal.Conflict($"The advice on permit {a.PermitRef} would be '{a.Advice}'.");
        }
        if (state.PermitAdvice.GroupBy(a => a.PermitRef).FirstOrDefault(g => g.Count() > 1) is { } advisedTwice)
            return Refusal.Conflict($"Permit {advisedTwice.Key} would have two advices.");

        foreach (var appeal in state.Appeals)
        {
            if (string.IsNullOrWhiteSpace(appeal.AppealRef)) return Refusal.Conflict("An appeal would have no reference.");
            if (Elsewhere(state.Slug, appeal.Municipality) is { } elsewhere) return elsewhere;
        }
        if (state.Appeals.GroupBy(a => a.AppealRef).FirstOrDefault(g => g.Count() > 1) is { } filedTwice)
            return Refusal.Conflict($"Appeal {filedTwice.Key} would be filed twice.");

        foreach (var decision in state.AppealDecisions)
        {
            if (!state.IsFiled(decision.AppealRef)) return Refusal.Conflict($"Appeal {decision.AppealRef} would be decided without being filed.");
            if (!AppealOutcomes.All.Contains(decision.Outcome)) return Refusal.Conflict($"Appeal {decision.AppealRef} would have the outcome '{decision.Outcome}'.");
        }
        if (state.AppealDecisions.GroupBy(d => d.AppealRef).FirstOrDefault(g => g.Count() > 1) is { } decidedTwice)
            return Refusal.Conflict($"Appeal {decidedTwice.Key} would be decided twice.");
        return null;
    }

    private static Refusal? Elsewhere(string slug, string? nisCode) => nisCode is null
        ? Refusal.Conflict("A retail event would name no municipality.")
        : ProvinceDecider.RefuseMunicipality(slug, nisCode) is { } refused
            ? Refusal.Conflict(refused.Kind == RefusalKind.Invalid ? $"{nisCode} would not be a municipality." : refused.Message)
            : null;

    private static bool IsEuro(decimal amount, bool allowZero) =>
        (allowZero ? amount >= 0 : amount > 0) && decimal.Round(amount, 2) == amount;
}
