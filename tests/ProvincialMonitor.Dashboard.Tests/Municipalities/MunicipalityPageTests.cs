using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Municipalities;

namespace ProvincialMonitor.Dashboard.Tests.Municipalities;

public sealed class MunicipalityPageTests : DashboardContext
{
    /// <summary>A month before the product's today: a date in the past on any day the suite runs.</summary>
    private DateOnly AsOf => Clock.Today.AddMonths(-1);

    private string AsOfText => AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public MunicipalityPageTests() => Municipalities.Figures["46030"] = Beveren(granted: 150_000m, position: 10);

    private static MunicipalityFigures Beveren(decimal granted, long position) => new(
        "46030", "Beveren-Kruibeke-Zwijndrecht", "oost-vlaanderen", position,
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["granted"] = granted, ["paid"] = 50_000m, ["projects"] = 1, ["outputs.jobs-created"] = 12, ["outputs.companies-supported"] = 3 },
        [new MunicipalityProject("p-1", "Haven en dorp", "antwerpen", "running", granted, 50_000m)],
        [new MunicipalityMarket("maand-van-de-markt-2027", "Maand van de Markt 2027", "m-9", "Zaterdagmarkt Beveren", 30, 1_234)]);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<MunicipalityPage> RenderPage(string nis)
    {
        var page = Render<MunicipalityPage>(p => p.Add(c => c.Nis, nis));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("p:contains('geladen')")));
        return page;
    }

    [Fact]
    public void The_page_shows_the_municipality_its_province_figures_projects_and_markets_with_their_drill_down()
    {
        var page = RenderPage("46030");

        Assert.Equal("Beveren-Kruibeke-Zwijndrecht", page.Find("h1").TextContent);
        Assert.Equal("provincies/oost-vlaanderen", page.Find("[data-testid=municipality-province] a").GetAttribute("href"));
        Assert.Equal(["granted", "paid", "projects", "outputs.jobs-created", "outputs.companies-supported"],
            page.FindAll("[data-testid=municipality-figures] dd").Select(d => d.GetAttribute("data-measure")));
        Assert.Equal(["Toegekend", "Uitbetaald (na terugvorderingen)", "Projecten", "Gecreëerde jobs", "Ondersteunde bedrijven"],
            page.FindAll("[data-testid=municipality-figures] dt").Select(d => d.TextContent));
        var granted = page.Find("[data-testid=municipality-figures] [data-measure=granted] a");
        Assert.Equal("€\u00A0150.000,00", granted.TextContent);
        Assert.Contains("scope=municipality%3A46030", granted.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("measure=granted", granted.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("projecten/p-1", page.Find("[data-testid=municipality-projects] tr[data-project=p-1] th a").GetAttribute("href"));
        Assert.Equal("Antwerpen", page.Find("[data-testid=municipality-projects] tr[data-project=p-1] td a").TextContent);
        Assert.Equal("€\u00A0150.000,00", page.Find("[data-testid=municipality-projects] [data-measure=granted]").TextContent);
        Assert.Equal("Zaterdagmarkt Beveren", page.Find("[data-testid=municipality-markets] tr[data-market=m-9] th").TextContent);
        Assert.Equal("1.234", page.Find("[data-testid=municipality-markets] [data-measure=entries]").TextContent);
    }

    [Fact]
    public void A_live_change_reads_the_municipality_again()
    {
        var page = RenderPage("46030");

        Municipalities.Figures["46030"] = Beveren(granted: 275_000m, position: 11);
        Source.Raise(new IndicatorsUpdate(11, [], []));

        page.WaitForAssertion(() => Assert.Equal("€\u00A0275.000,00", page.Find("[data-testid=municipality-figures] [data-measure=granted] a").TextContent));
    }

    [Fact]
    public void As_of_a_date_the_page_reads_the_municipality_as_it_was()
    {
        Municipalities.HistoricalFigures["46030"] = Beveren(granted: 1_000m, position: 3);
        Navigation.NavigateTo($"gemeenten/46030?asOf={AsOfText}");

        var page = RenderPage("46030");

        Assert.Equal("€\u00A01.000,00", page.Find("[data-testid=municipality-figures] [data-measure=granted] a").TextContent);
        Assert.Equal(new HistoricalPoint(AsOf, "effective"), Municipalities.MunicipalityReads.Last().Point);
        Assert.NotNull(page.Find("[data-testid=historical-banner]"));
    }

    [Fact]
    public void An_unknown_code_says_so()
    {
        var page = RenderPage("99999");

        Assert.Equal("Onbekende gemeente", page.Find("h1").TextContent);
        Assert.Contains("99999", page.Find("[data-testid=unknown]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Municipalities.MunicipalityReads);
    }

    [Fact]
    public void A_code_of_before_2025_goes_to_its_2025_municipality_keeping_the_query()
    {
        Navigation.NavigateTo($"gemeenten/11056?asOf={AsOfText}");

        Render<MunicipalityPage>(p => p.Add(c => c.Nis, "11056"));

        Assert.EndsWith($"/gemeenten/46030?asOf={AsOfText}", Navigation.Uri, StringComparison.Ordinal);
    }
}
