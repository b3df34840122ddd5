using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// A change to who may do what (key <c>security</c>). Not in the <see cref="CommandCatalog"/>: only an admin
/// sends these, which the dispatcher's role check enforces by default, and the decider checks again.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record SecurityCommand : Command;

/// <summary>
/// A new user with a login. The login goes to the erasable name table, never into the event; the security
/// grain claims it there before deciding, so that of concurrent registrations of one login only the first is
/// stored (logins are compared without regard to case).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegisterUser(string? ActorId, string? Role, string[]? Provinces, string[]? Campaigns, string? Login) : SecurityCommand
{
    public const int MaxLoginLength = 100;

    protected override void ValidateFields(Checks check)
    {
        check.SecurityId("actorId", ActorId);
        // "system" is the actor of reference data; a user with that id could not be told apart in the log.
        if (ActorId == Actor.System.Id) check.Add("actorId", Refusals.FieldReservedForSystem);
        check.RoleAndScope(Role, Provinces, Campaigns);
        if (check.Required("login", Login)
            && (Login!.Length > MaxLoginLength || !Login.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or ':')))
            check.Add("login", Refusals.FieldNotALogin, ("max", MaxLoginLength));
    }
}

[GenerateSerializer, Immutable]
public sealed record ChangeUserRole(string? ActorId, string? Role, string[]? Provinces, string[]? Campaigns) : SecurityCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.SecurityId("actorId", ActorId);
        check.RoleAndScope(Role, Provinces, Campaigns);
    }
}

[GenerateSerializer, Immutable]
public sealed record DisableUser(string? ActorId) : SecurityCommand
{
    protected override void ValidateFields(Checks check) => check.SecurityId("actorId", ActorId);
}

[GenerateSerializer, Immutable]
public sealed record EnableUser(string? ActorId) : SecurityCommand
{
    protected override void ValidateFields(Checks check) => check.SecurityId("actorId", ActorId);
}

[GenerateSerializer, Immutable]
public sealed record RecordPasswordChange(string? ActorId) : SecurityCommand
{
    protected override void ValidateFields(Checks check) => check.SecurityId("actorId", ActorId);
}

[GenerateSerializer, Immutable]
public sealed record EraseUserName(string? ActorId) : SecurityCommand
{
    protected override void ValidateFields(Checks check) => check.SecurityId("actorId", ActorId);
}

/// <summary>Records that a grant's beneficiary's name and company number are erased; the id is <c>ben_</c> and 32 hex digits.</summary>
[GenerateSerializer, Immutable]
public sealed record EraseBeneficiaryName(string? BeneficiaryId) : SecurityCommand
{
    protected override void ValidateFields(Checks check)
    {
        if (check.Required("beneficiaryId", BeneficiaryId) && !Beneficiaries.IsId(BeneficiaryId))
            check.Add("beneficiaryId", Refusals.FieldNotABeneficiaryId);
    }
}

[GenerateSerializer, Immutable]
public sealed record CreateApiKey(string? KeyId, string? Role, string[]? Provinces, string[]? Campaigns) : SecurityCommand
{
    protected override void ValidateFields(Checks check)
    {
        check.SecurityId("keyId", KeyId);
        check.RoleAndScope(Role, Provinces, Campaigns);
    }
}

[GenerateSerializer, Immutable]
public sealed record RevokeApiKey(string? KeyId) : SecurityCommand
{
    protected override void ValidateFields(Checks check) => check.SecurityId("keyId", KeyId);
}

/// <summary>The stateless checks of the security commands: ids, and a role with the scope it needs.</summary>
public static class SecurityChecks
{
    /// <summary>More campaigns than this is a mistake, not a scope; it also bounds the size of an event.</summary>
    public const int MaxCampaigns = 100;

    public static void SecurityId(this Checks check, string field, string? value)
    {
        if (!check.Required(field, value)) return;
        if (!SecurityIds.IsWellFormed(value))
            check.Add(field, Refusals.FieldNotAnId, ("max", SecurityIds.MaxIdLength));
    }

    /// <summary>
    /// An officer acts for provinces and a coordinator for campaigns, so each needs at least one and carries
    /// nothing else; the other roles act everywhere or nowhere, so a scope given with them is a mistake.
    /// </summary>
    public static void RoleAndScope(this Checks check, string? role, string[]? provinces, string[]? campaigns)
    {
        check.OneOf("role", role, SecurityIds.Roles);
        provinces ??= [];
        campaigns ??= [];
        for (var i = 0; i < provinces.Length; i++)
        {
            check.Province($"provinces[{i}]", provinces[i]);
            if (provinces[i] is not null && Array.IndexOf(provinces, provinces[i]) < i) check.Add($"provinces[{i}]", Refusals.FieldGivenTwice);
        }
        if (campaigns.Length > MaxCampaigns) check.Add("campaigns", Refusals.FieldTooManyCampaigns, ("max", MaxCampaigns));
        for (var i = 0; i < campaigns.Length; i++)
        {
            check.Slug($"campaigns[{i}]", campaigns[i] is { } entry ? CampaignScope.SlugPart(entry) : null);
            if (campaigns[i] is not null && Array.IndexOf(campaigns, campaigns[i]) < i) check.Add($"campaigns[{i}]", Refusals.FieldGivenTwice);
        }

        switch (role)
        {
            case Roles.Officer:
                if (provinces.Length == 0) check.Add("provinces", Refusals.FieldOfficerWithoutProvince);
                if (campaigns.Length > 0) check.Add("campaigns", Refusals.FieldOfficerCampaigns);
                break;
            case Roles.Coordinator:
                if (campaigns.Length == 0) check.Add("campaigns", Refusals.FieldCoordinatorWithoutCampaign);
                if (provinces.Length > 0) check.Add("provinces", Refusals.FieldCoordinatorProvinces);
                break;
            case Roles.Deputy or Roles.Auditor or Roles.Admin or Roles.Metrics:
                if (provinces.Length > 0) check.Add("provinces", Refusals.FieldRoleProvinces, ("role", role));
                if (campaigns.Length > 0) check.Add("campaigns", Refusals.FieldRoleCampaigns, ("role", role));
                break;
        }
    }
}
