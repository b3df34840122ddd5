using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.BusinessParks;

/// <summary>A business park's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class BusinessParkDecider : IDecider<BusinessParkState, BusinessParkCommand>
{
    public static string StreamId(string key) => StreamIds.BusinessPark(key);

    public static bool Exists(BusinessParkState state) => state.Registered;

    // The province follows from the municipality at registration and stays: a correction may move the park within it only.
    public static readonly CorrectionRules.Rules<BusinessParkState> Rules = new(
        Apply, BusinessParkState.Unregistered(""), Invariants, EventTypes.NameOf(typeof(BusinessParkRegistered)),
        new HashSet<string> { "slug", "province" });

    public static History<BusinessParkState> Initial(string key) => new(BusinessParkState.Unregistered(key), [], 0);

    public static Decision Decide(History<BusinessParkState> history, BusinessParkCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        var actor = context.Actor;

        if (command is RegisterBusinessPark register)
        {
            if (register.Slug != state.Slug) return Refusal.Invalid("slug", Refusals.FieldNotBusinessParkKey, ("slug", state.Slug));
            if (state.Registered) return Refusal.Of(Refusals.BusinessParkAlreadyRegistered, ("slug", state.Slug));
            var province = ReferenceData.FindMunicipality(register.Municipality!)?.ProvinceSlug ?? "";
            if (!actor.ActsForProvince(province)) return Refusal.Of(Refusals.ScopeNotActingFor, ("province", province));
            var registered = new BusinessParkRegistered(state.Slug, register.Name!.Trim(), register.Municipality!, province,
                register.GrossHectares!.Value, register.NetHectares!.Value, register.Kind!, register.ManagingBody!.Trim());
            return AcceptIfValid(Apply(state, registered), new NewEvent(registered, effective, ScopeOf(province)));
        }

        if (!state.Registered) return Refusal.Of(Refusals.BusinessParkNotRegistered, ("slug", state.Slug));
        if (!actor.ActsForProvince(state.Province))
            return Refusal.Of(Refusals.ScopeNotParkProvince, ("province", MunicipalityCodes.ProvinceName(state.Province)), ("slug", state.Slug));
        var scope = ScopeOf(state.Province);
        Decision Accept(IDomainEvent e) => AcceptIfValid(Apply(state, e), new NewEvent(e, effective, scope));

        return command switch
        {
            ChangeBusinessParkPhase phase => Accept(new BusinessParkPhaseChanged(phase.Phase!)),
            IssuePlot plot => Accept(new PlotIssued(plot.Buyer!.Trim(), plot.Hectares!.Value, plot.Sector!.Trim())),
            RecordParkVacancy vacancy => Accept(new BusinessParkVacancyMeasured(vacancy.VacantHectares!.Value, vacancy.ReserveHectares!.Value)),
            CorrectBusinessPark correct => CorrectionRules.Correct(history, correct, Rules, effective, scope,
                (id, changes, reason) => new BusinessParkCorrected(id, changes, reason)),
            RetractBusinessParkEvent retract => CorrectionRules.Retract(history, retract, Rules, effective, scope,
                (id, reason) => new BusinessParkRetracted(id, reason)),
            _ => Refusal.Invalid("command", Refusals.CommandNotForBusinessPark, ("command", command.GetType().Name)),
        };
    }

    private static Decision AcceptIfValid(BusinessParkState after, NewEvent e) =>
        Invariants(after) is { } broken ? broken : Decision.Accept(e);

    private static EventScope ScopeOf(string province) => new([province], PolicyDomains.SpatialEconomy, []);

    public static BusinessParkState Apply(BusinessParkState state, IDomainEvent e) => e switch
    {
        BusinessParkRegistered r => state with
        {
            Registered = true,
            Slug = r.Slug,
            Name = r.Name,
            Municipality = r.Municipality,
            Province = r.Province,
            GrossHectares = r.GrossHectares,
            NetHectares = r.NetHectares,
            Kind = r.Kind,
            ManagingBody = r.ManagingBody,
            Phase = BusinessParkPhases.Planned,
        },
        BusinessParkPhaseChanged p => state with { Phase = p.Phase },
        PlotIssued p => state with { Plots = state.Plots.Add(new Plot(p.Buyer, p.Hectares, p.Sector)) },
        BusinessParkVacancyMeasured v => state with { Vacant = v.VacantHectares, Reserve = v.ReserveHectares },
        _ => state,
    };

    public static History<BusinessParkState> Evolve(History<BusinessParkState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, BusinessParkState.Unregistered(history.State.Slug));

    /// <summary>What must hold after every event, checked again after a correction or retraction: the issued plots fit the net area.</summary>
    public static Refusal? Invariants(BusinessParkState state)
    {
        if (!state.Registered) return null;
        if (ReferenceData.FindMunicipality(state.Municipality) is not { } municipality || municipality.ProvinceSlug != state.Province)
            return Refusal.Of(Refusals.BusinessParkBadMunicipality, ("municipality", state.Municipality), ("province", state.Province));
        if (state.NetHectares <= 0 || state.NetHectares > state.GrossHectares)
            return Refusal.Of(Refusals.BusinessParkNetOverGross, ("net", state.NetHectares), ("gross", state.GrossHectares));
        if (!BusinessParkKinds.All.Contains(state.Kind)) return Bad("kind", state.Kind);
        if (!BusinessParkPhases.All.Contains(state.Phase)) return Bad("phase", state.Phase);
        if (string.IsNullOrWhiteSpace(state.Name)) return Bad("name", state.Name);
        foreach (var plot in state.Plots)
            if (plot.Hectares <= 0 || string.IsNullOrWhiteSpace(plot.Buyer)) return Bad("plot", plot.Buyer);
        if (state.Vacant < 0 || state.Reserve < 0) return Bad("vacancy", state.Vacant);
        if (state.Issued > state.NetHectares)
            return Refusal.Of(Refusals.BusinessParkPlotsExceedNet, ("issued", state.Issued), ("slug", state.Slug), ("net", state.NetHectares));
        return null;
    }

    private static Refusal Bad(string field, object? value) => Refusal.Of(Refusals.BusinessParkBadValue, ("field", field), ("value", value));
}
