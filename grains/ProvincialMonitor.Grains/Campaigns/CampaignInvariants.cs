using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>
/// What must hold after every event of a campaign. Decide keeps it for new events; it is checked again after a
/// correction or retraction, which may change a launch, a join or an action that later facts depend on.
/// </summary>
internal static class CampaignInvariants
{
    public static Refusal? Check(CampaignState state) =>
        Launch(state) ?? (state.Breaches.Count > 0 ? Refusal.Conflict(state.Breaches[0]) : null) ?? Municipalities(state) ?? Markets(state) ?? Actions(state);

    private static Refusal? Launch(CampaignState state)
    {
        if (!state.Launched) return null;
        if (string.IsNullOrWhiteSpace(state.Name)) return Refusal.Conflict("The campaign would have no name.");
        if (state.PeriodEnd < state.PeriodStart) return Refusal.Conflict("The campaign's period would end before it starts.");
        if (state.Provinces.Length == 0 || state.Provinces.Any(p => !ProvinceSlugs.IsKnown(p)) || state.Provinces.Distinct().Count() != state.Provinces.Length)
            return Refusal.Conflict("The campaign would not have known, distinct participating provinces.");
        foreach (var target in state.Targets)
        {
            if (target is null || !state.Provinces.Contains(target.Province))
                return Refusal.Conflict($"A target would be for {target?.Province ?? "no province"}, which does not take part.");
            if (target.Municipalities < 0 || target.Markets < 0 || target.Entries < 0)
                return Refusal.Conflict($"The target of {target.Province} would be negative.");
        }
        if (state.Targets.GroupBy(t => t.Province).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Conflict($"{twice.Key} would have two targets.");
        return null;
    }

    /// <summary>Every joined municipality exists, lies in the province recorded with it, and that province takes part.</summary>
    private static Refusal? Municipalities(CampaignState state)
    {
        foreach (var (nis, province) in state.Municipalities)
        {
            if (ReferenceData.FindMunicipality(nis) is not { } municipality)
                return Refusal.Conflict($"{nis} would not be a Flemish municipality.");
            if (municipality.ProvinceSlug != province)
                return Refusal.Conflict($"{municipality.NameNl} would be recorded in {province}, but lies in {municipality.ProvinceSlug}.");
            if (!state.Provinces.Contains(province))
                return Refusal.Conflict($"{municipality.NameNl} would have joined, but {province} would not take part.");
        }
        return null;
    }

    /// <summary>Every market lies in a municipality that joined, and in that municipality's province.</summary>
    private static Refusal? Markets(CampaignState state)
    {
        foreach (var market in state.Markets.Values)
        {
            if (!state.Municipalities.TryGetValue(market.Municipality, out var province))
                return Refusal.Conflict($"Market {market.MarketId} would lie in {market.Municipality}, which has not joined.");
            if (market.Province != province)
                return Refusal.Conflict($"Market {market.MarketId} would be recorded in {market.Province}, but its municipality lies in {province}.");
            if (string.IsNullOrWhiteSpace(market.Name)) return Refusal.Conflict($"Market {market.MarketId} would have no name.");
            if (!Weekdays.All.Contains(market.Weekday)) return Refusal.Conflict($"Market {market.MarketId} would be held on '{market.Weekday}'.");
            if (market.Traders < 0) return Refusal.Conflict($"Market {market.MarketId} would have a negative number of traders.");
        }
        return null;
    }

    private static Refusal? Actions(CampaignState state)
    {
        foreach (var action in state.Actions)
        {
            if (string.IsNullOrWhiteSpace(action.Title)) return Refusal.Conflict("An action would have no title.");
            if (action.Provinces.Length == 0 || action.Provinces.Any(p => !state.Provinces.Contains(p)))
                return Refusal.Conflict($"Action '{action.Title}' would be held outside the participating provinces.");
        }
        return null;
    }
}
