using System.Net;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The authorization matrix: every role against every route group. A refused write stores nothing.
/// Keys per role are created through the admin API, as an administrator would.
/// </summary>
public sealed class AuthorizationTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _clients["admin"] = api.Client;
        _clients["anonymous"] = api.Silo.CreateAnonymousClient();
        foreach (var (name, body) in new[]
                 {
                     ("deputy", """{"role":"deputy"}"""),
                     ("officer-limburg", """{"role":"officer","provinces":["limburg"]}"""),
                     ("officer-antwerpen", """{"role":"officer","provinces":["antwerpen"]}"""),
                     ("coordinator", """{"role":"coordinator","campaigns":["maand-van-de-markt-2027"]}"""),
                     ("auditor", """{"role":"auditor"}"""),
                     ("metrics", """{"role":"metrics"}"""),
                 })
        {
            var created = await api.PostAsync("/api/admin/apikeys", body);
            _clients[name] = api.Silo.CreateClientWithKey(created.GetProperty("key").GetString()!);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var (name, client) in _clients) if (name != "admin") client.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string, int> Writes => new()
    {
        // route group: project of limburg
        { "officer-limburg", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 200 },
        { "officer-antwerpen", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 403 },
        { "deputy", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 403 },
        { "coordinator", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 403 },
        { "auditor", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 403 },
        { "anonymous", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 401 },
        { "admin", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":2,"period":"2026"}""", 200 },
        // registering a project: only for a province in scope
        { "officer-antwerpen", "/api/projects", """{"title":"Buiten scope","leadProvince":"limburg","domain":"labour-market"}""", 403 },
        { "officer-antwerpen", "/api/projects", """{"title":"Binnen scope","leadProvince":"antwerpen","domain":"labour-market"}""", 201 },
        // route group: province
        { "officer-limburg", "/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":1000,"decisionRef":"PR-2025-T"}""", 200 },
        { "officer-antwerpen", "/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":1000,"decisionRef":"PR-2025-T"}""", 403 },
        { "auditor", "/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":1000,"decisionRef":"PR-2025-T"}""", 403 },
        { "deputy", "/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":1000,"decisionRef":"PR-2025-T"}""", 403 },
        { "anonymous", "/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":1000,"decisionRef":"PR-2025-T"}""", 401 },
        // route group: cluster
        { "officer-antwerpen", "/api/clusters/vil/funding", """{"province":"antwerpen","amount":500,"purpose":"branding"}""", 200 },
        { "officer-antwerpen", "/api/clusters/vil/funding", """{"province":"limburg","amount":500,"purpose":"branding"}""", 403 },
        { "auditor", "/api/clusters/vil/members", """{"member":"Auditor Inc"}""", 403 },
        { "coordinator", "/api/clusters/vil/members", """{"member":"Coordinator Inc"}""", 403 },
        // route group: Flanders (admin only)
        { "officer-limburg", "/api/flanders/targets", """{"indicatorCode":"vacancy-rate","targetValue":3,"year":2032}""", 403 },
        { "deputy", "/api/flanders/targets", """{"indicatorCode":"vacancy-rate","targetValue":3,"year":2032}""", 403 },
        { "admin", "/api/flanders/targets", """{"indicatorCode":"vacancy-rate","targetValue":3,"year":2033}""", 200 },
        // recording a population: an admin's action, not an officer's
        { "officer-limburg", "/api/provinces/limburg/population", """{"referenceYear":2025,"inhabitants":904000,"municipalities":38}""", 403 },
        { "admin", "/api/provinces/limburg/population", """{"referenceYear":2025,"inhabitants":904000,"municipalities":38}""", 200 },
        // route group: administration
        { "officer-limburg", "/api/admin/apikeys", """{"role":"admin"}""", 403 },
        { "auditor", "/api/admin/apikeys", """{"role":"auditor"}""", 403 },
        { "anonymous", "/api/admin/apikeys", """{"role":"admin"}""", 401 },
        { "metrics", "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""", 403 },
        { "metrics", "/api/admin/apikeys", """{"role":"metrics"}""", 403 },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Each_role_writes_only_what_it_may_and_a_refusal_stores_nothing(string role, string route, string body, int status)
    {
        var before = await api.Silo.CountEventsAsync();

        var response = await _clients[role].PostJsonAsync(api.Fill(route), body);

        Assert.True((int)response.StatusCode == status, $"{role} {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var stored = await api.Silo.CountEventsAsync() - before;
        if (status >= 400)
        {
            Assert.Equal(0, stored);
            var problem = await response.JsonAsync();
            Assert.StartsWith("urn:provmon:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(stored >= 1);
        }
    }

    [Theory]
    [InlineData("deputy")]
    [InlineData("officer-limburg")]
    [InlineData("coordinator")]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task Every_role_reads_everything(string role)
    {
        foreach (var route in new[] { "/api/provinces", "/api/provinces/limburg", "/api/provinces/limburg/events", "/api/projects/{project}", "/api/clusters", "/api/flanders/events" })
        {
            var response = await _clients[role].GetAsync(new Uri(api.Fill(route), UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {route}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_requests_are_401_for_the_api_and_a_redirect_for_pages_but_health_login_and_the_api_description_are_open()
    {
        var anonymous = _clients["anonymous"];

        var api401 = await anonymous.GetAsync(new Uri("/api/provinces", UriKind.Relative));
        var openapi = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var page = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var login = await anonymous.GetAsync(new Uri("/login", UriKind.Relative));
        var health = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, api401.StatusCode);
        Assert.Equal("urn:provmon:problem:unauthenticated", (await api401.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Aanmelden", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>
    /// The metrics role against every route the silo maps (read from its endpoints): /metrics answers, every other
    /// route that needs a login refuses it with 403, whatever the verb; the open routes stay open.
    /// </summary>
    [Fact]
    public async Task The_metrics_role_reads_metrics_and_nothing_else()
    {
        var services = api.Silo.Services;
        var open = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(services).Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var routes = MappedRoutes.Of(services).Where(r => !open.Contains(r.Template)).ToList();
        var metrics = _clients["metrics"];
        var wrong = new List<string>();

        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), api.Fill(route.Path(name => api.RouteValue(route, name))));
            if (route.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await metrics.SendAsync(request);
            var expected = route.Template == "/metrics" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected) wrong.Add($"{route}: {(int)response.StatusCode}");
        }

        Assert.Contains(routes, r => r.Template == "/metrics");
        Assert.True(routes.Count > 50, $"{routes.Count} routes");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task A_wrong_api_key_is_401()
    {
        using var client = api.Silo.CreateClientWithKey("pmk_not-a-key");
        var response = await client.GetAsync(new Uri("/api/provinces", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// The reported sequence: an officer of Antwerpen registers a project led by Limburg with Antwerpen taking part,
    /// grants Limburg's or the EU's money on it and corrects the participants. Each step is refused and stores nothing;
    /// what an officer of a participating province may record (a partner, its own province's grant) still goes through.
    /// </summary>
    [Fact]
    public async Task An_officer_does_not_record_on_a_project_another_province_leads()
    {
        var antwerpen = _clients["officer-antwerpen"];
        const string limburgLed = """{"title":"Limburgs project","leadProvince":"limburg","participatingProvinces":["antwerpen"],"domain":"labour-market"}""";
        await AssertRefusedAsync(antwerpen, "/api/projects", limburgLed);

        var created = await api.PostAsync("/api/projects", limburgLed);
        var project = $"/api/projects/{created.GetProperty("id").GetString()}";
        var registration = created.GetProperty("eventIds")[0].GetString();
        await AssertRefusedAsync(antwerpen, $"{project}/subsidies", """{"grantRef":"G-5M","amount":5000000,"funder":"province","grantingProvince":"limburg"}""");
        await AssertRefusedAsync(antwerpen, $"{project}/subsidies", """{"grantRef":"G-EU","amount":5000000,"funder":"eu"}""");
        await AssertRefusedAsync(antwerpen, $"{project}/corrections",
            $$"""{"eventId":"{{registration}}","changes":[{"field":"participatingProvinces","newValue":[]}],"reason":"Antwerpen weg"}""");
        await AssertRefusedAsync(antwerpen, $"{project}/corrections",
            $$"""{"eventId":"{{registration}}","changes":[{"field":"participatingProvinces","newValue":["antwerpen","oost-vlaanderen","west-vlaanderen"]}],"reason":"meer provincies"}""");

        var partner = await antwerpen.PostJsonAsync($"{project}/partners", """{"name":"UAntwerpen"}""");
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        var own = await antwerpen.PostJsonAsync($"{project}/subsidies", """{"grantRef":"G-ANT","amount":1000,"funder":"pom"}""");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private async Task AssertRefusedAsync(HttpClient client, string route, string body)
    {
        var before = await api.Silo.CountEventsAsync();
        var response = await client.PostJsonAsync(route, body);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("urn:provmon:problem:forbidden", (await response.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(before, await api.Silo.CountEventsAsync());
    }

    [Fact]
    public async Task An_out_of_scope_refusal_says_why()
    {
        var response = await _clients["officer-antwerpen"].PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"social-economy","year":2026,"amount":5,"decisionRef":"PR-2025-T"}""");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("limburg", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
