using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Silo.Import;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The command catalog against the running silo: its routes are the API's action routes, documented with their request bodies.</summary>
public sealed class CommandCatalogTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static IEnumerable<CommandEntry> Routed => CommandCatalog.All.Where(e => e.Route is not null);

    [Fact]
    public async Task Every_catalog_route_is_in_the_openapi_document_with_its_request_body_schema()
    {
        var document = await api.Client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var missing = new List<string>();
        foreach (var entry in Routed)
        {
            if (!paths.TryGetProperty(entry.Route!, out var path) || !path.TryGetProperty(entry.Method.ToLowerInvariant(), out var operation))
                missing.Add($"{entry.Method} {entry.Route}: not in the document");
            else if (!operation.TryGetProperty("requestBody", out var body)
                     || !body.GetProperty("content").TryGetProperty("application/json", out var json)
                     || !json.TryGetProperty("schema", out _))
                missing.Add($"{entry.Method} {entry.Route}: no application/json request body schema");
            else if (operation.GetProperty("operationId").GetString() != entry.Action)
                missing.Add($"{entry.Method} {entry.Route}: operationId is not {entry.Action}");
        }

        Assert.True(Routed.Count() > 30);
        Assert.Equal("", string.Join("; ", missing));
    }

    [Fact]
    public void Every_action_route_the_silo_maps_is_in_the_catalog_and_has_an_import_action()
    {
        var catalog = Routed.Select(e => $"{e.Method} {e.Route}").ToHashSet(StringComparer.Ordinal);
        var mapped = api.Silo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/api/admin", StringComparison.Ordinal)
                        && !raw.StartsWith("/api/imports", StringComparison.Ordinal) && !raw.StartsWith("/api/audit", StringComparison.Ordinal)
                        && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET").Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();

        Assert.Contains("POST /api/campaigns/{slug}/markets/{id}/entries", mapped);
        Assert.Equal("", string.Join(", ", mapped.Where(r => !catalog.Contains(r))));
        Assert.Equal("", string.Join(", ", Routed.Where(e => e.Action is null || !ImportAction.All.ContainsKey(e.Action)).Select(e => e.Route)));
    }

    [Fact]
    public void The_catalog_declares_each_command_route_and_action_once()
    {
        Assert.Equal(CommandCatalog.All.Count, CommandCatalog.All.Select(e => e.Command).Distinct().Count());
        Assert.Equal(Routed.Count(), Routed.Select(e => $"{e.Method} {e.Route}").Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(CommandCatalog.All.Count(e => e.Action is not null), CommandCatalog.ByAction.Count);
    }
}
