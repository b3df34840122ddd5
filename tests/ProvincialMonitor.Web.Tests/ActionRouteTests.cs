using System.Net;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// One embedded silo with its reference data, a registered project and a few events that corrections,
/// retractions, payments and decisions can name.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public SiloFactory Silo { get; } = SiloFactory.Embedded();
    public HttpClient Client { get; private set; } = null!;
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        Client = Silo.CreateClient();
        var project = await PostAsync("/api/projects", """{"title":"Kanaalkant","externalRef":"KK-T","leadProvince":"limburg","domain":"spatial-economy","clusters":["vil"]}""");
        Values["project"] = project.GetProperty("id").GetString()!;
        var p = $"/api/projects/{Values["project"]}";
        Values["grantEvent"] = FirstEventId(await PostAsync($"{p}/subsidies", """{"grantRef":"FIX-G","amount":1000,"funder":"province"}"""));
        await PostAsync($"{p}/payments", """{"grantRef":"FIX-G","amount":100,"paymentRef":"FIX-P"}""");
        Values["partnerEvent"] = FirstEventId(await PostAsync($"{p}/partners", """{"name":"Wrong partner"}"""));
        Values["budgetEvent"] = FirstEventId(await PostAsync("/api/provinces/limburg/budgets", """{"domain":"spatial-economy","year":2025,"amount":40000,"decisionRef":"PR-2025-T"}"""));
        Values["decisionEvent"] = FirstEventId(await PostAsync("/api/provinces/limburg/decisions",
            """{"reference":"DEP-FIX","decidingBody":"deputatie","title":"Besluit","domain":"spatial-economy","summary":"Samenvatting"}"""));
        await PostAsync("/api/provinces/limburg/retail-appeals", """{"appealRef":"FIX-APPEAL","municipality":"71004"}""");
        await PostAsync("/api/clusters/vil/members", """{"member":"FIX-MEMBER"}""");
        Values["memberEvent"] = FirstEventId(await PostAsync("/api/clusters/vil/members", """{"member":"Member to retract"}"""));
        Values["fundingEvent"] = FirstEventId(await PostAsync("/api/clusters/vil/funding", """{"province":"limburg","amount":20000,"purpose":"project-work"}"""));
        Values["flandersEvent"] = FirstEventId(await PostAsync("/api/flanders/indicators",
            """{"indicatorCode":"vacancy-rate","value":4.1,"unit":"percent","period":"2024","source":"VDAB"}"""));
        Values["flandersTargetEvent"] = FirstEventId(await PostAsync("/api/flanders/targets", """{"indicatorCode":"vacancy-rate","targetValue":3.5,"year":2031}"""));
        await PostAsync("/api/business-parks",
            """{"slug":"fix-park","name":"Fix-park","municipality":"71004","grossHectares":50,"netHectares":40,"kind":"local","managingBody":"POM Limburg"}""");
        Values["plotEvent"] = FirstEventId(await PostAsync("/api/business-parks/fix-park/plots", """{"buyer":"Fix nv","hectares":2,"sector":"bouw"}"""));
        Values["plotToRetract"] = FirstEventId(await PostAsync("/api/business-parks/fix-park/plots", """{"buyer":"Dubbel nv","hectares":1,"sector":"bouw"}"""));
    }

    public async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await Client.PostJsonAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    public string Fill(string text) => Values.Aggregate(text, (t, v) => t.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal));

    private static string FirstEventId(JsonElement response) => response.GetProperty("eventIds")[0].GetString()!;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Silo.DisposeAsync();
    }
}

/// <summary>Every action route with a valid body (placeholders filled by <see cref="ApiFixture.Fill"/>) and its success status.</summary>
public static class ActionRoutes
{
    public static TheoryData<string, string, int> Valid => new()
    {
        { "/api/projects", """{"title":"Leerhub","leadProvince":"limburg","domain":"labour-market"}""", 201 },
        { "/api/projects/{project}/subsidies", """{"grantRef":"R-G1","amount":1000.50,"funder":"eu","decisionRef":"DEP-1","body":"deputatie"}""", 200 },
        { "/api/projects/{project}/payments", """{"grantRef":"FIX-G","amount":10,"paymentRef":"P-1"}""", 200 },
        { "/api/projects/{project}/recoveries", """{"grantRef":"FIX-G","amount":5,"recoveryRef":"T-1","reason":"niet besteed"}""", 200 },
        { "/api/projects/{project}/outputs", """{"metric":"jobs-created","value":3,"period":"2026-Q1"}""", 200 },
        { "/api/projects/{project}/partners", """{"name":"VITO","kind":"research"}""", 200 },
        { "/api/projects/{project}/milestones", """{"milestone":"Kick-off"}""", 200 },
        { "/api/projects/{project}/status", """{"status":"running","effectiveDate":"2026-01-15"}""", 200 },
        { "/api/projects/{project}/location", """{"municipalities":["71072","71004"]}""", 200 },
        { "/api/projects/{project}/corrections", """{"eventId":"{grantEvent}","changes":[{"field":"amount","newValue":1500}],"reason":"typing error"}""", 200 },
        { "/api/projects/{project}/retractions", """{"eventId":"{partnerEvent}","reason":"wrong project"}""", 200 },
        { "/api/provinces/limburg/decisions", """{"reference":"DEP-T-1","decidingBody":"deputatie","title":"Besluit","domain":"labour-market","summary":"Tekst","votesFor":5}""", 200 },
        { "/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2026,"amount":50000,"decisionRef":"PR-2025-12","body":"provincieraad"}""", 200 },
        { "/api/provinces/limburg/credit-adjustments", """{"domain":"spatial-economy","year":2025,"amount":35000,"decisionRef":"PR-2026-3","body":"provincieraad"}""", 200 },
        { "/api/provinces/limburg/indicators", """{"indicatorCode":"vacancy-rate","value":4.2,"unit":"percent","period":"2025","source":"VDAB"}""", 200 },
        { "/api/provinces/limburg/targets", """{"indicatorCode":"employment-rate","targetValue":80,"year":2030}""", 200 },
        { "/api/provinces/limburg/population", """{"referenceYear":2025,"inhabitants":890000,"municipalities":42}""", 200 },
        { "/api/provinces/limburg/retail-advice", """{"municipality":"71002","permitRef":"OMV-1","netRetailAreaM2":1200,"goodsCategory":"voeding","advice":"conditional"}""", 200 },
        { "/api/provinces/limburg/retail-appeals", """{"appealRef":"BER-1","municipality":"71004","permitRef":"OMV-9"}""", 200 },
        { "/api/provinces/limburg/retail-appeals/FIX-APPEAL/decision", """{"outcome":"rejected"}""", 200 },
        { "/api/provinces/limburg/retail-advice", """{"municipality":"71004","permitRef":"OMV-2","netRetailAreaM2":1500,"advice":"favourable","applicationKind":"extension","categories":[{"category":"food","areaM2":1000},{"category":"other-bulky","areaM2":500}]}""", 200 },
        { "/api/provinces/limburg/retail-permits", """{"municipality":"71004","permitRef":"OMV-D-1","applicationKind":"new-establishment","netRetailAreaM2":25000,"categories":[{"category":"food","areaM2":5000},{"category":"other-bulky","areaM2":20000}],"decision":"granted","body":"deputatie"}""", 200 },
        { "/api/provinces/limburg/corrections", """{"eventId":"{budgetEvent}","changes":[{"field":"amount","newValue":60000}],"reason":"x"}""", 200 },
        { "/api/provinces/limburg/retractions", """{"eventId":"{decisionEvent}","reason":"recorded twice"}""", 200 },
        { "/api/clusters", """{"slug":"limburg-logistiek","name":"Logistiek Limburg","sector":"logistiek","kind":"provincial","province":"limburg"}""", 201 },
        { "/api/clusters/vil/members", """{"member":"Katoen Natie","memberKind":"company"}""", 200 },
        { "/api/clusters/vil/members/FIX-MEMBER/leave", "", 200 },
        { "/api/clusters/vil/funding", """{"province":"limburg","amount":25000,"purpose":"branding"}""", 200 },
        { "/api/clusters/vil/corrections", """{"eventId":"{fundingEvent}","changes":[{"field":"amount","newValue":30000}],"reason":"x"}""", 200 },
        { "/api/clusters/vil/retractions", """{"eventId":"{memberEvent}","reason":"x"}""", 200 },
        { "/api/business-parks", """{"slug":"hasselt-noord","name":"Hasselt-Noord","municipality":"71022","grossHectares":80.5,"netHectares":64.25,"kind":"regional","managingBody":"POM Limburg"}""", 201 },
        { "/api/business-parks/fix-park/phase", """{"phase":"ready"}""", 200 },
        { "/api/business-parks/fix-park/plots", """{"buyer":"Katoen Natie","hectares":3.5,"sector":"logistiek"}""", 200 },
        { "/api/business-parks/fix-park/vacancy", """{"vacantHectares":1.2,"reserveHectares":4}""", 200 },
        { "/api/business-parks/fix-park/corrections", """{"eventId":"{plotEvent}","changes":[{"field":"hectares","newValue":2.5}],"reason":"x"}""", 200 },
        { "/api/business-parks/fix-park/retractions", """{"eventId":"{plotToRetract}","reason":"x"}""", 200 },
        { "/api/flanders/targets", """{"indicatorCode":"employment-rate","targetValue":82,"year":2035}""", 200 },
        { "/api/flanders/indicators", """{"indicatorCode":"employment-rate","value":76.5,"unit":"percent","period":"2025","source":"Statbel"}""", 200 },
        { "/api/flanders/corrections", """{"eventId":"{flandersEvent}","changes":[{"field":"value","newValue":4.3}],"reason":"revised"}""", 200 },
        { "/api/flanders/retractions", """{"eventId":"{flandersTargetEvent}","reason":"x"}""", 200 },
    };
}

public sealed class ActionRouteTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(ActionRoutes.Valid), MemberType = typeof(ActionRoutes))]
    public async Task Each_action_route_stores_exactly_one_event(string route, string body, int status)
    {
        var before = await api.Silo.CountEventsAsync();

        var response = body.Length == 0
            ? await api.Client.PostAsync(new Uri(api.Fill(route), UriKind.Relative), null)
            : await api.Client.PostJsonAsync(api.Fill(route), api.Fill(body));

        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var result = await response.JsonAsync();
        Assert.Equal(before + 1, await api.Silo.CountEventsAsync());
        Assert.Equal(before + 1, result.GetProperty("position").GetInt64());
        Assert.Equal($"\"{result.GetProperty("version").GetInt64()}\"", response.Headers.ETag!.Tag);
        if (status == 201) Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task A_location_names_municipalities_on_the_2025_boundaries_and_a_code_of_before_2025_is_read_as_its_2025_municipality_with_a_notice()
    {
        var project = api.Fill("/api/projects/{project}");

        var refused = await api.Client.PostJsonAsync($"{project}/location", """{"municipalities":["71072","99999"]}""");
        var problem = await refused.JsonAsync();
        var mapped = await api.PostAsync($"{project}/location", """{"municipalities":["71022","71004","71072"]}"""); // 71022: Hasselt before 2025
        var state = await api.Client.GetJsonAsync(project);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("municipalities[1]", "field.not-a-municipality-nis"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        var notice = Assert.Single(mapped.GetProperty("notices").EnumerateArray());
        Assert.Equal(("municipalities[0]", "notice.municipality-merged"), (notice.GetProperty("field").GetString(), notice.GetProperty("code").GetString()));
        Assert.Equal("71022 (Hasselt) is sinds 1 januari 2025 deel van Hasselt (71072).", notice.GetProperty("detailNl").GetString());
        Assert.Equal(["71004", "71072"], state.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task A_project_registered_in_places_is_found_in_the_log_by_municipality_also_by_its_former_code()
    {
        var created = await api.PostAsync("/api/projects",
            """{"title":"Waaslandhaven","leadProvince":"oost-vlaanderen","participatingProvinces":["antwerpen"],"domain":"spatial-economy","municipalities":["11056","11002"]}""");
        var outside = await api.Client.PostJsonAsync("/api/projects", """{"title":"Elders","leadProvince":"limburg","domain":"spatial-economy","municipalities":["11002"]}""");

        var byNew = await api.Client.GetJsonAsync("/api/events?municipality=46030&limit=1000");
        var byFormer = await api.Client.GetJsonAsync("/api/events?municipality=11056&limit=1000");
        var bad = await api.Client.GetAsync(new Uri("/api/events?municipality=4603", UriKind.Relative));

        Assert.Equal("11056 (Zwijndrecht) is sinds 1 januari 2025 deel van Beveren-Kruibeke-Zwijndrecht (46030).",
            Assert.Single(created.GetProperty("notices").EnumerateArray()).GetProperty("detailNl").GetString());
        Assert.Equal(2, created.GetProperty("eventIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("municipalities[0]", Assert.Single((await outside.JsonAsync()).GetProperty("fieldErrors").EnumerateArray()).GetProperty("field").GetString());
        var located = Assert.Single(byNew.GetProperty("events").EnumerateArray());
        Assert.Equal("ProjectLocated.v1", located.GetProperty("eventType").GetString());
        Assert.Equal(located.GetProperty("position").GetInt64(), Assert.Single(byFormer.GetProperty("events").EnumerateArray()).GetProperty("position").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("municipality", Assert.Single((await bad.JsonAsync()).GetProperty("fieldErrors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/projects/{project}")]
    [InlineData("/api/projects/by-ref/limburg/KK-T")]
    [InlineData("/api/provinces/limburg")]
    [InlineData("/api/clusters/vil")]
    [InlineData("/api/flanders")]
    public async Task State_routes_answer_with_the_state_and_its_version_as_etag(string route)
    {
        var response = await api.Client.GetAsync(new Uri(api.Fill(route), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^\"[0-9]+\"$", response.Headers.ETag!.Tag);
        Assert.Equal(JsonValueKind.Object, (await response.JsonAsync()).ValueKind);
    }

    [Theory]
    [InlineData("/api/projects/{project}/events", "ProjectRegistered.v1")]
    [InlineData("/api/provinces/limburg/events", "ProvinceRegistered.v1")]
    [InlineData("/api/clusters/vil/events", "ClusterRegistered.v1")]
    [InlineData("/api/flanders/events", "TargetSet.v1")]
    public async Task Event_routes_give_the_stream_in_order_with_metadata_tags_position_and_hash(string route, string firstType)
    {
        var events = (await api.Client.GetJsonAsync(api.Fill(route))).EnumerateArray().ToList();

        Assert.Equal(firstType, events[0].GetProperty("eventType").GetString());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), events.Select(e => e.GetProperty("streamVersion").GetInt64()));
        Assert.All(events, e =>
        {
            Assert.Matches("^[0-9a-f]{64}$", e.GetProperty("hash").GetString());
            Assert.True(e.GetProperty("position").GetInt64() > 0);
            Assert.Equal(JsonValueKind.Object, e.GetProperty("metadata").ValueKind);
            Assert.Equal(JsonValueKind.Array, e.GetProperty("tags").GetProperty("provinces").ValueKind);
        });
    }

    [Fact]
    public async Task The_lists_show_the_five_provinces_and_the_spearhead_clusters()
    {
        var provinces = await api.Client.GetJsonAsync("/api/provinces");
        var clusters = await api.Client.GetJsonAsync("/api/clusters");

        Assert.Equal(5, provinces.GetArrayLength());
        Assert.True(clusters.GetArrayLength() >= 7);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes()
    {
        var document = await api.Client.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/projects/{id}/subsidies", paths);
        Assert.Contains("/api/provinces/{slug}/retail-appeals/{appealRef}/decision", paths);
    }
}
