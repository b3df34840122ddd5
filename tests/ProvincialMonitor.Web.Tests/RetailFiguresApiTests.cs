using System.Text.Json;
using ProvincialMonitor.Contracts.Measures;

namespace ProvincialMonitor.Web.Tests;

/// <summary>A retail advice posted through the API changes its municipality's retail figures on the map, and the drill-down of the place equals them.</summary>
public sealed class RetailFiguresApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static decimal ValueOf(JsonElement map, string scope) =>
        map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == scope).GetProperty("value").GetDecimal();

    [Fact]
    public async Task A_retail_advice_posted_through_the_api_counts_in_its_municipality_by_category_and_floor_space()
    {
        var before = await api.Client.GetJsonAsync($"/api/indicators/municipalities?measure={RetailMeasures.AdviceM2}");
        var area = ValueOf(before, "municipality:71002");

        await api.PostAsync("/api/provinces/limburg/retail-advice",
            """{"municipality":"71002","permitRef":"OMV-FIG-1","netRetailAreaM2":1800,"advice":"favourable","applicationKind":"new-establishment","categories":[{"category":"food","areaM2":1000},{"category":"other-non-bulky","areaM2":800}]}""");

        var after = await api.Client.GetJsonWhenAsync($"/api/indicators/municipalities?measure={RetailMeasures.AdviceM2}", m => ValueOf(m, "municipality:71002") >= area + 1_800m);
        var category = await api.Client.GetJsonAsync("/api/indicators/municipalities?measure=retail.advice-m2.other-non-bulky");
        var explained = await api.Client.GetJsonAsync($"/api/indicators/explain?scope=municipality:71002&measure={RetailMeasures.AdviceM2}");

        Assert.Equal(area + 1_800m, ValueOf(after, "municipality:71002"));
        Assert.Equal(("value", RetailMeasures.MunicipalityNote), (after.GetProperty("unit").GetString(), after.GetProperty("note").GetString()));
        Assert.DoesNotContain(after.GetProperty("rows").EnumerateArray(), r => r.GetProperty("nis").ValueKind == JsonValueKind.Null);
        Assert.True(ValueOf(category, "municipality:71002") >= 800m);
        Assert.Equal(ValueOf(after, "municipality:71002"), explained.GetProperty("total").GetDecimal());
    }
}
