using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Security;

/// <summary>The login form's POST, logout, and the way to the OpenID Connect provider.</summary>
public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AuthenticationSetup.LoginLimit).ExcludeFromDescription();
        app.MapPost("/auth/logout", async (HttpContext http, Sessions sessions) =>
        {
            // The session ends on the server: a copy of the cookie is refused too, and its connections close.
            if (Sessions.IdOf(http.User) is { } session) await sessions.EndAsync(session);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login?afgemeld=1");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/auth/oidc", async (IAuthenticationSchemeProvider schemes, string? returnUrl) =>
                await schemes.GetSchemeAsync(AuthenticationSetup.Oidc) is null
                    ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", "No OpenID Connect provider is configured (Auth:Oidc:Authority).")
                    : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [AuthenticationSetup.Oidc]))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, SecurityAdmin security, LoginThrottle throttle, ILoggerFactory loggers,
        [FromForm] string? login, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var target = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrEmpty(password)) return Results.Redirect($"/login?fout=1&returnUrl={Uri.EscapeDataString(target)}");
        var wait = throttle.WaitFor(login);
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            return Results.Redirect(string.Create(CultureInfo.InvariantCulture, $"/login?fout=3&wacht={seconds}&returnUrl={Uri.EscapeDataString(target)}"));
        }
        if (await security.AuthenticateAsync(login, password) is not { } found)
        {
            throttle.Failed(login);
            loggers.CreateLogger("ProvincialMonitor.Login").LogWarning("Failed login from {Address}", http.Connection.RemoteIpAddress);
            return Results.Redirect($"/login?fout=1&returnUrl={Uri.EscapeDataString(target)}");
        }

        throttle.Succeeded(login);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            ActorClaims.ToPrincipal(found.Actor, CookieAuthenticationDefaults.AuthenticationScheme, found.DisplayName ?? login),
            new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(target);
    }

    /// <summary>Only a path of this site: a login never sends anyone elsewhere.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? url
            : "/";
}
