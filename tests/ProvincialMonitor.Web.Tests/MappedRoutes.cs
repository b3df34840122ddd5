using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ProvincialMonitor.Web.Tests;

/// <summary>One verb on one route template of the running silo, with the names its handler reads from the query string.</summary>
public sealed record MappedRoute(string Method, RoutePattern Pattern, IReadOnlyList<string> QueryParameters)
{
    public string Template => "/" + (Pattern.RawText ?? "").TrimStart('/');

    public IReadOnlyList<string> Parameters => [.. Pattern.Parameters.Select(p => p.Name)];

    /// <summary>The path with each parameter's value (escaped) as <paramref name="valueOf"/> gives it.</summary>
    public string Path(Func<string, string> valueOf)
    {
        var path = new StringBuilder();
        foreach (var segment in Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter.Name)),
                    _ => "",
                });
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The routes of the running silo, read from its endpoint data source: a route added later is tested without
/// anyone adding it to a list. Static files (served as they are, one endpoint each) are left out.
/// </summary>
public static class MappedRoutes
{
    public static IReadOnlyList<MappedRoute> Of(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new MappedRoute(m, e.RoutePattern, QueryParametersOf(e))))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    /// <summary>
    /// What the query string gives: a handler's parameters of a simple type that the route does not give, the query
    /// parameters a route reads itself (its QueryDescription), and a page's properties supplied from the query.
    /// </summary>
    private static string[] QueryParametersOf(RouteEndpoint endpoint) =>
    [
        .. endpoint.Metadata.OfType<ProvincialMonitor.Silo.Api.QueryDescription>().SelectMany(q => q.Parameters).Select(p => p.Name),
        .. endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => endpoint.RoutePattern.GetParameter(p.Name) is null)
            .Where(p => (Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) ?? p.ParameterInfo.ParameterType) is var type
                && (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(Guid)))
            .Select(p => p.Name),
        .. (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type
                .GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic) ?? [])
            .Select(p => (p.Name, Query: System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute>(p)))
            .Where(p => p.Query is not null)
            .Select(p => p.Query!.Name ?? p.Name),
    ];
}

public static class RouteValues
{
    /// <summary>
    /// A value for a route parameter that names something the fixture holds (its project, Limburg, the VIL cluster,
    /// the campaign <c>fuzz-markt</c> and its market <c>as-1</c>), so that a request gets past the lookup; "x" otherwise.
    /// </summary>
    public static string RouteValue(this ApiFixture api, MappedRoute route, string name)
    {
        var template = route.Template;
        bool Under(params string[] prefixes) => prefixes.Any(p => template.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        var policies = route.Pattern.GetParameter(name)?.ParameterPolicies.Select(p => p.Content).ToList() ?? [];
        return name.ToLowerInvariant() switch
        {
            _ when policies.Contains("guid") => Guid.Empty.ToString(),
            _ when policies.Contains("int") => "1",
            "id" when Under("/api/projects", "/projecten") => api.Values["project"],
            "id" when Under("/api/campaigns") => "as-1",
            "province" or "slug" when Under("/api/projects", "/api/provinces", "/api/indicators/provinces", "/provincies") => "limburg",
            "slug" when Under("/api/clusters", "/api/indicators/clusters", "/clusters") => "vil",
            "slug" when Under("/api/campaigns", "/api/indicators/campaigns", "/campagnes") => "fuzz-markt",
            "externalref" => "KK-T",
            "member" => "FIX-MEMBER",
            "appealref" => "FIX-APPEAL",
            "kind" => "project",
            "key" => api.Values["project"],
            "documentname" => "v1",
            _ => "x",
        };
    }
}
