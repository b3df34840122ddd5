using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ProvincialMonitor.Contracts.Grains;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// <c>X-Api-Key</c>: a random 256-bit key, stored only as its SHA-256 (fast enough to check on every
/// request, and a leaked table reveals no key). Its role and scope come from the security stream.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Hosting.EventStoreConnector store, IGrainFactory grains, InProcessKey inProcess)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Header = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null) return AuthenticateResult.NoResult();
        if (inProcess.Matches(key)) return AuthenticateResult.Success(new AuthenticationTicket(InProcessKey.Principal(Scheme.Name), Scheme.Name));
        string? keyId;
        try
        {
            keyId = await store.Credentials.FindKeyIdAsync(Hash(key), Context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or EventStore.EventStoreException)
        {
            // Not the caller's fault: the challenge answers 503, not 401.
            Context.Items[StoreDown] = true;
            return AuthenticateResult.Fail(ex);
        }
        var actor = keyId is null ? null : await grains.GetGrain<ISecurityGrain>(SecurityAdmin.GrainKey).ActorForKey(keyId);
        return actor is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(actor, Scheme.Name, keyId), Scheme.Name));
    }

    private const string StoreDown = "provmon:store-down";

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.Items.ContainsKey(StoreDown)
        ? Api.Problems.From(Contracts.Commands.Refusal.Of(Contracts.Commands.Refusals.StoreKeyUnchecked)).ExecuteAsync(Context)
        : Api.Problems.Of(StatusCodes.Status401Unauthorized, Api.Problems.Unauthenticated, "Authentication is required.",
            "The API key is unknown or revoked.").ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Api.Problems.Of(StatusCodes.Status403Forbidden, Api.Problems.Forbidden, "You may not do this.",
            "The role of this API key does not allow it.").ExecuteAsync(Context);

    /// <summary>
    /// The key from the header; from <c>Authorization: Bearer pmk_…</c> (what a Prometheus server sends); or from
    /// <c>access_token</c> on the hub (browsers cannot set headers there).
    /// </summary>
    public static string? KeyOf(HttpRequest request)
    {
        var header = request.Headers[Header].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(header)) return header.Trim();
        if (request.Headers.Authorization.FirstOrDefault() is { } authorization
            && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && authorization[BearerPrefix.Length..].Trim() is var bearer && bearer.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal))
            return bearer;
        return request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].FirstOrDefault() is { } token
               && token.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) ? token : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public static class ApiKeys
{
    public const string Prefix = "pmk_";

    /// <summary>A new key: the prefix and 256 random bits, base64url. Shown once; only its hash is kept.</summary>
    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewKeyId() => "k-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
