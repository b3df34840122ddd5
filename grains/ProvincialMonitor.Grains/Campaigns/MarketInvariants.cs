using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>
/// What must hold after every event of a market. Decide keeps it for new events; it is checked again after a
/// correction or retraction, which may move a market day or entries, or change the copied period.
/// </summary>
internal static class MarketInvariants
{
    public static Refusal? Check(MarketState state) =>
        Registration(state) ?? (state.Breaches.Count > 0 ? state.Breaches[0] : null) ?? Days(state) ?? Entries(state);

    private static Refusal? Registration(MarketState state)
    {
        if (!state.Registered) return null;
        if (ReferenceData.FindMunicipality(state.Municipality) is not { } municipality)
            return Refusal.Of(Refusals.MarketWouldNotBeMunicipality, ("municipality", state.Municipality));
        if (municipality.ProvinceSlug != state.Province)
            return Refusal.Of(Refusals.MarketWouldLieElsewhere, ("province", state.Province), ("municipality", municipality.NameNl), ("actual", municipality.ProvinceSlug));
        if (!Weekdays.All.Contains(state.Weekday)) return Refusal.Of(Refusals.MarketBadWeekday, ("weekday", state.Weekday));
        if (state.PeriodEnd < state.PeriodStart) return Refusal.Of(Refusals.CampaignWouldEndBeforeStart);
        return null;
    }

    private static Refusal? Days(MarketState state)
    {
        foreach (var day in state.Days)
        {
            if (state.Registered && !state.InPeriod(day.Date))
                return Refusal.Of(Refusals.MarketDayWouldBeOutside, ("date", day.Date));
            if (day.TradersPresent < 0) return Refusal.Of(Refusals.MarketDayNegativeTraders, ("date", day.Date));
        }
        if (state.Days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Of(Refusals.MarketDayTwice, ("date", twice.Key));
        return null;
    }

    private static Refusal? Entries(MarketState state)
    {
        foreach (var batch in state.Entries)
        {
            if (batch.Count is < 1 or > RegisterEntries.MaxCount)
                return Refusal.Of(Refusals.MarketEntriesCount, ("at", batch.At), ("count", batch.Count), ("maxCount", RegisterEntries.MaxCount));
            if (state.Registered && !state.InPeriod(MonitorClock.DateOf(batch.At)))
                return Refusal.Of(Refusals.MarketEntriesWouldBeOutside, ("at", batch.At));
        }
        return null;
    }
}
