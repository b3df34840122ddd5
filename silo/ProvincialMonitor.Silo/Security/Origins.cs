using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// docs/security.md "Origins": a request that would authenticate with the session cookie and names an <c>Origin</c>
/// must name one of the silo's own origins, on every route (the hub's and Blazor's negotiate and transports, the
/// logout, the forms), or it is refused with 403 before authentication. The origins are <c>Auth:AllowedOrigins</c>
/// (e.g. <c>https://monitor.provincie.be</c>), by default the request's own scheme and host. A request with an API
/// key or a bearer token is not held to it, and a request without <c>Origin</c> is not a browser's cross-site one.
/// </summary>
public sealed class Origins
{
    public const string Setting = "Auth:AllowedOrigins";

    private readonly (string Scheme, string Host, int Port)[] _configured;

    private Origins((string, string, int)[] configured) => _configured = configured;

    /// <summary>The configured list (a list, or one value with commas); a value that is not an origin stops the start.</summary>
    public static Origins From(IConfiguration configuration)
    {
        return new Origins([.. SettingList.Values(configuration, Setting).Select(value => Parse(value)
            ?? throw new ConfigurationException($"{Setting} takes origins such as https://monitor.example.be (scheme, host and optional port, no path), not '{value}'."))]);
    }

    public bool Allows(string origin, HttpRequest request)
    {
        if (Parse(origin) is not { } named) return false;
        if (_configured.Length > 0) return _configured.Contains(named);
        var own = (request.Scheme.ToLowerInvariant(), request.Host.Host.ToLowerInvariant(), request.Host.Port ?? DefaultPort(request.Scheme));
        return named == own;
    }

    private static (string Scheme, string Host, int Port)? Parse(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? (uri.Scheme, uri.Host.ToLowerInvariant(), uri.Port)
            : null;

    private static int DefaultPort(string scheme) => scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}

public static class OriginCheck
{
    public static WebApplication UseOriginCheck(this WebApplication app)
    {
        var origins = app.Services.GetRequiredService<Origins>();
        var useOidc = AuthenticationSetup.UsesOidc(app.Configuration);
        app.Use((context, next) =>
        {
            var request = context.Request;
            var origin = request.Headers.Origin.ToString();
            // The identity provider posts its answer from its own origin; its state and nonce protect that request.
            if (origin.Length == 0 || !AuthenticationSetup.UsesSessionCookie(request, useOidc)
                || request.Path.Equals(AuthenticationSetup.OidcCallbackPath) || origins.Allows(origin, request))
                return next(context);
            return Problems.Of(StatusCodes.Status403Forbidden, Problems.Forbidden, "You may not do this.",
                $"A request with the session cookie must come from this site's own pages; the origin '{origin}' is not one of them ({Origins.Setting}).")
                .ExecuteAsync(context);
        });
        return app;
    }
}
