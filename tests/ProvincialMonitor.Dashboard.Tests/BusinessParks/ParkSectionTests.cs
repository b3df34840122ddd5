using Bunit;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.BusinessParks;
using ProvincialMonitor.Dashboard.Municipalities;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests.BusinessParks;

/// <summary>The park figures on the province page, the municipality page and in the comparison, each with its drill-down.</summary>
public sealed class ParkSectionTests : DashboardContext
{
    private static string Figure(IRenderedComponent<ProvinceParks> section, string measure) =>
        section.Find($"[data-testid=province-park-figures] [data-measure='{measure}']").TextContent;

    [Fact]
    public void A_province_shows_its_park_figures_each_opening_the_events_of_its_parks()
    {
        var section = Render<ProvinceParks>(p => p.Add(c => c.Province, "limburg"));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=province-park-figures]")));

        Assert.Equal(BusinessParkMeasures.All.Select(m => m.Label), section.FindAll("[data-testid=province-park-figures] dt").Select(dt => dt.TextContent));
        Assert.Equal("270\u00A0ha", Figure(section, BusinessParkMeasures.Net));
        Assert.Equal("250\u00A0ha", Figure(section, BusinessParkMeasures.Available));
        Assert.Equal("12,5\u00A0jaar", Figure(section, BusinessParkMeasures.SupplyYears));
        var link = section.Find($"[data-testid=province-park-figures] [data-measure='{BusinessParkMeasures.IssuedThisYear}'] a");
        var href = Uri.UnescapeDataString(link.GetAttribute("href")!);
        Assert.Contains("province=limburg", href, StringComparison.Ordinal);
        Assert.Contains("PlotIssued", href, StringComparison.Ordinal);
        Assert.DoesNotContain("BusinessParkRegistered", href, StringComparison.Ordinal);
        Assert.StartsWith("4,5\u00A0ha: uitgegeven dit jaar in Limburg", link.GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_lists_its_parks_with_municipality_kind_phase_net_and_available_linking_to_each_park()
    {
        var section = Render<ProvinceParks>(p => p.Add(c => c.Province, "limburg"));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=province-parks-list] tbody tr")));

        Assert.Equal(["Terrein", "Gemeente", "Soort", "Fase", "Netto oppervlakte bedrijventerreinen", "Beschikbaar"],
            section.FindAll("[data-testid=province-parks-list] thead th").Select(th => th.TextContent));
        var genk = section.Find("[data-testid=province-parks-list] tr[data-code=genk-zuid]");
        Assert.Equal("bedrijventerreinen/genk-zuid", genk.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Equal(["Genk", "Regionaal bedrijventerrein", "Bouwrijp", "175\u00A0ha", "155\u00A0ha"], genk.QuerySelectorAll("td").Select(td => td.TextContent));
        var available = Uri.UnescapeDataString(genk.QuerySelector($"[data-measure='{BusinessParkMeasures.Available}'] a")!.GetAttribute("href")!);
        Assert.Contains("business-park-genk-zuid", available, StringComparison.Ordinal);
        Assert.Equal(2, section.FindAll("[data-testid=province-parks-list] tbody tr").Count);
    }

    [Fact]
    public void A_province_without_issue_says_its_years_of_supply_cannot_be_computed_and_that_it_has_no_parks()
    {
        var section = Render<ProvinceParks>(p => p.Add(c => c.Province, "antwerpen"));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=province-park-figures]")));

        Assert.Equal("niet berekenbaar", Figure(section, BusinessParkMeasures.SupplyYears));
        Assert.Contains("Nog geen bedrijventerreinen", section.Find("[data-testid=no-parks]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_province_page_and_the_municipality_page_include_their_parks()
    {
        var province = Render<Province>(p => p.Add(c => c.Slug, "limburg"));
        province.WaitForAssertion(() => Assert.NotEmpty(province.FindAll("[data-testid=province-parks-list] tr[data-code=genk-zuid]")));

        Municipalities.Figures["71016"] = new MunicipalityFigures("71016", "Genk", "limburg", 10, new Dictionary<string, decimal>(), [], []);
        var municipality = Render<MunicipalityPage>(p => p.Add(c => c.Nis, "71016"));
        municipality.WaitForAssertion(() => Assert.NotEmpty(municipality.FindAll("[data-testid=municipality-parks-list] tr[data-code=genk-zuid]")));
    }

    [Fact]
    public void A_municipality_lists_only_the_parks_located_there_with_every_figure()
    {
        var section = Render<MunicipalityParks>(p => p.Add(c => c.Nis, "71016").Add(c => c.Name, "Genk"));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=municipality-parks-list] tbody tr")));

        var rows = section.FindAll("[data-testid=municipality-parks-list] tbody tr");
        Assert.Equal(["genk-zuid"], rows.Select(r => r.GetAttribute("data-code")));
        Assert.Equal(BusinessParkMeasures.All.Select(m => m.Code), rows[0].QuerySelectorAll("td[data-measure]").Select(td => td.GetAttribute("data-measure")));
        Assert.Equal("12,5\u00A0jaar", rows[0].QuerySelector($"[data-measure='{BusinessParkMeasures.SupplyYears}']")!.TextContent);
        Assert.Empty(section.FindAll("[data-testid=municipality-parks-list] thead th:contains('Gemeente')"));

        var none = Render<MunicipalityParks>(p => p.Add(c => c.Nis, "11001").Add(c => c.Name, "Aartselaar"));
        none.WaitForAssertion(() => Assert.NotEmpty(none.FindAll("[data-testid=no-parks]")));
    }

    [Fact]
    public void The_map_offers_the_park_figures_counted_per_municipality_but_not_the_years_of_supply()
    {
        var offered = MapMeasures.Regular.Select(m => m.Code).ToList();

        Assert.Equal(BusinessParkMeasures.All.Select(m => m.Code).Where(c => c != BusinessParkMeasures.SupplyYears), offered.Where(c => c.StartsWith("parks.", StringComparison.Ordinal)));
        Assert.Contains(MapMeasures.Regular, m => m.Code == BusinessParkMeasures.Available && m.Label == "Beschikbaar");
    }

    [Fact]
    public void The_comparison_offers_the_park_figures_and_never_divides_the_years_of_supply()
    {
        Assert.Contains(Measures.Options, o => o.Code == BusinessParkMeasures.Available && o.Label == "Beschikbaar" && !o.IsMoney);
        Assert.Contains(Measures.Options, o => o.Code == BusinessParkMeasures.SupplyYears && o.Label == "Jaren voorraad");

        var scopes = Samples.Comparison().Select(s => s with
        {
            Measures = s.Scope == "province:antwerpen"
                ? new Dictionary<string, decimal> { [BusinessParkMeasures.Available] = 40m }
                : new Dictionary<string, decimal> { [BusinessParkMeasures.Available] = 100m, [BusinessParkMeasures.SupplyYears] = 12.5m },
        }).ToList();

        var perCapita = Measures.Compare(scopes, BusinessParkMeasures.SupplyYears, "capita");
        Assert.All(perCapita.Where(r => r.Scope != "province:antwerpen"), r => Assert.Equal(12.5m, r.Value));
        Assert.Null(perCapita.Single(r => r.Scope == "province:antwerpen").Value);
        var available = Measures.Compare(scopes, BusinessParkMeasures.Available, "absolute");
        Assert.Equal(40m, available.Single(r => r.Scope == "province:antwerpen").Value);
    }
}
