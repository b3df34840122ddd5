using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// Who is calling: a cookie for the dashboard (built-in users or OpenID Connect), <c>X-Api-Key</c> or a
/// bearer token for programs. Every route needs an authenticated actor except health and the login page;
/// the API answers 401, pages redirect to the login page.
/// </summary>
public static class AuthenticationSetup
{
    public const string Smart = "provmon";
    public const string ApiKey = "ApiKey";
    public const string Oidc = "oidc";
    public const string LoginLimit = "login";
    public const string SessionCookie = "provmon.session";
    public const string OidcCallbackPath = "/signin-oidc";

    public static WebApplicationBuilder AddSiloAuthentication(this WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection("Auth:Oidc");
        var useOidc = !string.IsNullOrWhiteSpace(oidc["Authority"]);
        var sessionMinutes = builder.Configuration.GetValue("Auth:SessionMinutes", 60);

        builder.Services.AddSingleton<InProcessKey>();
        builder.Services.AddSingleton(Origins.From(builder.Configuration));
        builder.Services.AddSingleton<LoginThrottle>();
        builder.AddForwardedProxies();
        // Secure whenever the request came over HTTPS, directly or as a known proxy forwards it.
        builder.Services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddSingleton<Sessions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Sessions>());
        builder.Services.Configure<HubOptions>(o => o.AddFilter<SessionConnections>());
        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "API key, bearer token or cookie", o => o.ForwardDefaultSelector = context => SchemeOf(context.Request, useOidc))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKey, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.Events.OnRedirectToLogin = context => Unauthorized(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Unauthorized(context, StatusCodes.Status403Forbidden);
                o.Events.OnSigningIn = StartSessionAsync;
                o.Events.OnValidatePrincipal = RevalidateAsync;
            });

        if (useOidc)
        {
            authentication
                .AddJwtBearer(o =>
                {
                    o.Authority = oidc["Authority"];
                    o.Audience = oidc["Audience"] ?? oidc["ClientId"];
                    o.MapInboundClaims = false;
                    o.Events = new JwtBearerEvents
                    {
                        // SignalR clients in browsers cannot set headers on WebSockets: the hub takes the token from the query.
                        OnMessageReceived = context =>
                        {
                            if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"].FirstOrDefault() is { } token
                                && !token.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal))
                                context.Token = token;
                            return Task.CompletedTask;
                        },
                        OnTokenValidated = context => MapExternalAsync(context.HttpContext, context.Principal!, p => context.Principal = p, context.Fail),
                    };
                })
                .AddOpenIdConnect(Oidc, o =>
                {
                    o.Authority = oidc["Authority"];
                    o.ClientId = oidc["ClientId"];
                    o.ClientSecret = oidc["ClientSecret"];
                    o.ResponseType = "code";
                    o.MapInboundClaims = false;
                    o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.CallbackPath = OidcCallbackPath;
                    o.Events = new OpenIdConnectEvents { OnTokenValidated = context => MapExternalAsync(context.HttpContext, context.Principal!, p => context.Principal = p, context.Fail) };
                });
        }

        // Every route needs an actor; the metrics role reads /metrics only, so the routes without a policy of their own refuse it.
        var actor = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ActorClaims.ActorId)
            .RequireAssertion(context => !context.User.IsInRole(Roles.Metrics)).Build();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(actor)
            .SetFallbackPolicy(actor)
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Api.AuditApi.Policy, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(Roles.Metrics, p => p.RequireRole(Roles.Metrics, Roles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();
        builder.Services.AddSingleton<SecurityAdmin>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.HttpContext.Request.Path.StartsWithSegments("/api")) return RateLimits.RejectAsync(context);
                // The login form shows the reason instead of a bare 429.
                context.HttpContext.Response.Redirect("/login?fout=2");
                return ValueTask.CompletedTask;
            };
            RateLimits.Configure(o, builder.Configuration);
            o.AddPolicy(LoginLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
        });
        return builder;
    }

    /// <summary>
    /// The scheme a request authenticates with: an API key (<c>X-Api-Key</c>, or a bearer token that is one), a bearer
    /// token of the identity provider (with OpenID Connect), else the cookie.
    /// </summary>
    private static string SchemeOf(HttpRequest request, bool useOidc) =>
        ApiKeyAuthentication.KeyOf(request) is not null ? ApiKey
        : useOidc && (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                      || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token")))
            ? JwtBearerDefaults.AuthenticationScheme
        : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Whether the request carries the session cookie and would authenticate with it (no API key, no bearer token).</summary>
    public static bool UsesSessionCookie(HttpRequest request, bool useOidc) =>
        request.Cookies.ContainsKey(SessionCookie) && SchemeOf(request, useOidc) == CookieAuthenticationDefaults.AuthenticationScheme;

    public static bool UsesOidc(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Auth:Oidc:Authority"]);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs")
        || request.Path.StartsWithSegments(Observability.ObservabilitySetup.MetricsPath);

    /// <summary>The API, the hub and /metrics answer 401/403 as problems; pages (the Orleans dashboard too) go to the login page.</summary>
    private static Task Unauthorized(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!IsApi(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return Problems.Of(status, status == 401 ? Problems.Unauthenticated : Problems.Forbidden,
                status == 401 ? "Authentication is required." : "You may not do this.",
                status == 401 ? "Send X-Api-Key, a bearer token, or log in." : "Your role does not allow this.")
            .ExecuteAsync(context.HttpContext);
    }

    /// <summary>Every sign-in with the cookie (the login form, OpenID Connect) starts a session of its own.</summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (ActorClaims.ToActor(context.Principal!) is not { } actor) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        Sessions.WithSession(context.Principal!, await sessions.StartAsync(actor.Id, context.HttpContext.RequestAborted));
    }

    /// <summary>
    /// On every request with the cookie: its session must be open (a logout ended it), and it follows the security
    /// stream: a disabled user is signed out, a changed role applies at once.
    /// </summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var current = ActorClaims.ToActor(context.Principal!);
        var session = Sessions.IdOf(context.Principal!);
        var open = session is not null && await services.GetRequiredService<Sessions>().IsOpenAsync(session, context.HttpContext.RequestAborted);
        var latest = current is null || !open ? null : await services.GetRequiredService<SecurityAdmin>().CurrentActorAsync(current.Id);
        if (latest is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (!latest.SameAs(current!))
        {
            context.ReplacePrincipal(Sessions.WithSession(
                ActorClaims.ToPrincipal(latest, CookieAuthenticationDefaults.AuthenticationScheme, context.Principal!.Identity?.Name), session!));
            context.ShouldRenew = true;
        }
    }

    /// <summary>An OpenID Connect subject is one of our users when an admin added the login <c>oidc:{sub}</c>.</summary>
    private static async Task MapExternalAsync(HttpContext http, ClaimsPrincipal external, Action<ClaimsPrincipal> replace, Action<string> fail)
    {
        var subject = external.FindFirstValue("sub");
        var admin = http.RequestServices.GetRequiredService<SecurityAdmin>();
        var name = subject is null ? null : await admin.FindByLoginAsync($"oidc:{subject}");
        var actor = name is null ? null : await admin.CurrentActorAsync(name.ActorId);
        if (actor is null)
        {
            fail("This identity is not a user of ProvincialMonitor.");
            return;
        }
        replace(ActorClaims.ToPrincipal(actor, external.Identity?.AuthenticationType ?? Oidc, external.FindFirstValue("name") ?? name!.DisplayName));
    }
}
