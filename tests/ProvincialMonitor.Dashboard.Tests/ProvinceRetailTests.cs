using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The retail section of the province page: totals, advice, decisions, outcomes, kinds and categories in nl-BE, each figure opening its events.</summary>
public sealed class ProvinceRetailTests : DashboardContext
{
    private static ScopeIndicators Limburg(params (string Code, decimal Value)[] figures)
    {
        var scope = Samples.Scope("limburg", 0m);
        var measures = new Dictionary<string, decimal>(scope.Measures, StringComparer.Ordinal);
        foreach (var (code, value) in figures) measures[code] = value;
        return scope with { Measures = measures };
    }

    private static readonly (string, decimal)[] Figures =
    [
        ("retail.advice", 3), ("retail.advice.favourable", 2), ("retail.advice.unfavourable", 1), ("retail.advice-m2", 12_500.5m),
        ("retail.advice-kind.extension", 1), ("retail.advice-category.other-products", 1), ("retail.advice-m2.other-products", 1_200m),
        ("retail.permits", 1), ("retail.permits.granted", 1), ("retail.permits-kind.new-establishment", 1), ("retail.permitted-m2", 25_000m),
        ("retail.permitted-m2.other-bulky", 20_000m), ("retail.appeals", 2), ("retail.appeals-decided", 2), ("retail.appeals.inadmissible", 1),
        ("retail.appeals.upheld", 1),
    ];

    [Fact]
    public void The_section_shows_the_retail_figures_in_Dutch_and_nl_BE_with_inadmissible_appeals_and_an_older_outcome_as_recorded()
    {
        var page = Render<RetailSection>(p => p.Add(c => c.Scope, "province:limburg").Add(c => c.Name, "Limburg").Add(c => c.Measures, Limburg(Figures).Measures));

        Assert.Equal("3", page.Find("[data-testid=retail-figures] dd[data-measure='retail.advice']").TextContent.Trim());
        Assert.Equal("12.500,5\u00A0m²", page.Find("[data-testid=retail-figures] dd[data-measure='retail.advice-m2']").TextContent.Trim());
        Assert.Equal("25.000\u00A0m²", page.Find("[data-testid=retail-figures] dd[data-measure='retail.permitted-m2']").TextContent.Trim());
        Assert.Equal("Onontvankelijk", page.Find("[data-testid=retail-by-outcome] tr[data-code=inadmissible] th").TextContent);
        Assert.Equal("1", page.Find("[data-testid=retail-by-outcome] tr[data-code=inadmissible] td").TextContent.Trim());
        Assert.Equal("upheld", page.Find("[data-testid=retail-by-outcome] tr[data-code=upheld] th").TextContent);
        Assert.Equal("Vergunning verleend", page.Find("[data-testid=retail-by-decision] tr[data-code=granted] th").TextContent);
        Assert.Equal(["1", "1.200\u00A0m²", "0\u00A0m²"],
            page.FindAll("[data-testid=retail-by-category] tr[data-code=other-products] td").Select(td => td.TextContent.Trim()));
        Assert.Equal("20.000\u00A0m²", page.Find("[data-testid=retail-by-category] tr[data-code=other-bulky] td[data-measure='retail.permitted-m2.other-bulky']").TextContent.Trim());
        Assert.Equal(["1", "0"], page.FindAll("[data-testid=retail-by-kind] tr[data-code=extension] td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain("retail.", page.Find("[data-testid=retail]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_retail_figure_opens_the_events_that_make_it_and_a_province_without_records_says_so()
    {
        var page = Render<RetailSection>(p => p.Add(c => c.Scope, "province:limburg").Add(c => c.Name, "Limburg").Add(c => c.Measures, Limburg(Figures).Measures));

        var link = page.Find("[data-testid=retail-by-outcome] tr[data-code=inadmissible] a");
        Assert.Contains("measure=retail.appeals.inadmissible", Uri.UnescapeDataString(link.GetAttribute("href")!), StringComparison.Ordinal);
        Assert.Contains("RetailAppealDecided", link.GetAttribute("href")!, StringComparison.Ordinal);

        var empty = Render<RetailSection>(p => p.Add(c => c.Scope, "province:limburg").Add(c => c.Name, "Limburg").Add(c => c.Measures, Limburg().Measures));
        Assert.Contains("Nog geen adviezen", empty.Find("[data-testid=no-retail]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_province_page_shows_its_retail_section()
    {
        Source.Scopes[Source.Scopes.FindIndex(s => s.Scope == "province:limburg")] = Limburg(Figures);

        var page = Render<ProvincialMonitor.Dashboard.Provinces.Province>(p => p.Add(c => c.Slug, "limburg"));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=retail] dd[data-measure='retail.advice']").TextContent.Trim()));
    }
}
