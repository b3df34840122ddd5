using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Clusters;

/// <summary>The cluster's rules: pure functions from state and command to events, and from events to state.</summary>
public sealed class ClusterDecider : IDecider<ClusterState, ClusterCommand>
{
    public static string StreamId(string key) => StreamIds.Cluster(key);

    public static bool Exists(ClusterState state) => state.Registered;

    public static readonly CorrectionRules.Rules<ClusterState> Rules = new(
        Apply, ClusterState.Unregistered(""), Invariants, EventTypes.NameOf(typeof(ClusterRegistered)),
        new HashSet<string> { "slug" });

    public static History<ClusterState> Initial(string key) => new(ClusterState.Unregistered(key), [], 0);

    public static Decision Decide(History<ClusterState> history, ClusterCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        var state = history.State;
        var actor = context.Actor;

        if (command is RegisterCluster register)
        {
            if (register.Slug != state.Slug) return Refusal.Invalid("slug", Refusals.FieldNotClusterKey, ("slug", state.Slug));
            if (state.Registered) return Refusal.Of(Refusals.ClusterAlreadyRegistered, ("slug", state.Slug));
            var registered = new ClusterRegistered(state.Slug, register.Name!.Trim(), register.Sector!.Trim(), register.Kind!, register.Province);
            if (MayRecord(actor, state, registered) is { } forbidden) return forbidden;
            return Decision.Accept(new NewEvent(registered, effective, ScopeOf(state, registered)));
        }

        if (!state.Registered) return Refusal.Of(Refusals.ClusterNotRegistered, ("slug", state.Slug));
        Decision Accept(IDomainEvent e) =>
            MayRecord(actor, state, e) is { } forbidden ? forbidden : Decision.Accept(new NewEvent(e, effective, ScopeOf(state, e)));

        switch (command)
        {
            case AddClusterMember add:
                var joining = add.Member!.Trim();
                if (state.Members.ContainsKey(joining)) return Refusal.Of(Refusals.ClusterMemberAlready, ("member", joining), ("slug", state.Slug));
                return Accept(new ClusterMemberJoined(joining, add.MemberKind));

            case RemoveClusterMember remove:
                var leaving = remove.Member!.Trim();
                if (!state.Members.ContainsKey(leaving)) return Refusal.Of(Refusals.ClusterNotAMember, ("member", leaving), ("slug", state.Slug));
                return Accept(new ClusterMemberLeft(leaving, remove.Reason));

            case GrantClusterFunding grant:
                return Accept(new ClusterFundingGranted(grant.Province!, grant.Amount!.Value, grant.Purpose!));

            case CorrectCluster correct:
                return Correct(history, correct, actor, effective);

            case RetractClusterEvent retract:
                var retracted = Read(history.FindFact(retract.EventId!.Value));
                if (retracted is not null && MayRecord(actor, state, retracted) is { } forbidden) return forbidden;
                return CorrectionRules.Retract(history, retract, Rules, effective, ScopeOf(state, retracted),
                    (id, reason) => new ClusterRetracted(id, reason));

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForCluster, ("command", command.GetType().Name));
        }
    }

    /// <summary>
    /// Whoever corrects an event must be allowed to record it both as it stands and as corrected, so that a
    /// correction cannot move funding or a cluster into a province the actor does not act for.
    /// </summary>
    private static Decision Correct(History<ClusterState> history, CorrectCluster correct, Actor actor, DateOnly effective)
    {
        var state = history.State;
        var fact = history.FindFact(correct.EventId!.Value);
        var before = Read(fact);
        if (before is not null && MayRecord(actor, state, before) is { } forbidden) return forbidden;
        var scope = ScopeOf(state, before);
        var decision = CorrectionRules.Correct(history, correct, Rules, effective, scope,
            (id, changes, reason) => new ClusterCorrected(id, changes, reason));
        if (decision.Refusal is not null || fact is null) return decision;

        var accepted = decision.Events.Single();
        var after = Read(fact with { Data = Evolution.Patch(fact.Data, ((ClusterCorrected)accepted.Event).Changes) });
        if (after is null) return decision;
        if (MayRecord(actor, state, after) is { } forbiddenAfter) return forbiddenAfter;
        // Filed under the provinces of both versions, so that each province's view sees the change.
        var provinces = scope.Provinces.Union(ScopeOf(state, after).Provinces).ToArray();
        return Decision.Accept(accepted with { Scope = scope with { Provinces = provinces } });
    }

    /// <summary>Who may record an event: the role and province rules of registration, membership and funding.</summary>
    private static Refusal? MayRecord(Actor actor, ClusterState state, IDomainEvent e)
    {
        if (actor.IsAdmin) return null;
        return e switch
        {
            ClusterRegistered { Kind: ClusterKinds.Spearhead } =>
                Refusal.Of(Refusals.ScopeAdminRegistersSpearhead),
            ClusterRegistered r => actor.ActsForProvince(r.Province ?? "") ? null
                : Refusal.Of(Refusals.ScopeNotActingFor, ("province", r.Province)),
            ClusterMemberJoined or ClusterMemberLeft => MayChangeMembers(actor, state),
            ClusterFundingGranted f => actor.ActsForProvince(f.Province) ? null
                : Refusal.Of(Refusals.ScopeNotFundingProvince, ("province", f.Province)),
            _ => Refusal.Of(Refusals.ScopeAdminOnly),
        };
    }

    private static Refusal? MayChangeMembers(Actor actor, ClusterState state) => state.Kind switch
    {
        ClusterKinds.Spearhead when actor.Role == Roles.Officer => null,
        ClusterKinds.Spearhead => Refusal.Of(Refusals.ScopeOfficerChangesMembers, ("slug", state.Slug)),
        _ when actor.ActsForProvince(state.Province ?? "") => null,
        _ => Refusal.Of(Refusals.ScopeNotClusterProvince, ("province", state.Province), ("slug", state.Slug)),
    };

    /// <summary>Funding is filed under its funding province, a registration under its own province, the rest under the cluster's.</summary>
    private static EventScope ScopeOf(ClusterState state, IDomainEvent? e)
    {
        var province = e switch
        {
            ClusterFundingGranted f => f.Province,
            ClusterRegistered r => r.Province,
            _ => state.Province,
        };
        return new EventScope(province is null ? [] : [province], PolicyDomains.InnovationClusters, [state.Slug]);
    }

    private static IDomainEvent? Read(Fact? fact)
    {
        if (fact is null) return null;
        try { return EventJson.Deserialize(fact.EventType, fact.Data); }
        catch (JsonException) { return null; }
    }

    public static ClusterState Apply(ClusterState state, IDomainEvent e) => e switch
    {
        ClusterRegistered r => state with
        {
            Registered = true,
            Slug = r.Slug,
            Name = r.Name,
            Sector = r.Sector,
            Kind = r.Kind,
            Province = r.Province,
        },
        ClusterMemberJoined j => state.Members.ContainsKey(j.Member)
            ? state with { MembershipBreaches = state.MembershipBreaches.Add(Refusal.Of(Refusals.ClusterMemberJoinsTwice, ("member", j.Member))) }
            : state with { Members = state.Members.Add(j.Member, new ClusterMember(j.Member, j.MemberKind)) },
        ClusterMemberLeft l => state.Members.ContainsKey(l.Member)
            ? state with { Members = state.Members.Remove(l.Member) }
            : state with { MembershipBreaches = state.MembershipBreaches.Add(Refusal.Of(Refusals.ClusterMemberLeavesUnjoined, ("member", l.Member))) },
        ClusterFundingGranted f => state with { Fundings = state.Fundings.Add(new ClusterFunding(f.Province, f.Amount, f.Purpose)) },
        _ => state,
    };

    public static History<ClusterState> Evolve(History<ClusterState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, ClusterState.Unregistered(history.State.Slug));

    /// <summary>What must hold after every event, checked again after a correction or retraction.</summary>
    public static Refusal? Invariants(ClusterState state)
    {
        if (state.Registered)
        {
            if (string.IsNullOrWhiteSpace(state.Name) || string.IsNullOrWhiteSpace(state.Sector))
                return Refusal.Of(Refusals.ClusterWouldHaveNoName);
            if (state.Kind == ClusterKinds.Spearhead && (state.Province is not null || !ClusterKinds.IsSpearheadSlug(state.Slug)))
                return Refusal.Of(Refusals.ClusterBadSpearhead, ("slug", state.Slug));
            if (state.Kind == ClusterKinds.Provincial && (!ProvinceSlugs.IsKnown(state.Province) || ClusterKinds.IsSpearheadSlug(state.Slug)))
                return Refusal.Of(Refusals.ClusterBadProvincial, ("slug", state.Slug));
            if (!ClusterKinds.All.Contains(state.Kind))
                return Refusal.Of(Refusals.ClusterUnknownKind, ("kind", state.Kind));
        }
        if (state.MembershipBreaches.Count > 0) return state.MembershipBreaches[0];
        foreach (var member in state.Members.Values)
        {
            if (string.IsNullOrWhiteSpace(member.Name)) return Refusal.Of(Refusals.ClusterMemberNoName);
            if (member.Kind is not null && !ClusterMemberKinds.All.Contains(member.Kind))
                return Refusal.Of(Refusals.ClusterMemberUnknownKind, ("name", member.Name), ("kind", member.Kind));
        }
        foreach (var funding in state.Fundings)
        {
            if (funding.Amount <= 0 || decimal.Round(funding.Amount, 2) != funding.Amount)
                return Refusal.Of(Refusals.ClusterFundingAmount, ("amount", funding.Amount));
            if (!ProvinceSlugs.IsKnown(funding.Province))
                return Refusal.Of(Refusals.ClusterFundingProvince, ("province", funding.Province));
            if (!ClusterFundingPurposes.All.Contains(funding.Purpose))
                return Refusal.Of(Refusals.ClusterFundingPurpose, ("purpose", funding.Purpose));
        }
        return null;
    }
}
