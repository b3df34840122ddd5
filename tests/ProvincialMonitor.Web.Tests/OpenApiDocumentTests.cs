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
        Assert.NotNull(state["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Equal(SecuritySchemes, document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Order());
    }

    [Fact]
    public async Task A_field_is_required_when_the_empty_command_is_refused_on_it_and_a_list_needs_an_item_when_an_empty_one_is_refused()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        static string[] Required(JsonNode schema) => [.. schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []];

        // The correction check answers field.no-change for no changes, LaunchCampaign field.no-province for no provinces.
        Assert.Contains("changes", Required(schemas[nameof(CorrectProject)]!));
        Assert.Equal(1, schemas[nameof(CorrectProject)]!["properties"]!["changes"]!["minItems"]!.GetValue<int>());
        Assert.Null(schemas[nameof(CorrectProject)]!["properties"]!["changes"]!["nullable"]);
        Assert.Contains("provinces", Required(schemas[nameof(LaunchCampaign)]!));
        Assert.Equal(1, schemas[nameof(LaunchCampaign)]!["properties"]!["provinces"]!["minItems"]!.GetValue<int>());
        // An item of a list: what the command refuses on changes[0].x when it holds one item with nothing given.
        Assert.Equal(["field", "newValue"], Required(schemas[nameof(CorrectionChange)]!).Order());
        // No field is required that the empty command is not refused on.
        foreach (var entry in CommandCatalog.All.Where(e => e.Route is not null))
        {
            var empty = (Command)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(entry.Command);
            var refused = empty.Validate().Select(e => e.Field).ToHashSet();
            Assert.All(Required(schemas[entry.Command.Name]!), field => Assert.Contains(field, refused));
        }
    }

    [Fact]
    public async Task Only_the_api_is_described_every_answer_has_its_type_and_every_query_parameter_its_schema()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        Assert.All(paths.Select(p => p.Key), path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        var untyped = paths.SelectMany(p => p.Value!.AsObject().SelectMany(o => o.Value!["responses"]!.AsObject()
                .Where(r => r.Key is "200" or "201" && r.Value!["content"] is null)
                .Select(r => $"{o.Key} {p.Key} {r.Key}")));
        Assert.Empty(untyped);

        static JsonNode Parameter(JsonNode operation, string name) =>
            operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;
        var events = paths["/api/events"]!["get"]!;
        Assert.Equal("array", Parameter(events, "type")["type"]!.GetValue<string>());
        Assert.Equal("date-time", Parameter(events, "recordedFrom")["format"]!.GetValue<string>());
        Assert.Equal("date", Parameter(events, "effectiveTo")["format"]!.GetValue<string>());
        Assert.Equal(100, Parameter(events, "limit")["default"]!.GetValue<int>());
        var export = paths["/api/audit/export"]!["get"]!;
        Assert.Equal(["csv", "jsonl", "xlsx"], Parameter(export, "format")["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotNull(Parameter(export, "decisionRef"));
        Assert.NotNull(Parameter(export, "asOf"));
        Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-ndjson", "text/csv"],
            export["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).Order());
        Assert.NotNull(export["responses"]!["200"]!["headers"]!["X-Chain-Head-Position"]);
        var import = paths["/api/imports"]!["post"]!;
        Assert.Equal("boolean", Parameter(import, "dryRun")["type"]!.GetValue<string>());
        Assert.NotNull(import["requestBody"]!["content"]!["text/csv"]);
        Assert.NotNull(import["requestBody"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        Assert.NotNull(paths["/api/imports/templates/{name}.xlsx"]!["get"]!["responses"]!["200"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        Assert.NotNull(paths["/api/imports/templates/{name}.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(import["responses"]!["202"]!["content"]!["application/json"]);
        Assert.Equal("#/components/schemas/CreatedKeyResponse",
            paths["/api/admin/apikeys"]!["post"]!["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_lists_the_problems_it_can_give_and_no_other()
    {
        var paths = (await DocumentAsync())["paths"]!;
        string[] Statuses(string path, string method) => [.. paths[path]![method]!["responses"]!.AsObject().Select(r => r.Key).Where(k => k[0] is '4' or '5')];

        // Only a path to something answers 404; only what reads a query or a body answers 400; only a body 413 and 415.
        Assert.Equal(["401", "403", "404", "429", "503"], Statuses("/api/projects/{id}/events", "get"));
        Assert.Equal(["401", "403", "429", "503"], Statuses("/api/indicators/measures", "get"));
        Assert.Equal(["400", "401", "403", "404", "429", "503"], Statuses("/api/projects/{id}", "get"));
        Assert.Equal(["400", "401", "403", "404", "409", "429", "503"], Statuses("/api/imports/{id}/report", "get"));
        Assert.Equal(["400", "401", "403", "413", "415", "429", "503"], Statuses("/api/imports", "post"));
        Assert.Equal(["400", "401", "403", "404", "409", "413", "415", "429", "503"], Statuses("/api/admin/users/{login}/role", "post"));
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

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProvincialMonitor.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("ProvincialMonitor.sln not found above the test's folder.");
    }
}
