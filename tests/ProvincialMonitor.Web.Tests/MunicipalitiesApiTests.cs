using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The figures per municipality over HTTP (docs/http-api.md): the map's rows for the 285 municipalities and "zonder
/// locatie", a municipality's page, an old code redirected to its 2025 code, and the drill-down of a place equal to its figure.
/// </summary>
public sealed class MunicipalitiesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static decimal ValueOf(JsonElement map, string scope) =>
        map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == scope).GetProperty("value").GetDecimal();

    [Fact]
    public async Task A_located_project_s_grant_shows_in_its_municipality_and_the_drilldown_of_the_municipality_equals_its_figure()
    {
        var project = (await api.PostAsync("/api/projects", """{"title":"Gentse haven","leadProvince":"oost-vlaanderen","domain":"spatial-economy"}"""))
            .GetProperty("id").GetString()!;
        await api.PostAsync($"/api/projects/{project}/subsidies", """{"grantRef":"G-GENT","amount":2500,"funder":"eu"}""");
        await api.PostAsync($"/api/projects/{project}/location", """{"municipalities":["44021","44084"]}""");

        var map = await api.Client.GetJsonWhenAsync("/api/indicators/municipalities?measure=granted", m => ValueOf(m, "municipality:44021") >= 2500);
        var explained = await api.Client.GetJsonAsync("/api/indicators/explain?scope=municipality:44021&measure=granted");
        var page = await api.Client.GetJsonAsync("/api/indicators/municipalities/44021");
        var asOf = await api.Client.GetJsonAsync($"/api/indicators/municipalities?measure=projects&asOf={MonitorClock.System.Today:yyyy-MM-dd}");

        Assert.Equal((285, 5), (map.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("nis").ValueKind == JsonValueKind.String),
            map.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("nis").ValueKind == JsonValueKind.Null)));
        Assert.Equal(("money", "Toegekend"), (map.GetProperty("unit").GetString(), map.GetProperty("label").GetString()));
        Assert.Equal(ValueOf(map, "municipality:44084"), ValueOf(map, "municipality:44021"));
        Assert.Equal(ValueOf(map, "municipality:44021"), explained.GetProperty("total").GetDecimal());
        Assert.Contains(page.GetProperty("projects").EnumerateArray(), p => p.GetProperty("id").GetString() == project);
        Assert.Equal("Gent", page.GetProperty("name").GetString());
        Assert.True(ValueOf(asOf, "municipality:44021") >= 1);
    }

    [Fact]
    public async Task An_old_code_redirects_to_its_2025_municipality_an_unknown_one_is_not_found_and_an_unknown_measure_is_refused_by_its_field()
    {
        using var client = api.Silo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var redirected = await client.GetAsync(new Uri("/api/indicators/municipalities/71022?asOf=2026-01-01", UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/api/indicators/municipalities/99999", UriKind.Relative));
        var refused = await client.GetAsync(new Uri("/api/indicators/municipalities?measure=budget", UriKind.Relative));
        var explainRefused = await client.GetAsync(new Uri("/api/indicators/explain?scope=municipality:44021&measure=budget", UriKind.Relative));
        var explainUnknown = await client.GetAsync(new Uri("/api/indicators/explain?scope=municipality:71022&measure=granted", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirected.StatusCode);
        Assert.Equal("/api/indicators/municipalities/71072?asOf=2026-01-01", redirected.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("measure", (await refused.JsonAsync()).GetProperty("fieldErrors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, explainRefused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, explainUnknown.StatusCode);
    }
}
