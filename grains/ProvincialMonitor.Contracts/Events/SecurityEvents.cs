namespace ProvincialMonitor.Contracts.Events;

// The security stream records who may do what, for audit. Its events carry only pseudonymous ids, roles
// and scopes: names, logins, password hashes and key material live in a separate table that can be erased,
// while these events, like every event, are never updated or deleted.

/// <summary>A user gets an id, a role and a scope (provinces for an officer, campaigns for a coordinator).</summary>
public sealed record UserRegistered(string ActorId, string Role, string[] Provinces, string[] Campaigns) : IDomainEvent;

/// <summary>The user's role and scope as they are from now on; they replace the earlier ones whole.</summary>
public sealed record UserRoleChanged(string ActorId, string Role, string[] Provinces, string[] Campaigns) : IDomainEvent;

public sealed record UserDisabled(string ActorId) : IDomainEvent;

public sealed record UserEnabled(string ActorId) : IDomainEvent;

/// <summary>That the password changed, not the password: the hash is in the name table.</summary>
public sealed record UserPasswordChanged(string ActorId) : IDomainEvent;

/// <summary>The person's name and login were erased from the name table; the id, and what it did, stay.</summary>
public sealed record UserNameErased(string ActorId) : IDomainEvent;

/// <summary>
/// A grant's beneficiary's name and company number were erased from their table outside the hash chain; the
/// event holds the pseudonymous id only (<see cref="Beneficiaries"/>), the admin who erased is its actor.
/// </summary>
public sealed record BeneficiaryNameErased(string BeneficiaryId) : IDomainEvent;

/// <summary>An API key gets an id, a role and a scope; its secret is in the name table, never here.</summary>
public sealed record ApiKeyCreated(string KeyId, string Role, string[] Provinces, string[] Campaigns) : IDomainEvent;

public sealed record ApiKeyRevoked(string KeyId) : IDomainEvent;

/// <summary>The ids of the security stream.</summary>
public static class SecurityIds
{
    /// <summary>The one security stream and the grain's only key.</summary>
    public const string Key = "security";

    /// <summary>
    /// An API key acts as <c>key:{keyId}</c>. The colon is not allowed in an id, so a key's actor can never
    /// be taken for a user with the same id, in event metadata or in the idempotency keys of a principal.
    /// </summary>
    public const string KeyActorPrefix = "key:";

    public const int MaxIdLength = 64;

    public static string KeyActorId(string keyId) => KeyActorPrefix + keyId;

    /// <summary>An id of a user or a key: 1 to 64 ASCII letters, digits and hyphens.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-');

    /// <summary>The roles, in the order they are listed.</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        Contracts.Roles.Deputy, Contracts.Roles.Officer, Contracts.Roles.Coordinator, Contracts.Roles.Auditor, Contracts.Roles.Admin,
        Contracts.Roles.Metrics,
    ];
}
