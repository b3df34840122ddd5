using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The served OpenAPI document: request bodies with what the commands' checks require, the problem answers with one
/// schema, the headers and the security schemes; and the copy in the repository (docs/openapi/v1.json) is the served one.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>Set to 1 to write the served document to docs/openapi/v1.json instead of comparing it.</summary>
    public const string UpdateVariable = "PROVMON_UPDATE_OPENAPI";

    private static readonly string[] GrantRequired = ["amount", "funder", "grantRef"];
    private static readonly string[] ProblemMembers = ["code", "arguments", "errors", "fieldErrors"];
    private static readonly string[] ActionHeaders = ["Idempotency-Key", "If-Match", "X-Correlation-Id", "X-Source"];
    private static readonly string[] ActionProblems = ["400", "401", "403", "404", "409", "412", "413", "415", "422", "429", "503"];
    private static readonly string[] SecuritySchemes = ["apiKey", "bearer", "cookie"];

    [Fact]
    public async Task A_command_body_requires_what_its_checks_require_with_enumerations_and_formats()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        var grant = schemas[nameof(GrantSubsidy)]!;

        Assert.StartsWith("3.0.", (await DocumentAsync())["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(GrantRequired, grant["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(Funders.All, grant["properties"]!["funder"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("decimal", grant["properties"]!["amount"]!["format"]!.GetValue<string>());
        Assert.Null(grant["properties"]!["amount"]!["nullable"]);
        Assert.True(grant["properties"]!["effectiveDate"]!["nullable"]!.GetValue<bool>());
        Assert.Equal("date", grant["properties"]!["effectiveDate"]!["format"]!.GetValue<string>());
        Assert.Equal(3, grant["properties"]!["body"]!["enum"]!.AsArray().Count);
        // A value the route gives is not required in the body.
        Assert.DoesNotContain("appealRef", schemas[nameof(DecideRetailAppeal)]!["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);
    }

    [Fact]
    public async Task Every_action_route_answers_its_problems_with_the_shared_schema_and_documents_its_headers()
    {
        var document = await DocumentAsync();
        var problem = document["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject();
        Assert.Equal(ProblemMembers, ProblemMembers.Where(problem.ContainsKey));
        var missing = new List<string>();
        foreach (var entry in CommandCatalog.All.Where(e => e.Route is not null))
        {
            var operation = document["paths"]![entry.Route!]![entry.Method.ToLowerInvariant()]!;
            var headers = operation["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
            missing.AddRange(ActionHeaders.Where(h => !headers.Contains(h)).Select(h => $"{entry.Route} {h}"));
            foreach (var status in ActionProblems)
                if (operation["responses"]![status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    missing.Add($"{entry.Route} {status}");
            var ok = operation["responses"]![entry.NewKey is null ? "200" : "201"]!;
            if (ok["headers"]?["ETag"] is null || ok["content"]?["application/json"]?["schema"] is null) missing.Add($"{entry.Route} answer");
        }
        Assert.Equal("", string.Join("; ", missing));
        var state = document["paths"]!["/api/projects/{id}"]!["get"]!;
        Assert.Contains("asOf", state["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.NotNull(state["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        Assert.Equal(SecuritySchemes, document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Order());
    }

    [Fact]
    public async Task The_document_in_the_repository_is_the_served_one()
    {
        var served = await api.Silo.CreateAnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, Normalized(served));
        }
        Assert.True(File.Exists(path), $"{path} is missing: run with {UpdateVariable}=1 to write it.");
        Assert.True(Normalized(served) == Normalized(await File.ReadAllTextAsync(path)),
            $"The served document differs from docs/openapi/v1.json: run {UpdateVariable}=1 dotnet test tests/ProvincialMonitor.Web.Tests --filter OpenApiDocumentTests, and review the difference.");
    }

    [Fact]
    public async Task The_reference_and_the_document_load_without_a_login_and_without_outside_assets()
    {
        var anonymous = api.Silo.CreateAnonymousClient();
        var page = await anonymous.GetAsync(new Uri("/api-reference/index.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var assets = Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith("swagger-ui-bundle.js", StringComparison.Ordinal));
        Assert.DoesNotContain(assets, a => a.Contains("//", StringComparison.Ordinal));
        foreach (var asset in assets)
            Assert.True((await anonymous.GetAsync(new Uri($"/api-reference/{asset.TrimStart('.', '/')}", UriKind.Relative))).IsSuccessStatusCode, asset);
        var script = await anonymous.GetStringAsync(new Uri("/api-reference/index.js", UriKind.Relative));
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/provinces", UriKind.Relative))).StatusCode);
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

    /// <summary>The document indented, with a final line end (the form the repository keeps).</summary>
    private static string Normalized(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProvincialMonitor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("ProvincialMonitor.sln not found above the test's folder.");
    }
}
