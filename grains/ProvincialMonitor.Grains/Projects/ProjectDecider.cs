using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projects;

/// <summary>The project's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class ProjectDecider : IDecider<ProjectState, ProjectCommand>
{
    public static string StreamId(string key) => StreamIds.Project(key);

    public static bool Exists(ProjectState state) => state.Registered;

    public static readonly CorrectionRules.Rules<ProjectState> Rules = new(
        Apply, ProjectState.Unregistered(""), Invariants, EventTypes.NameOf(typeof(ProjectRegistered)),
        new HashSet<string> { "projectId", "leadProvince", "externalRef", "grantingProvince", "beneficiaryId" }, CheckEvent);

    public static History<ProjectState> Initial(string key) => new(ProjectState.Unregistered(key), [], 0);

    public static Decision Decide(History<ProjectState> history, ProjectCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        var actor = context.Actor;

        if (command is RegisterProject register)
        {
            if (state.Registered) return Refusal.Of(Refusals.ProjectAlreadyRegistered, ("projectId", state.ProjectId));
            var participants = (register.ParticipatingProvinces ?? []).Where(p => p != register.LeadProvince).Distinct().ToArray();
            var registered = new ProjectRegistered(state.ProjectId, register.Title!.Trim(), register.ExternalRef?.Trim(), register.LeadProvince!,
                participants, register.Domain!, (register.Clusters ?? []).Distinct().ToArray(), (register.Partners ?? []).Distinct().ToArray(),
                register.PlannedStart, register.PlannedEnd, register.TotalBudget, register.CrossBorderProgramme, register.CoFinancingRate);
            if (MayRecord(actor, state, registered) is { } forbidden) return forbidden;
            var first = new NewEvent(registered, effective, ScopeOf(state, registered));
            if (register.Municipalities is not { Length: > 0 } places) return Decision.Accept(first);
            // Registered and located in one append: the location is the event of its own that a relocation replaces.
            var located = Apply(state, registered);
            return MunicipalityCodes.OutsideProvinces("municipalities", places, located.Provinces) is { } outside
                ? Refusal.Fields([outside])
                : Decision.Accept(first, new NewEvent(new ProjectLocated(Location(places)), effective, ScopeOf(located, null)));
        }

        if (!state.Registered) return Refusal.Of(Refusals.ProjectNotRegistered, ("projectId", state.ProjectId));
        var scope = ScopeOf(state, null);
        Decision Accept(IDomainEvent e) =>
            MayRecord(actor, state, e) is { } forbidden ? forbidden : Decision.Accept(new NewEvent(e, effective, scope));

        switch (command)
        {
            case GrantSubsidy grant:
                if (state.Grants.ContainsKey(grant.GrantRef!)) return Refusal.Of(Refusals.GrantAlreadyGranted, ("grantRef", grant.GrantRef));
                if (!actor.ActsForAnyProvince(state.Provinces))
                    return Refusal.Of(Refusals.ScopeNotProjectProvinces, ("projectId", state.ProjectId), ("provinces", string.Join(", ", state.Provinces)));
                var (granting, refusal) = GrantingProvince(grant, state, actor);
                return refusal ?? Accept(new SubsidyGranted(grant.GrantRef!, grant.Amount!.Value, grant.Funder!, granting,
                    string.IsNullOrWhiteSpace(grant.Regulation) ? null : grant.Regulation.Trim(), grant.BeneficiaryId));

            case PaySubsidy pay:
                return GrantRules.Pay(state, pay) ?? Accept(new SubsidyPaid(pay.GrantRef!, pay.Amount!.Value, pay.PaymentRef!, pay.Kind ?? PaymentKinds.Advance));

            case RecoverSubsidy recover:
                return GrantRules.Recover(state, recover) ?? Accept(new SubsidyRecovered(recover.GrantRef!, recover.Amount!.Value, recover.RecoveryRef!,
                    string.IsNullOrWhiteSpace(recover.Reason) ? null : recover.Reason.Trim()));

            case AddPartner partner:
                if (state.Partners.Contains(partner.Name!)) return Refusal.Of(Refusals.ProjectPartnerAlready, ("name", partner.Name));
                return Accept(CrossBorder.Joined(partner));

            case ReachMilestone milestone:
                if (state.Milestones.Contains(milestone.Milestone!)) return Refusal.Of(Refusals.ProjectMilestoneReached, ("milestone", milestone.Milestone));
                return Accept(new MilestoneReached(milestone.Milestone!, milestone.Description));

            case ReportOutput output:
                return Accept(new OutputReported(output.Metric!, output.Value!.Value, output.Period!));

            case ChangeProjectStatus change:
                if (ProjectStatuses.Rank(change.Status!) <= ProjectStatuses.Rank(state.Status))
                    return Refusal.Of(Refusals.ProjectStatusBackwards, ("status", state.Status));
                return Accept(new ProjectStatusChanged(change.Status!));

            case LocateProject locate:
                return MunicipalityCodes.OutsideProvinces("municipalities", locate.Municipalities!, state.Provinces) is { } outside
                    ? Refusal.Fields([outside])
                    : Accept(new ProjectLocated(Location(locate.Municipalities!)));

            case CorrectProject correct:
                return Correct(history, correct, actor, effective);

            case RetractProjectEvent retract:
                if (CorrectionRules.Read(history.FindFact(retract.EventId!.Value)) is { } retracted && MayRecord(actor, state, retracted) is { } forbidden)
                    return forbidden;
                return CorrectionRules.Retract(history, retract, Rules, effective, scope,
                    (id, reason) => new ProjectRetracted(id, reason));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForProject, ("command", command.GetType().Name));
        }
    }

    /// <summary>A location as stored: each municipality once, by code.</summary>
    private static string[] Location(string[] municipalities) => [.. municipalities.Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Whoever corrects an event must be allowed to record it both as it stands and as corrected; the correction is
    /// filed under the provinces of both versions, so that a province dropped from the project sees it too.
    /// </summary>
    private static Decision Correct(History<ProjectState> history, CorrectProject correct, Actor actor, DateOnly effective)
    {
        var state = history.State;
        if (CrossBorder.CheckChanges(correct) is { } unlisted) return unlisted;
        if (CorrectionRules.Read(history.FindFact(correct.EventId!.Value)) is { } before && MayRecord(actor, state, before) is { } forbidden)
            return forbidden;
        var (decision, after) = CorrectionRules.CorrectInBothScopes(history, correct, Rules, effective, e => ScopeOf(state, e),
            (id, changes, reason) => new ProjectCorrected(id, changes, reason));
        return after is not null && MayRecord(actor, state, after) is { } forbiddenAfter ? forbiddenAfter : decision;
    }

    /// <summary>
    /// Whose money a grant of the province or the pom is: the province the command names, else the author's when they
    /// act for exactly one, else the lead when the project has no participants (there is nothing to choose); named when
    /// the choice is open. The lead or a participating province, and one the author acts for. Null for other funders.
    /// </summary>
    private static (string? Province, Refusal? Refusal) GrantingProvince(GrantSubsidy grant, ProjectState state, Actor actor)
    {
        if (!Funders.NamesAProvince(grant.Funder)) return (null, null);
        var province = grant.GrantingProvince
            ?? (actor is { Role: Roles.Officer, Provinces: [var only] } ? only : state.Provinces is [var single] ? single : null);
        if (province is null) return (null, Refusal.Invalid("grantingProvince", Refusals.FieldGrantingProvinceRequired));
        if (!state.Provinces.Contains(province))
            return (null, Refusal.Invalid("grantingProvince", Refusals.FieldGrantingProvinceNotOnProject, ("province", province), ("projectId", state.ProjectId)));
        if (!actor.ActsForProvince(province)) return (null, Refusal.Of(Refusals.ScopeNotFundingProvince, ("province", province)));
        return (province, null);
    }

    /// <summary>
    /// Who may record an event on a project: an officer of the lead province records everything, including the
    /// registration (which names the participating provinces) and all that counts on a province's figures (subsidies
    /// granted and paid, outputs, the status); an officer of a participating province records partners, milestones,
    /// and its own province's or pom's grants and their payments.
    /// </summary>
    private static Refusal? MayRecord(Actor actor, ProjectState state, IDomainEvent e)
    {
        var lead = e is ProjectRegistered r ? r.LeadProvince : state.LeadProvince;
        if (actor.ActsForProvince(lead)) return null;
        if (e is ProjectRegistered) return Refusal.Of(Refusals.ScopeNotLeadProvince, ("lead", lead));
        if (!actor.ActsForAnyProvince(state.Provinces))
            return Refusal.Of(Refusals.ScopeNotProjectProvinces, ("projectId", state.ProjectId), ("provinces", string.Join(", ", state.Provinces)));
        if (e is SubsidyGranted { GrantingProvince: { } granting } g && Funders.NamesAProvince(g.Funder) && actor.ActsForProvince(granting)) return null;
        if (GrantRules.GrantOf(e) is { } grantRef && state.Grants.GetValueOrDefault(grantRef)?.GrantingProvince is { } payer && actor.ActsForProvince(payer)) return null;
        return e is PartnerJoined or MilestoneReached ? null
            : Refusal.Of(Refusals.ScopeParticipatingProvince, ("lead", lead), ("projectId", state.ProjectId));
    }

    /// <summary>A registration is filed under the provinces it names, every other event under the project's.</summary>
    private static EventScope ScopeOf(ProjectState state, IDomainEvent? e) => e is ProjectRegistered r
        ? new EventScope([r.LeadProvince, .. r.ParticipatingProvinces.Where(p => p != r.LeadProvince)], r.Domain, r.Clusters)
        : new EventScope(state.Provinces, state.Domain, state.Clusters);

    public static ProjectState Apply(ProjectState state, IDomainEvent e) => e switch
    {
        ProjectRegistered r => state with
        {
            Registered = true,
            ProjectId = r.ProjectId,
            Title = r.Title,
            ExternalRef = r.ExternalRef,
            LeadProvince = r.LeadProvince,
            ParticipatingProvinces = r.ParticipatingProvinces,
            Domain = r.Domain,
            Clusters = r.Clusters,
            Partners = [.. r.Partners],
            PlannedStart = r.PlannedStart,
            PlannedEnd = r.PlannedEnd,
            TotalBudget = r.TotalBudget,
            CrossBorderProgramme = r.CrossBorderProgramme,
            CoFinancingRate = r.CoFinancingRate,
            Status = ProjectStatuses.Planned,
        },
        SubsidyGranted or SubsidyPaid or SubsidyRecovered => GrantRules.Apply(state, e),
        PartnerJoined j => state with { Partners = state.Partners.Add(j.Name) },
        MilestoneReached m => state with { Milestones = state.Milestones.Add(m.Milestone) },
        ProjectLocated l => state with { Municipalities = l.Municipalities },
        OutputReported o => state with { Outputs = state.Outputs.Add(new Output(o.Metric, o.Value, o.Period)) },
        ProjectStatusChanged s => state with { Status = s.Status },
        _ => state,
    };

    public static History<ProjectState> Evolve(History<ProjectState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, ProjectState.Unregistered(history.State.ProjectId));

    /// <summary>A corrected event checked as strictly as the command that recorded it.</summary>
    public static Refusal? CheckEvent(IDomainEvent e)
    {
        Command? equivalent = e switch
        {
            ProjectRegistered r => new RegisterProject(r.Title, r.ExternalRef, r.LeadProvince, r.ParticipatingProvinces, r.Domain, r.Clusters,
                r.Partners, r.PlannedStart, r.PlannedEnd, r.TotalBudget, r.CrossBorderProgramme, CoFinancingRate: r.CoFinancingRate),
            SubsidyGranted g => new GrantSubsidy(g.GrantRef, g.Amount, g.Funder, null, g.Regulation, null, null, g.BeneficiaryId),
            SubsidyPaid p => new PaySubsidy(p.GrantRef, p.Amount, p.PaymentRef, p.Kind),
            SubsidyRecovered r => new RecoverSubsidy(r.GrantRef, r.Amount, r.RecoveryRef, r.Reason),
            PartnerJoined j => new AddPartner(j.CooperationBody ?? j.Name, j.Kind),
            MilestoneReached m => new ReachMilestone(m.Milestone, m.Description),
            OutputReported o => new ReportOutput(o.Metric, o.Value, o.Period),
            ProjectLocated l => new LocateProject(l.Municipalities),
            _ => null,
        };
        if (e is ProjectStatusChanged)
            return Refusal.Of(Refusals.CorrectionStatusChange);
        if (e is ProjectRegistered { ParticipatingProvinces: null } or ProjectRegistered { Clusters: null } or ProjectRegistered { Partners: null })
            return Refusal.Invalid("changes", Refusals.FieldListsNotNull);
        if (e is ProjectRegistered registered) return CrossBorder.CheckRegistration(registered, equivalent!);
        return equivalent?.Validate() is { Count: > 0 } errors
            ? Refusal.Fields(errors)
            : null;
    }

    /// <summary>What must hold after every event, checked again after a correction or retraction.</summary>
    public static Refusal? Invariants(ProjectState state)
    {
        foreach (var (grantRef, grant) in state.Grants)
        {
            if (GrantRules.Invariants(grantRef, grant) is { } broken) return broken;
            if (grant.Amount <= 0 || decimal.Round(grant.Amount, 2) != grant.Amount)
                return Refusal.Of(Refusals.GrantWouldHaveBadAmount, ("grantRef", grantRef), ("amount", grant.Amount));
            if (!Funders.All.Contains(grant.Funder))
                return Refusal.Of(Refusals.GrantUnknownFunder, ("grantRef", grantRef), ("funder", grant.Funder));
        }
        if (state.Registered && (!ProvinceSlugs.IsKnown(state.LeadProvince) || !PolicyDomains.IsKnown(state.Domain)))
            return Refusal.Of(Refusals.ProjectUnknownLeadOrDomain);
        // A correction that drops a participating province keeps the location inside the project's provinces.
        if (state.Registered && MunicipalityCodes.OutsideProvinces("municipalities", state.Municipalities, state.Provinces) is { } outside)
            return Refusal.Of(Refusals.ProjectLocatedOutsideProvinces, ("municipality", outside.Arguments["municipality"]), ("provinces", outside.Arguments["provinces"]));
        if (state.Outputs.Any(o => o.Value < 0)) return Refusal.Of(Refusals.ProjectOutputNegative);
        if (state.TotalBudget < 0) return Refusal.Of(Refusals.ProjectBudgetNegative);
        return null;
    }
}
