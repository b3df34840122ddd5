using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// A key that lives only in this process's memory: 256 random bits made at start, never stored, printed or
/// sent anywhere but to this silo's own HTTP endpoint. The demo simulation (<c>--demo</c>) uses it to call
/// the API as the <c>system</c> principal, and only a request with it may mark its events as source
/// <c>demo</c>, as the demo data loaded at start is.
/// </summary>
public sealed class InProcessKey
{
    /// <summary>The claim that marks a principal authenticated with this key.</summary>
    public const string Claim = "provmon:in-process";

    private readonly byte[] _hash;

    public InProcessKey()
    {
        Value = ApiKeys.NewKey();
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
    }

    public string Value { get; }

    public bool Matches(string key) => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), _hash);

    public static ClaimsPrincipal Principal(string scheme)
    {
        var principal = ActorClaims.ToPrincipal(Actor.System, scheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Claim, "true"));
        return principal;
    }

    public static bool IsInProcess(ClaimsPrincipal user) => user.HasClaim(Claim, "true");
}
