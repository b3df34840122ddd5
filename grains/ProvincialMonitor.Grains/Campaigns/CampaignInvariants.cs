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
        Launch(state) ?? (state.Breaches.Count > 0 ? state.Breaches[0] : null) ?? Municipalities(state) ?? Markets(state) ?? Actions(state);

    private static Refusal? Launch(CampaignState state)
    {
        if (!state.Launched) return null;
        if (string.IsNullOrWhiteSpace(state.Name)) return Refusal.Of(Refusals.CampaignWouldHaveNoName);
        if (state.PeriodEnd < state.PeriodStart) return Refusal.Of(Refusals.CampaignWouldEndBeforeStart);
        if (state.Provinces.Length == 0 || state.Provinces.Any(p => !ProvinceSlugs.IsKnown(p)) || state.Provinces.Distinct().Count() != state.Provinces.Length)
            return Refusal.Of(Refusals.CampaignWouldHaveBadProvinces);
        foreach (var target in state.Targets)
        {
            if (target is null || !state.Provinces.Contains(target.Province))
                return Refusal.Of(Refusals.CampaignTargetNotParticipating, ("province", target?.Province ?? "no province"));
            if (target.Municipalities < 0 || target.Markets < 0 || target.Entries < 0)
                return Refusal.Of(Refusals.CampaignTargetNegative, ("province", target.Province));
        }
        if (state.Targets.GroupBy(t => t.Province).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Of(Refusals.CampaignTargetTwice, ("province", twice.Key));
        return null;
    }

    /// <summary>Every joined municipality exists, lies in the province recorded with it, and that province takes part.</summary>
    private static Refusal? Municipalities(CampaignState state)
    {
        foreach (var (nis, province) in state.Municipalities)
        {
            if (ReferenceData.FindMunicipality(nis) is not { } municipality)
                return Refusal.Of(Refusals.CampaignWouldNotBeMunicipality, ("nis", nis));
            if (municipality.ProvinceSlug != province)
                return Refusal.Of(Refusals.CampaignMunicipalityElsewhere, ("municipality", municipality.NameNl), ("province", province), ("actual", municipality.ProvinceSlug));
            if (!state.Provinces.Contains(province))
                return Refusal.Of(Refusals.CampaignMunicipalityProvinceNotParticipating, ("municipality", municipality.NameNl), ("province", province));
        }
        return null;
    }

    /// <summary>Every market lies in a municipality that joined, and in that municipality's province.</summary>
    private static Refusal? Markets(CampaignState state)
    {
        foreach (var market in state.Markets.Values)
        {
            if (!state.Municipalities.TryGetValue(market.Municipality, out var province))
                return Refusal.Of(Refusals.CampaignMarketMunicipalityNotJoined, ("marketId", market.MarketId), ("municipality", market.Municipality));
            if (market.Province != province)
                return Refusal.Of(Refusals.CampaignMarketElsewhere, ("marketId", market.MarketId), ("province", market.Province), ("actual", province));
            if (string.IsNullOrWhiteSpace(market.Name)) return Refusal.Of(Refusals.CampaignMarketNoName, ("marketId", market.MarketId));
            if (!Weekdays.All.Contains(market.Weekday)) return Refusal.Of(Refusals.CampaignMarketBadWeekday, ("marketId", market.MarketId), ("weekday", market.Weekday));
            if (market.Traders < 0) return Refusal.Of(Refusals.CampaignMarketNegativeTraders, ("marketId", market.MarketId));
        }
        return null;
    }

    private static Refusal? Actions(CampaignState state)
    {
        foreach (var action in state.Actions)
        {
            if (string.IsNullOrWhiteSpace(action.Title)) return Refusal.Of(Refusals.CampaignActionNoTitle);
            if (action.Provinces.Length == 0 || action.Provinces.Any(p => !state.Provinces.Contains(p)))
                return Refusal.Of(Refusals.CampaignActionOutside, ("title", action.Title));
        }
        return null;
    }
}
