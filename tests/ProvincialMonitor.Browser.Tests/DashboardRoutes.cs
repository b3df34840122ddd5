using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>One page of the dashboard as its <c>@page</c> directive declares it: <c>/projecten/{Id}</c>.</summary>
internal sealed partial record DashboardRoute(string Template)
{
    private readonly Regex _pattern = new(
        "^" + string.Join("/", Template.TrimStart('/').Split('/').Select(Segment)) + "$", RegexOptions.CultureInvariant);

    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);

    /// <summary>Whether a path (relative to the base address, without query) is a page of this route.</summary>
    public bool Matches(string path) => _pattern.IsMatch(path);

    /// <summary>The value of the route's first parameter in a path of it: "project" in <c>audit/replay/project/…</c>.</summary>
    public string FirstParameter(string path)
    {
        var fixedSegments = Template.TrimStart('/').Split('/').TakeWhile(s => !s.StartsWith('{')).Count();
        return path.Split('/').ElementAtOrDefault(fixedSegments) ?? "";
    }

    private static string Segment(string segment) => segment switch
    {
        ['{', '*', ..] => ".+",
        ['{', ..] => "[^/]+",
        _ => Regex.Escape(segment),
    };
}

/// <summary>The dashboard's pages, read from its components' route attributes (the compiled <c>@page</c> directives).</summary>
internal static class DashboardRoutes
{
    public static IReadOnlyList<DashboardRoute> All { get; } =
    [
        .. typeof(ProvincialMonitor.Dashboard.RoleNames).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => new DashboardRoute(r.Template))
            .OrderBy(r => r.Template, StringComparer.Ordinal),
    ];

    /// <summary>The route a path (relative, without query) belongs to: a fixed route before one with parameters.</summary>
    public static DashboardRoute? Of(string path) =>
        All.Where(r => r.Matches(path)).OrderBy(r => r.HasParameters).FirstOrDefault();
}
