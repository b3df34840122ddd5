using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// Users and API keys: who they are (login, name, password hash, key hash: the erasable credential
/// table) and what they may do (role and scope: events in the <c>security</c> stream, by pseudonymous id).
/// </summary>
public sealed class SecurityAdmin(EventStoreConnector store, CommandDispatcher dispatcher, IGrainFactory grains)
{
    public const string GrainKey = SecurityIds.Key;
    public const int MinPasswordLength = 12;

    public const int MaxDisplayNameLength = 200;

    private static readonly PasswordHasher<PrincipalName> Hasher = new();
    private static readonly string UnknownUserHash = Hasher.HashPassword(new PrincipalName("", null, null, null), "no such user");

    private CredentialStore Credentials => store.Credentials;
    private ISecurityGrain Grain => grains.GetGrain<ISecurityGrain>(GrainKey);

    public sealed record NewUser(string? Login, string? DisplayName, string? Password, string? Role, string[]? Provinces, string[]? Campaigns);

    public sealed record NewApiKey(string? Role, string[]? Provinces, string[]? Campaigns, string? Label);

    /// <summary>
    /// Registers a user. The security grain claims the login and records the registration in one call, so that
    /// a login is given once however many ask for it at the same time; a refused request writes nothing.
    /// </summary>
    public async Task<(string? ActorId, Refusal? Refusal)> AddUserAsync(Actor by, NewUser user, string source = Sources.Api)
    {
        // A user of the OpenID Connect provider (login oidc:{subject}) has no password here.
        var external = user.Login?.StartsWith("oidc:", StringComparison.Ordinal) == true;
        if (!(external && user.Password is null) && CheckPassword(user.Password) is { } invalid) return (null, invalid);
        if (user.DisplayName is { Length: > MaxDisplayNameLength })
            return (null, Refusal.Invalid("displayName", Refusals.FieldTooLong, ("max", MaxDisplayNameLength)));

        var actorId = "u-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var refusal = await SendAsync(by, new RegisterUser(actorId, user.Role, user.Provinces ?? [], user.Campaigns ?? [], user.Login), source);
        if (refusal is not null) return (null, refusal);
        var hash = user.Password is null ? null : Hasher.HashPassword(new PrincipalName(actorId, user.Login, user.DisplayName, null), user.Password);
        await Credentials.SetNameAsync(actorId, user.DisplayName, hash);
        return (actorId, null);
    }

    public async Task<Refusal?> SetPasswordAsync(Actor by, string login, string? password)
    {
        if (CheckPassword(password) is { } invalid) return invalid;
        if (await Credentials.FindByLoginAsync(login) is not { } name) return UnknownLogin(login);
        if (await SendAsync(by, new RecordPasswordChange(name.ActorId)) is { } refusal) return refusal;
        await Credentials.SetPasswordHashAsync(name.ActorId, Hasher.HashPassword(name, password!));
        return null;
    }

    public Task<Refusal?> DisableAsync(Actor by, string login) => ForLoginAsync(by, login, id => new DisableUser(id));

    public Task<Refusal?> EnableAsync(Actor by, string login) => ForLoginAsync(by, login, id => new EnableUser(id));

    public Task<Refusal?> ChangeRoleAsync(Actor by, string login, string? role, string[]? provinces, string[]? campaigns) =>
        ForLoginAsync(by, login, id => new ChangeUserRole(id, role, provinces ?? [], campaigns ?? []));

    /// <summary>Erases the login and name; the pseudonymous id stays in the log, which still verifies.</summary>
    public async Task<Refusal?> EraseNameAsync(Actor by, string login)
    {
        if (await Credentials.FindByLoginAsync(login) is not { } name) return UnknownLogin(login);
        if (await SendAsync(by, new EraseUserName(name.ActorId)) is { } refusal) return refusal;
        await Credentials.EraseNameAsync(name.ActorId);
        return null;
    }

    /// <summary>Creates a key; the key itself is returned once and never stored.</summary>
    public async Task<(string? KeyId, string? Key, Refusal? Refusal)> CreateApiKeyAsync(Actor by, NewApiKey request, string source = Sources.Api)
    {
        if (request.Label is { Length: > 100 }) return (null, null, Refusal.Invalid("label", Refusals.FieldTooLong, ("max", 100)));
        var (keyId, key) = (ApiKeys.NewKeyId(), ApiKeys.NewKey());
        if (await SendAsync(by, new CreateApiKey(keyId, request.Role, request.Provinces ?? [], request.Campaigns ?? []), source) is { } refusal)
            return (null, null, refusal);
        await Credentials.AddApiKeyAsync(keyId, ApiKeyAuthentication.Hash(key), request.Label);
        return (keyId, key, null);
    }

    public Task<Refusal?> RevokeApiKeyAsync(Actor by, string keyId) => SendAsync(by, new RevokeApiKey(keyId));

    /// <summary>
    /// Creates the admin key of <c>Auth:BootstrapApiKey</c> unless it exists: automation gets in on a fresh
    /// installation without a default password.
    /// </summary>
    public async Task EnsureBootstrapKeyAsync(string key)
    {
        var hash = ApiKeyAuthentication.Hash(key);
        if (await Credentials.FindKeyIdAsync(hash) is not null) return;
        var keyId = "k-bootstrap-" + hash[..8];
        var refusal = await SendAsync(Actor.System, new CreateApiKey(keyId, Roles.Admin, [], []), Sources.Reference);
        if (refusal is not null && refusal.Kind != RefusalKind.Conflict)
            throw new InvalidOperationException($"The bootstrap API key was refused: {refusal.Message}");
        // Silos of a cluster that start together all get here; the first one's row stands.
        await Credentials.AddApiKeyIfAbsentAsync(keyId, hash, "Auth:BootstrapApiKey");
    }

    /// <summary>The actor and display name for a login and password, or null; as slow for an unknown login as for a known one.</summary>
    public async Task<(Actor Actor, string? DisplayName)?> AuthenticateAsync(string login, string password)
    {
        var name = await Credentials.FindByLoginAsync(login);
        if (name?.PasswordHash is null)
        {
            // No such user, or one who logs in elsewhere (OpenID Connect): as slow as a real check, and always refused.
            Hasher.VerifyHashedPassword(new PrincipalName("", null, null, null), UnknownUserHash, password);
            return null;
        }
        var verified = Hasher.VerifyHashedPassword(name, name.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed) return null;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            await Credentials.SetPasswordHashAsync(name.ActorId, Hasher.HashPassword(name, password));
        var actor = await Grain.ActorFor(name.ActorId);
        return actor is null ? null : (actor, name.DisplayName);
    }

    public Task<Actor?> CurrentActorAsync(string actorId) => Grain.ActorFor(actorId);

    public Task<PrincipalName?> FindByLoginAsync(string login) => Credentials.FindByLoginAsync(login);

    public Task<IReadOnlyList<PrincipalName>> ListNamesAsync() => Credentials.ListUsersAsync();

    public Task<IReadOnlyList<ApiKeyRecord>> ListKeyRecordsAsync() => Credentials.ListApiKeysAsync();

    public Task<SecurityView> SnapshotAsync() => Grain.Snapshot();

    private async Task<Refusal?> ForLoginAsync(Actor by, string login, Func<string, SecurityCommand> command) =>
        await Credentials.FindByLoginAsync(login) is { } name ? await SendAsync(by, command(name.ActorId)) : UnknownLogin(login);

    private async Task<Refusal?> SendAsync(Actor by, SecurityCommand command, string source = Sources.Api) =>
        (await dispatcher.SendAsync<ISecurityGrain, SecurityCommand>(GrainKey, command, new CommandRequest(by, source))).Refusal;

    private static Refusal UnknownLogin(string login) => Refusal.Of(Refusals.UserUnknownLogin, ("login", login));

    private static Refusal? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength
            ? Refusal.Invalid("password", Refusals.FieldTooShort, ("min", MinPasswordLength))
            : password.Length > 200 ? Refusal.Invalid("password", Refusals.FieldTooLong, ("max", 200)) : null;
}
