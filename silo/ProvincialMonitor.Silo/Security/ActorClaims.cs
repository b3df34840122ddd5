using System.Security.Claims;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Silo.Security;

/// <summary>An <see cref="Actor"/> as the claims of an authenticated principal, and back.</summary>
public static class ActorClaims
{
    public const string ActorId = "provmon:actor";
    public const string Province = "provmon:province";
    public const string Campaign = "provmon:campaign";

    public static ClaimsPrincipal ToPrincipal(Actor actor, string scheme, string? displayName = null)
    {
        var claims = new List<Claim> { new(ActorId, actor.Id), new(ClaimTypes.Role, actor.Role), new(ClaimTypes.Name, displayName ?? actor.Id) };
        claims.AddRange(actor.Provinces.Select(p => new Claim(Province, p)));
        claims.AddRange(actor.Campaigns.Select(c => new Claim(Campaign, c)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The actor of an authenticated principal; null when it carries no actor of ours.</summary>
    public static Actor? ToActor(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ActorId);
        var role = user.FindFirstValue(ClaimTypes.Role);
        if (user.Identity?.IsAuthenticated != true || id is null || role is null) return null;
        return new Actor(id, role, [.. user.FindAll(Province).Select(c => c.Value)], [.. user.FindAll(Campaign).Select(c => c.Value)]);
    }

    public static bool SameAs(this Actor actor, Actor other) =>
        actor.Id == other.Id && actor.Role == other.Role
        && actor.Provinces.Order().SequenceEqual(other.Provinces.Order())
        && actor.Campaigns.Order().SequenceEqual(other.Campaigns.Order());
}
