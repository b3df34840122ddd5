using System.Collections.Immutable;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;

namespace ProvincialMonitor.Grains.Security;

[GenerateSerializer, Immutable]
public sealed record SecurityUser(
    [property: Id(0)] string ActorId,
    [property: Id(1)] string Role,
    [property: Id(2)] ImmutableList<string> Provinces,
    [property: Id(3)] ImmutableList<string> Campaigns,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] bool NameErased);

[GenerateSerializer, Immutable]
public sealed record SecurityApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Role,
    [property: Id(2)] ImmutableList<string> Provinces,
    [property: Id(3)] ImmutableList<string> Campaigns,
    [property: Id(4)] bool Revoked);

/// <summary>
/// Who may do what as the security stream's events made it: users by actor id, API keys by key id; and the grants'
/// beneficiaries whose names were erased, by their pseudonymous id.
/// </summary>
/// <remarks>
/// Users and keys are never removed: a disabled user, an erased name and a revoked key stay, so that their ids
/// cannot be given to someone else and the log keeps naming the same party.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record SecurityState(
    [property: Id(0)] ImmutableDictionary<string, SecurityUser> Users,
    [property: Id(1)] ImmutableDictionary<string, SecurityApiKey> Keys,
    [property: Id(2)] ImmutableHashSet<string> ErasedBeneficiaries)
{
    public static readonly SecurityState Empty = new(
        ImmutableDictionary<string, SecurityUser>.Empty, ImmutableDictionary<string, SecurityApiKey>.Empty, ImmutableHashSet<string>.Empty);

    /// <summary>The actor a signed-in user acts as; null if the id is unknown or the user is disabled.</summary>
    public Actor? ActorFor(string actorId) =>
        actorId is not null && Users.TryGetValue(actorId, out var user) && !user.Disabled
            ? new Actor(user.ActorId, user.Role, [.. user.Provinces], [.. user.Campaigns])
            : null;

    /// <summary>
    /// The actor an API key acts as, with the id <c>key:{keyId}</c> (<see cref="SecurityIds.KeyActorPrefix"/>);
    /// null if the key is unknown or revoked.
    /// </summary>
    public Actor? ActorForKey(string keyId) =>
        keyId is not null && Keys.TryGetValue(keyId, out var key) && !key.Revoked
            ? new Actor(SecurityIds.KeyActorId(key.KeyId), key.Role, [.. key.Provinces], [.. key.Campaigns])
            : null;

    public SecurityView ToView() => new(
        [.. Users.Values.OrderBy(u => u.ActorId, StringComparer.Ordinal)
            .Select(u => new SecurityUserView(u.ActorId, u.Role, [.. u.Provinces], [.. u.Campaigns], u.Disabled, u.NameErased))],
        [.. Keys.Values.OrderBy(k => k.KeyId, StringComparer.Ordinal)
            .Select(k => new ApiKeyView(k.KeyId, k.Role, [.. k.Provinces], [.. k.Campaigns], k.Revoked))]);
}
