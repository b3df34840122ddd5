using System.Net;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The business parks over HTTP: a plot issued through the catalog's route changes the map's value for its municipality,
/// the park's GET and the overview show it, a plot on an unknown park is a 404 and one beyond the net area a 409.
/// </summary>
public sealed class BusinessParksApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static decimal ValueOf(JsonElement map, string scope) =>
        map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == scope).GetProperty("value").GetDecimal();

    [Fact]
    public async Task A_plot_issued_through_the_api_changes_the_maps_value_for_its_municipality()
    {
        var path = $"/api/indicators/municipalities?measure={BusinessParkMeasures.IssuedThisYear}";
        await api.PostAsync("/api/business-parks",
            """{"slug":"lommel-kristal","name":"Kristalpark","municipality":"72020","grossHectares":30,"netHectares":25,"kind":"logistics","managingBody":"POM Limburg"}""");
        var before = ValueOf(await api.Client.GetJsonWhenAsync(path, m => m.GetProperty("rows").GetArrayLength() == 285), "municipality:72020");

        await api.PostAsync("/api/business-parks/lommel-kristal/plots", """{"buyer":"Logistiek Lommel nv","hectares":4.5,"sector":"logistiek"}""");
        var after = await api.Client.GetJsonWhenAsync(path, m => ValueOf(m, "municipality:72020") == before + 4.5m);
        var park = await api.Client.GetJsonAsync("/api/business-parks/lommel-kristal");
        var overview = await api.Client.GetJsonWhenAsync("/api/business-parks", o => o.GetProperty("parks").EnumerateArray().Any(p => p.GetProperty("slug").GetString() == "lommel-kristal"));
        var explained = await api.Client.GetJsonAsync($"/api/business-parks/explain?scope=municipality:72020&measure={BusinessParkMeasures.Available}");
        var asOf = await api.Client.GetJsonAsync($"{path}&asOf={MonitorClock.System.Today:yyyy-MM-dd}");
        var asOfBefore = await api.Client.GetJsonAsync($"{path}&asOf={MonitorClock.System.Today.AddDays(-1):yyyy-MM-dd}");

        Assert.Equal(before + 4.5m, ValueOf(after, "municipality:72020"));
        Assert.Equal(before + 4.5m, ValueOf(asOf, "municipality:72020"));
        Assert.Equal(before, ValueOf(asOfBefore, "municipality:72020"));
        Assert.Equal(("Uitgegeven dit jaar", "value"), (after.GetProperty("label").GetString(), after.GetProperty("unit").GetString()));
        Assert.Equal(("limburg", 4.5m), (park.GetProperty("province").GetString(), park.GetProperty("issuedHectares").GetDecimal()));
        Assert.True(overview.GetProperty("flanders").GetProperty("netHectares").GetDecimal() >= 25m);
        Assert.Equal(20.5m, explained.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("slug").GetString() == "lommel-kristal").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_plot_on_an_unknown_park_is_not_found_and_one_beyond_the_net_area_conflicts()
    {
        await api.PostAsync("/api/business-parks",
            """{"slug":"klein-terrein","name":"Klein terrein","municipality":"71016","grossHectares":3,"netHectares":2,"kind":"local","managingBody":"Stad Genk"}""");

        var unknown = await api.Client.PostJsonAsync("/api/business-parks/nergens/plots", """{"buyer":"Acme nv","hectares":1,"sector":"bouw"}""");
        var beyond = await api.Client.PostJsonAsync("/api/business-parks/klein-terrein/plots", """{"buyer":"Acme nv","hectares":2.5,"sector":"bouw"}""");
        var missing = await api.Client.GetAsync(new Uri("/api/business-parks/nergens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        Assert.Equal("business-park.plots-exceed-net", (await beyond.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
