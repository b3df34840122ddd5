using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// An open Blazor circuit checks every minute that its session is open and its user still enabled with the same
/// role and scope; otherwise the dashboard loses its authentication and shows the login page. (An ended session's
/// circuit is closed sooner: <see cref="Sessions"/> closes its connection.)
/// </summary>
public sealed class CircuitRevalidation(ILoggerFactory loggers, SecurityAdmin security, Sessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var actor = ActorClaims.ToActor(authenticationState.User);
        if (actor is null || Sessions.IdOf(authenticationState.User) is not { } session || !await sessions.IsOpenAsync(session, cancellationToken)) return false;
        var latest = await security.CurrentActorAsync(actor.Id);
        return latest is not null && latest.SameAs(actor);
    }
}
