using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Campaigns;

/// <summary>The campaign's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class CampaignDecider : IDecider<CampaignState, CampaignCommand>
{
    public static string StreamId(string key) => StreamIds.Campaign(key);

    public static bool Exists(CampaignState state) => state.Launched;

    // A market's id is the key of its own grain and stream, so a correction must not move it.
    public static readonly CorrectionRules.Rules<CampaignState> Rules = new(
        Apply, CampaignState.Unlaunched(""), CampaignInvariants.Check, EventTypes.NameOf(typeof(CampaignLaunched)),
        new HashSet<string> { "slug", "marketId" }, CheckEvent);

    /// <summary>The events that belong to the campaign's period: their effective date is not after its end.</summary>
    private static readonly HashSet<string> PeriodFacts =
    [
        EventTypes.NameOf(typeof(MunicipalityJoined)), EventTypes.NameOf(typeof(MarketJoined)), EventTypes.NameOf(typeof(CampaignActionHeld)),
    ];

    public static History<CampaignState> Initial(string key) => new(CampaignState.Unlaunched(key), [], 0);

    public static Decision Decide(History<CampaignState> history, CampaignCommand command, CommandContext context)
    {
        // The launch too: its planned period may lie ahead, but the moment it takes effect may not.
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        var actor = context.Actor;

        if (command is LaunchCampaign launch)
        {
            if (launch.Slug != state.Slug) return Refusal.Invalid("slug", Refusals.FieldNotCampaignKey, ("slug", state.Slug));
            if (state.Launched) return Refusal.Of(Refusals.CampaignAlreadyLaunched, ("slug", state.Slug));
            if (!actor.ActsForCampaign(state.Slug)) return Refusal.Of(Refusals.ScopeNotYourCampaign, ("campaign", state.Slug));
            var launched = new CampaignLaunched(state.Slug, launch.Name!.Trim(), launch.PeriodStart!.Value, launch.PeriodEnd!.Value,
                launch.Provinces!, [.. (launch.Targets ?? []).Select(t => new CampaignTarget(t.Province!, t.Municipalities!.Value, t.Markets!.Value, t.Entries!.Value))]);
            return Decision.Accept(new NewEvent(launched, effective, ScopeOf(state, launched)));
        }

        if (!state.Launched) return Refusal.Of(Refusals.CampaignNotLaunched, ("slug", state.Slug));
        if (!actor.ActsForCampaign(state.Slug)) return Refusal.Of(Refusals.ScopeNotYourCampaign, ("campaign", state.Slug));
        Decision Accept(IDomainEvent e) => Decision.Accept(new NewEvent(e, effective, ScopeOf(state, e)));

        switch (command)
        {
            // A closed campaign's record may still be put right: corrections and retractions are not new facts.
            case CorrectCampaign correct:
                return Correct(history, correct, effective);
            case RetractCampaignEvent retract:
                return CorrectionRules.Retract(history, retract, Rules, effective, ScopeOf(state, CorrectionRules.Read(history.FindFact(retract.EventId!.Value))),
                    (id, reason) => new CampaignRetracted(id, reason));
        }

        if (state.Closed) return Refusal.Of(Refusals.CampaignClosed, ("slug", state.Slug));
        if (command is CloseCampaign close)
            return Accept(new CampaignClosed(string.IsNullOrWhiteSpace(close.Reason) ? null : close.Reason.Trim()));

        // Joining before the campaign starts is normal; after its end it is not part of it.
        if (effective > state.PeriodEnd)
            return Refusal.Of(Refusals.CampaignAfterPeriod, ("effective", effective), ("periodStart", state.PeriodStart), ("periodEnd", state.PeriodEnd));

        switch (command)
        {
            case JoinMunicipality join:
                if (ReferenceData.FindMunicipality(join.Municipality!) is not { } municipality)
                    return Refusal.Invalid("municipality", Refusals.FieldNotAFlemishMunicipality, ("version", ReferenceData.MunicipalityBoundaryVersion));
                if (!state.Provinces.Contains(municipality.ProvinceSlug))
                    return Refusal.Of(Refusals.CampaignProvinceNotParticipating, ("municipality", municipality.NameNl), ("province", municipality.ProvinceSlug), ("slug", state.Slug));
                if (state.Municipalities.ContainsKey(municipality.NisCode))
                    return Refusal.Of(Refusals.CampaignMunicipalityJoined, ("municipality", municipality.NameNl), ("slug", state.Slug));
                return Accept(new MunicipalityJoined(municipality.NisCode, municipality.ProvinceSlug));

            case JoinMarket market:
                if (state.Markets.ContainsKey(market.MarketId!)) return Refusal.Of(Refusals.CampaignMarketJoined, ("marketId", market.MarketId), ("slug", state.Slug));
                if (!state.Municipalities.TryGetValue(market.Municipality!, out var province))
                    return Refusal.Of(Refusals.CampaignMunicipalityNotJoined, ("municipality", market.Municipality), ("slug", state.Slug));
                return Accept(new MarketJoined(market.MarketId!, market.Name!.Trim(), market.Municipality!, province, market.Weekday!, market.Traders!.Value));

            case HoldCampaignAction action:
                string[] provinces = action.Provinces is { Length: > 0 } named ? named : state.Provinces;
                if (provinces.FirstOrDefault(p => !state.Provinces.Contains(p)) is { } outside)
                    return Refusal.Of(Refusals.CampaignNotParticipating, ("outside", outside), ("slug", state.Slug));
                return Accept(new CampaignActionHeld(action.Title!.Trim(), string.IsNullOrWhiteSpace(action.Description) ? null : action.Description.Trim(), provinces));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForCampaign, ("command", command.GetType().Name));
        }
    }

    /// <summary>
    /// A correction passes the common rules; a corrected period must still hold every join and action already
    /// recorded; and it is filed under the provinces of both versions, so that each province's view sees it.
    /// </summary>
    private static Decision Correct(History<CampaignState> history, CorrectCampaign correct, DateOnly effective)
    {
        var (decision, corrected) = CorrectionRules.CorrectInBothScopes(history, correct, Rules, effective, e => ScopeOf(history.State, e),
            (id, changes, reason) => new CampaignCorrected(id, changes, reason));
        if (corrected is CampaignLaunched relaunched
            && history.Facts.FirstOrDefault(f => !f.Retracted && PeriodFacts.Contains(f.EventType) && f.EffectiveDate > relaunched.PeriodEnd) is { } late)
            return Refusal.Of(Refusals.CampaignEventAfterPeriod, ("eventId", late.EventId), ("effectiveDate", late.EffectiveDate), ("periodEnd", relaunched.PeriodEnd));
        return decision;
    }

    /// <summary>Joins are filed under their own province, an action under its provinces, the rest under the campaign's.</summary>
    private static EventScope ScopeOf(CampaignState state, IDomainEvent? e)
    {
        string[] provinces = e switch
        {
            CampaignLaunched l => l.Provinces ?? [],
            MunicipalityJoined j => [j.Province],
            MarketJoined m => [m.Province],
            CampaignActionHeld a => a.Provinces ?? [],
            _ => state.Provinces,
        };
        return new EventScope(provinces, PolicyDomains.LocalEconomyRetail, [], state.Slug);
    }

    public static CampaignState Apply(CampaignState state, IDomainEvent e)
    {
        // Only a correction or retraction can put a fact after the close; noted for the invariants to refuse.
        if (state.Closed && e is MunicipalityJoined or MarketJoined or CampaignActionHeld or CampaignClosed)
            state = state with { Breaches = state.Breaches.Add(Refusal.Of(Refusals.CampaignEventAfterClose, ("event", e.GetType().Name))) };
        return e switch
        {
            CampaignLaunched l => state with
            {
                Launched = true,
                Slug = l.Slug,
                Name = l.Name,
                PeriodStart = l.PeriodStart,
                PeriodEnd = l.PeriodEnd,
                Provinces = l.Provinces ?? [],
                Targets = l.Targets ?? [],
            },
            MunicipalityJoined j => state.Municipalities.ContainsKey(j.Municipality)
                ? state with { Breaches = state.Breaches.Add(Refusal.Of(Refusals.CampaignMunicipalityTwice, ("municipality", j.Municipality))) }
                : state with { Municipalities = state.Municipalities.Add(j.Municipality, j.Province) },
            MarketJoined m => JoinMarket(state, m),
            CampaignActionHeld a => state with { Actions = state.Actions.Add(new CampaignAction(a.Title, a.Description, a.Provinces ?? [])) },
            CampaignClosed c => state with { Closed = true, ClosedReason = c.Reason },
            _ => state,
        };
    }

    private static CampaignState JoinMarket(CampaignState state, MarketJoined m)
    {
        if (state.Markets.ContainsKey(m.MarketId))
            return state with { Breaches = state.Breaches.Add(Refusal.Of(Refusals.CampaignMarketTwice, ("marketId", m.MarketId))) };
        if (!state.Municipalities.ContainsKey(m.Municipality))
            state = state with { Breaches = state.Breaches.Add(Refusal.Of(Refusals.CampaignMarketBeforeMunicipality, ("marketId", m.MarketId), ("municipality", m.Municipality))) };
        return state with { Markets = state.Markets.Add(m.MarketId, new JoinedMarket(m.MarketId, m.Name, m.Municipality, m.Province, m.Weekday, m.Traders)) };
    }

    public static History<CampaignState> Evolve(History<CampaignState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, CampaignState.Unlaunched(history.State.Slug));

    /// <summary>A corrected event checked as strictly as the command that recorded it.</summary>
    public static Refusal? CheckEvent(IDomainEvent e)
    {
        // A target set to null by a correction stays null, so that the launch's check names it ("targets[i] is required").
        Command? equivalent = e switch
        {
            CampaignLaunched l => new LaunchCampaign(l.Slug, l.Name, l.PeriodStart, l.PeriodEnd, l.Provinces,
                l.Targets?.Select(t => t is null ? null! : new CampaignTargetRequest(t.Province, t.Municipalities, t.Markets, t.Entries)).ToArray()),
            MunicipalityJoined j => new JoinMunicipality(j.Municipality),
            MarketJoined m => new JoinMarket(m.MarketId, m.Name, m.Municipality, m.Weekday, m.Traders),
            CampaignActionHeld a => new HoldCampaignAction(a.Title, a.Description, a.Provinces),
            CampaignClosed c => new CloseCampaign(c.Reason),
            _ => null,
        };
        return equivalent?.Validate() is { Count: > 0 } errors
            ? Refusal.Fields(errors)
            : null;
    }
}
