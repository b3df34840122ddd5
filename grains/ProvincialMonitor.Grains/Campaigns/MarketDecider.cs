using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>One market's rules in one campaign: pure functions from state and command to events, and from events to state.</summary>
public sealed class MarketDecider : IDecider<MarketState, MarketCommand>
{
    /// <summary><c>market-{campaign}-{marketId}</c>.</summary>
    public static string StreamId(string key) => StreamIds.Market(key);

    public static bool Exists(MarketState state) => state.Registered;

    // Campaign and market id are the grain's key: a correction must not move the market to another stream's identity.
    public static readonly CorrectionRules.Rules<MarketState> Rules = new(
        Apply, MarketState.Unregistered(""), MarketInvariants.Check, EventTypes.NameOf(typeof(MarketRegistered)),
        new HashSet<string> { "campaign", "marketId" }, CheckEvent);

    public static History<MarketState> Initial(string key) => new(MarketState.Unregistered(key), [], 0);

    public static Decision Decide(History<MarketState> history, MarketCommand command, CommandContext context)
    {
        // A market day or a batch of entries takes effect on its own day, unless the command says otherwise.
        DateOnly? factDate = command switch
        {
            HoldMarketDay day => day.Date,
            RegisterEntries entries => entries.At is { } at ? MonitorClock.DateOf(at) : null,
            _ => null,
        };
        if (factDate > context.Today.AddDays(1))
            return Refusal.Invalid(command is HoldMarketDay ? "date" : "at", Refusals.FieldInTheFuture);
        if (EffectiveDates.Resolve(command with { EffectiveDate = command.EffectiveDate ?? factDate }, context, out var effective) is { } invalidDate)
            return invalidDate;
        var state = history.State;
        var actor = context.Actor;

        if (command is RegisterMarketInCampaign register)
        {
            if (register.Campaign != state.Campaign) return Refusal.Invalid("campaign", Refusals.FieldNotMarketCampaign, ("key", state.Key));
            if (register.MarketId != state.MarketId) return Refusal.Invalid("marketId", Refusals.FieldNotMarketId, ("key", state.Key));
            if (state.Registered) return Refusal.Of(Refusals.MarketAlreadyRegistered, ("key", state.Key));
            if (!actor.ActsForCampaign(state.Campaign)) return Refusal.Of(Refusals.ScopeNotYourCampaign, ("campaign", state.Campaign));
            if (ReferenceData.FindMunicipality(register.Municipality!) is not { } municipality)
                return Refusal.Invalid("municipality", Refusals.FieldNotAFlemishMunicipality, ("version", ReferenceData.MunicipalityBoundaryVersion));
            if (municipality.ProvinceSlug != register.Province)
                return Refusal.Invalid("province", Refusals.FieldNotProvinceOf, ("municipality", municipality.NameNl), ("province", municipality.ProvinceSlug));
            var registered = new MarketRegistered(state.Campaign, state.MarketId, municipality.NisCode, municipality.ProvinceSlug,
                register.Weekday!, register.PeriodStart!.Value, register.PeriodEnd!.Value);
            return Decision.Accept(new NewEvent(registered, effective, ScopeOf(state, registered)));
        }

        if (!state.Registered) return Refusal.Of(Refusals.MarketNotRegistered, ("key", state.Key));
        // Two keys can give one stream id (campaign "a-b" with market "c", campaign "a" with market "b-c"); never mix them.
        if (MarketState.KeyOf(state.Campaign, state.MarketId) != state.Key)
            return Refusal.Of(Refusals.MarketWrongStream, ("stream", StreamId(state.Key)), ("marketId", state.MarketId), ("campaign", state.Campaign), ("key", state.Key));
        if (!actor.ActsForCampaign(state.Campaign)) return Refusal.Of(Refusals.ScopeNotYourCampaign, ("campaign", state.Campaign));
        Decision Accept(IDomainEvent e) => Decision.Accept(new NewEvent(e, effective, ScopeOf(state, e)));
        var period = $"{state.PeriodStart:yyyy-MM-dd} to {state.PeriodEnd:yyyy-MM-dd}";

        switch (command)
        {
            // A closed market's record may still be put right: corrections and retractions are not new facts.
            case CorrectMarket correct:
                return Correct(history, correct, effective);
            case RetractMarketEvent retract:
                return CorrectionRules.Retract(history, retract, Rules, effective, ScopeOf(state, null),
                    (id, reason) => new MarketRetracted(id, reason));
        }

        if (state.Closed) return Refusal.Of(Refusals.MarketClosed, ("key", state.Key));

        switch (command)
        {
            case HoldMarketDay day:
                var date = day.Date!.Value;
                if (!state.InPeriod(date)) return Refusal.Of(Refusals.MarketDayOutsidePeriod, ("date", date), ("period", period));
                if (state.Days.Any(d => d.Date == date)) return Refusal.Of(Refusals.MarketDayRecorded, ("date", date));
                return Accept(new MarketDayHeld(date, day.TradersPresent!.Value));

            case RegisterEntries entries:
                if (!state.InPeriod(factDate!.Value))
                    return Refusal.Of(Refusals.MarketEntriesOutsidePeriod, ("at", entries.At), ("period", period));
                return Accept(new EntriesRegistered(entries.Count!.Value, entries.At!.Value));

            case CloseMarket close:
                return Accept(new MarketClosed(string.IsNullOrWhiteSpace(close.Reason) ? null : close.Reason.Trim()));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForMarket, ("command", command.GetType().Name));
        }
    }

    /// <summary>A correction of the registration is filed under the province before and after it.</summary>
    private static Decision Correct(History<MarketState> history, CorrectMarket correct, DateOnly effective) =>
        CorrectionRules.CorrectInBothScopes(history, correct, Rules, effective, e => ScopeOf(history.State, e),
            (id, changes, reason) => new MarketCorrected(id, changes, reason)).Decision;

    private static EventScope ScopeOf(MarketState state, IDomainEvent? e)
    {
        var province = e is MarketRegistered r ? r.Province : state.Province;
        return new EventScope(string.IsNullOrEmpty(province) ? [] : [province], PolicyDomains.LocalEconomyRetail, [], state.Campaign);
    }

    public static MarketState Apply(MarketState state, IDomainEvent e)
    {
        // Only a correction or retraction can put a fact after the close; noted for the invariants to refuse.
        if (state.Closed && e is MarketDayHeld or EntriesRegistered or MarketClosed)
            state = state with { Breaches = state.Breaches.Add(Refusal.Of(Refusals.MarketEventAfterClose, ("event", e.GetType().Name))) };
        return e switch
        {
            MarketRegistered r => state with
            {
                Registered = true,
                Campaign = r.Campaign,
                MarketId = r.MarketId,
                Municipality = r.Municipality,
                Province = r.Province,
                Weekday = r.Weekday,
                PeriodStart = r.PeriodStart,
                PeriodEnd = r.PeriodEnd,
            },
            MarketDayHeld d => state with { Days = state.Days.Add(new MarketDay(d.Date, d.TradersPresent)) },
            EntriesRegistered n => state with { Entries = state.Entries.Add(new EntryBatch(n.Count, n.At)) },
            MarketClosed => state with { Closed = true },
            _ => state,
        };
    }

    public static History<MarketState> Evolve(History<MarketState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, MarketState.Unregistered(history.State.Key));

    /// <summary>A corrected event checked as strictly as the command that recorded it.</summary>
    public static Refusal? CheckEvent(IDomainEvent e)
    {
        Command? equivalent = e switch
        {
            MarketRegistered r => new RegisterMarketInCampaign(r.Campaign, r.MarketId, r.Municipality, r.Province, r.Weekday, r.PeriodStart, r.PeriodEnd),
            MarketDayHeld d => new HoldMarketDay(d.Date, d.TradersPresent),
            EntriesRegistered n => new RegisterEntries(n.Count, n.At),
            MarketClosed c => new CloseMarket(c.Reason),
            _ => null,
        };
        return equivalent?.Validate() is { Count: > 0 } errors
            ? Refusal.Fields(errors)
            : null;
    }
}
