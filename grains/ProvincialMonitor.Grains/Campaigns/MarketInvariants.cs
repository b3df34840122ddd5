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
        Registration(state) ?? (state.Breaches.Count > 0 ? Refusal.Conflict(state.Breaches[0]) : null) ?? Days(state) ?? Entries(state);

    private static Refusal? Registration(MarketState state)
    {
        if (!state.Registered) return null;
        if (ReferenceData.FindMunicipality(state.Municipality) is not { } municipality)
            return Refusal.Conflict($"{state.Municipality} would not be a Flemish municipality.");
        if (municipality.ProvinceSlug != state.Province)
            return Refusal.Conflict($"The market would be recorded in {state.Province}, but {municipality.NameNl} lies in {municipality.ProvinceSlug}.");
        if (!Weekdays.All.Contains(state.Weekday)) return Refusal.Conflict($"The market would be held on '{state.Weekday}'.");
        if (state.PeriodEnd < state.PeriodStart) return Refusal.Conflict("The campaign's period would end before it starts.");
        return null;
    }

    private static Refusal? Days(MarketState state)
    {
        foreach (var day in state.Days)
        {
            if (state.Registered && !state.InPeriod(day.Date))
                return Refusal.Conflict($"The market day of {day.Date:yyyy-MM-dd} would lie outside the campaign's period.");
            if (day.TradersPresent < 0) return Refusal.Conflict($"The market day of {day.Date:yyyy-MM-dd} would have a negative number of traders.");
        }
        if (state.Days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Conflict($"The market day of {twice.Key:yyyy-MM-dd} would be recorded twice.");
        return null;
    }

    private static Refusal? Entries(MarketState state)
    {
        foreach (var batch in state.Entries)
        {
            if (batch.Count is < 1 or > RegisterEntries.MaxCount)
                return Refusal.Conflict($"Entries at {batch.At:O} would count {batch.Count}: from 1 to {RegisterEntries.MaxCount} per registration.");
            if (state.Registered && !state.InPeriod(MonitorClock.DateOf(batch.At)))
                return Refusal.Conflict($"Entries at {batch.At:O} would lie outside the campaign's period.");
        }
        return null;
    }
}
