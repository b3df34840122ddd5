using System.Collections.Immutable;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Security;

/// <summary>
/// The rules of who may do what: pure functions from state and command to events, and from events to state.
/// There is one security stream, whatever the key. It has no corrections or retractions: a wrong role is
/// changed again, a wrong user disabled, a wrong key revoked, and each of those is itself on record.
/// </summary>
public sealed class SecurityDecider : IDecider<SecurityState, SecurityCommand>
{
    public static string StreamId(string key) => StreamIds.Security;

    /// <summary>The security stream always exists: it has no registration.</summary>
    public static bool Exists(SecurityState state) => true;

    public static History<SecurityState> Initial(string key) => new(SecurityState.Empty, [], 0);

    public static Decision Decide(History<SecurityState> history, SecurityCommand command, CommandContext context)
    {
        if (EffectiveDates.Resolve(command, context, out var effective) is { } invalidDate) return invalidDate;
        if (!context.Actor.IsAdmin) return Refusal.Of(Refusals.ScopeAdminRecordsSecurity);
        var state = history.State;
        var self = context.Actor.Id;
        Decision Accept(IDomainEvent e, IEnumerable<string> provinces) =>
            Decision.Accept(new NewEvent(e, effective, new EventScope([.. provinces], null, [])));

        switch (command)
        {
            case RegisterUser register:
                var newId = register.ActorId!;
                if (state.Users.ContainsKey(newId)) return Refusal.Of(Refusals.UserAlreadyRegistered, ("actorId", newId));
                var (provinces, campaigns) = ScopeOf(register.Provinces, register.Campaigns);
                return Accept(new UserRegistered(newId, register.Role!, provinces, campaigns), provinces);

            case ChangeUserRole change:
                if (Find(state, change.ActorId!) is not { } changed) return UnknownUser(change.ActorId!);
                // The admin who acts stays one, so that someone can still manage the installation.
                if (changed.ActorId == self && change.Role != Roles.Admin)
                    return Refusal.Of(Refusals.UserOwnAdminRole);
                var (newProvinces, newCampaigns) = ScopeOf(change.Provinces, change.Campaigns);
                // A change that changes nothing would only add noise to the audit trail.
                if (changed.Role == change.Role && SameScope(changed.Provinces, newProvinces) && SameScope(changed.Campaigns, newCampaigns))
                    return Refusal.Of(Refusals.UserSameRole, ("actorId", changed.ActorId));
                // Filed under the provinces before and after, so that each province's view sees who left and who came.
                return Accept(new UserRoleChanged(changed.ActorId, change.Role!, newProvinces, newCampaigns),
                    changed.Provinces.Union(newProvinces));

            case DisableUser disable:
                if (Find(state, disable.ActorId!) is not { } disabled) return UnknownUser(disable.ActorId!);
                if (disabled.ActorId == self)
                    return Refusal.Of(Refusals.UserDisableSelf);
                if (disabled.Disabled) return Refusal.Of(Refusals.UserAlreadyDisabled, ("actorId", disabled.ActorId));
                return Accept(new UserDisabled(disabled.ActorId), disabled.Provinces);

            case EnableUser enable:
                if (Find(state, enable.ActorId!) is not { } enabled) return UnknownUser(enable.ActorId!);
                if (!enabled.Disabled) return Refusal.Of(Refusals.UserAlreadyEnabled, ("actorId", enabled.ActorId));
                return Accept(new UserEnabled(enabled.ActorId), enabled.Provinces);

            case RecordPasswordChange password:
                if (Find(state, password.ActorId!) is not { } user) return UnknownUser(password.ActorId!);
                return Accept(new UserPasswordChanged(user.ActorId), user.Provinces);

            case EraseUserName erase:
                if (Find(state, erase.ActorId!) is not { } erased) return UnknownUser(erase.ActorId!);
                if (erased.NameErased) return Refusal.Of(Refusals.UserNameErased, ("actorId", erased.ActorId));
                return Accept(new UserNameErased(erased.ActorId), erased.Provinces);

            case EraseBeneficiaryName beneficiary:
                var beneficiaryId = beneficiary.BeneficiaryId!;
                if (state.ErasedBeneficiaries.Contains(beneficiaryId))
                    return Refusal.Of(Refusals.BeneficiaryNameErased, ("beneficiaryId", beneficiaryId));
                return Accept(new BeneficiaryNameErased(beneficiaryId), []);

            case CreateApiKey create:
                var keyId = create.KeyId!;
                // Once, even after revocation: a key id names one key in the log for good.
                if (state.Keys.ContainsKey(keyId)) return Refusal.Of(Refusals.ApiKeyAlreadyCreated, ("keyId", keyId));
                var (keyProvinces, keyCampaigns) = ScopeOf(create.Provinces, create.Campaigns);
                return Accept(new ApiKeyCreated(keyId, create.Role!, keyProvinces, keyCampaigns), keyProvinces);

            case RevokeApiKey revoke:
                if (!state.Keys.TryGetValue(revoke.KeyId!, out var key)) return Refusal.Of(Refusals.ApiKeyNotFound, ("keyId", revoke.KeyId));
                if (key.Revoked) return Refusal.Of(Refusals.ApiKeyAlreadyRevoked, ("keyId", key.KeyId));
                return Accept(new ApiKeyRevoked(key.KeyId), key.Provinces);

            default:
                return Refusal.Invalid("command", Refusals.CommandNotForSecurity, ("command", command.GetType().Name));
        }
    }

    private static SecurityUser? Find(SecurityState state, string actorId) => state.Users.GetValueOrDefault(actorId);

    private static Refusal UnknownUser(string actorId) => Refusal.Of(Refusals.UserNotRegistered, ("actorId", actorId));

    private static (string[] Provinces, string[] Campaigns) ScopeOf(string[]? provinces, string[]? campaigns) =>
        (provinces ?? [], campaigns ?? []);

    private static bool SameScope(ImmutableList<string> before, string[] after) => before.ToHashSet().SetEquals(after);

    /// <summary>
    /// Never throws, whatever the order of the events or the values in them (a store edited by hand): an
    /// event about an unknown id, or a second registration of one, changes nothing.
    /// </summary>
    public static SecurityState Apply(SecurityState state, IDomainEvent e) => e switch
    {
        UserRegistered r when r.ActorId is not null && !state.Users.ContainsKey(r.ActorId) =>
            state with { Users = state.Users.Add(r.ActorId, new SecurityUser(r.ActorId, r.Role ?? "", List(r.Provinces), List(r.Campaigns), false, false)) },
        UserRoleChanged c => UpdateUser(state, c.ActorId, u => u with { Role = c.Role ?? "", Provinces = List(c.Provinces), Campaigns = List(c.Campaigns) }),
        UserDisabled d => UpdateUser(state, d.ActorId, u => u with { Disabled = true }),
        UserEnabled en => UpdateUser(state, en.ActorId, u => u with { Disabled = false }),
        UserNameErased n => UpdateUser(state, n.ActorId, u => u with { NameErased = true }),
        BeneficiaryNameErased b when b.BeneficiaryId is not null =>
            state with { ErasedBeneficiaries = state.ErasedBeneficiaries.Add(b.BeneficiaryId) },
        ApiKeyCreated k when k.KeyId is not null && !state.Keys.ContainsKey(k.KeyId) =>
            state with { Keys = state.Keys.Add(k.KeyId, new SecurityApiKey(k.KeyId, k.Role ?? "", List(k.Provinces), List(k.Campaigns), false)) },
        ApiKeyRevoked k when k.KeyId is not null && state.Keys.TryGetValue(k.KeyId, out var key) =>
            state with { Keys = state.Keys.SetItem(k.KeyId, key with { Revoked = true }) },
        // A password change is on record for audit; the state holds no password.
        _ => state,
    };

    public static History<SecurityState> Evolve(History<SecurityState> history, Fact fact, IDomainEvent e) =>
        Evolution.Evolve(history, fact, e, Apply, SecurityState.Empty);

    private static SecurityState UpdateUser(SecurityState state, string? actorId, Func<SecurityUser, SecurityUser> change) =>
        actorId is not null && state.Users.TryGetValue(actorId, out var user)
            ? state with { Users = state.Users.SetItem(actorId, change(user)) }
            : state;

    // JSON read from the store may hold null where the type says it cannot.
    private static ImmutableList<string> List(string[]? values) => values is null ? [] : [.. values];
}
