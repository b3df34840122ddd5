using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Api;

/// <summary>The actor of a request: the authenticated principal, never anything in the request body.</summary>
public static class Principals
{
    public static Actor Of(HttpContext http) =>
        ActorClaims.ToActor(http.User) ?? throw new InvalidOperationException("The fallback policy lets only authenticated actors through.");
}
