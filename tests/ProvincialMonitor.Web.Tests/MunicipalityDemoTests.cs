using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// On the demo data, every place with a figure on the map (each municipality and each "zonder locatie") has a drill-down
/// whose total is that figure: live from the read models against the drill-down at the same position, and as of a date.
/// </summary>
public sealed class MunicipalityDemoTests
{
    private static readonly string[] Measures = ["granted", "paid", "projects", "outputs.jobs-created", .. RetailMeasures.Compared, RetailMeasures.AppealsDecided,
        "retail.appeals.inadmissible", "retail.advice-m2.other-products", "retail.permitted-m2.other-bulky"];

    [Fact]
    public async Task Every_place_with_a_figure_on_the_demo_data_has_a_drilldown_equal_to_it_live_and_as_of_a_date()
    {
        await using var silo = SiloFactory.Embedded(demo: true);
        using var client = silo.CreateClient();
        var head = (await silo.Store.GetHeadAsync()).Position;
        var deadline = MonitorClock.System.Now.AddSeconds(30);
        JsonElement map;
        while ((map = await client.GetJsonAsync("/api/indicators/municipalities?measure=projects")).GetProperty("position").GetInt64() < head
               && MonitorClock.System.Now < deadline)
            await Task.Delay(100);
        var yearAgo = MonitorClock.System.Today.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var checkedFigures = 0;
        foreach (var measure in Measures)
        {
            var live = await client.GetJsonAsync($"/api/indicators/municipalities?measure={measure}");
            var position = live.GetProperty("position").GetInt64();
            foreach (var (figures, query) in new[] { (live, $"atPosition={position}"), (await client.GetJsonAsync($"/api/indicators/municipalities?measure={measure}&asOf={yearAgo}"), $"asOf={yearAgo}") })
                foreach (var row in figures.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("value").GetDecimal() != 0))
                {
                    var scope = row.GetProperty("scope").GetString();
                    var explained = await client.GetJsonAsync($"/api/indicators/explain?scope={scope}&measure={measure}&{query}");
                    Assert.True(row.GetProperty("value").GetDecimal() == explained.GetProperty("total").GetDecimal(),
                        $"{scope} {measure} {query}: figure {row.GetProperty("value")}, drill-down {explained.GetProperty("total")}");
                    checkedFigures++;
                }
        }
        Assert.True(checkedFigures >= 8, $"only {checkedFigures} figures on the demo data");
        // The demo's retail records: an inadmissible appeal in Hasselt, the deputation's decision above 20,000 m² in Beringen, advice under the four categories.
        var retail = await client.GetJsonAsync("/api/indicators/municipalities/71072");
        Assert.Equal(1m, retail.GetProperty("measures").GetProperty("retail.appeals.inadmissible").GetDecimal());
        var beringen = await client.GetJsonAsync("/api/indicators/municipalities/71004");
        Assert.True(beringen.GetProperty("measures").GetProperty(RetailMeasures.PermittedM2).GetDecimal() > 20_000m);
        var advised = await client.GetJsonAsync($"/api/indicators/municipalities?measure={RetailMeasures.Advice}");
        Assert.True(advised.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("value").GetDecimal() > 0) >= 5);
        var fourCategories = await client.GetJsonAsync("/api/indicators/municipalities?measure=retail.advice-m2.other-products");
        Assert.Contains(fourCategories.GetProperty("rows").EnumerateArray(), r => r.GetProperty("value").GetDecimal() > 0);
    }
}
