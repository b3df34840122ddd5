using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Projects;
using Radzen;
using Radzen.Blazor.Rendering;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class ProvincePageTests : DashboardContext
{
    public ProvincePageTests() => Source.Scopes[0] = Antwerpen(1_234_567.89m, position: 10);

    /// <summary>Antwerpen with money in two domains, its own by province and POM, the EU's and another province's in its projects apart, statuses, an output and the employment rate.</summary>
    private static ScopeIndicators Antwerpen(decimal circular, long position)
    {
        var scope = Samples.Scope("antwerpen", circular + 250_000m, position,
            measured: [new MeasuredIndicator("employment-rate", 76.1m, "percent", "2025", "Statbel EAK", 75m, 2030)]);
        var measures = new Dictionary<string, decimal>(scope.Measures, StringComparer.Ordinal)
        {
            ["granted.domain.circular-economy"] = circular,
            ["paid.domain.circular-economy"] = 500_000m,
            ["projects.domain.circular-economy"] = 3,
            ["granted.domain.labour-market"] = 250_000m,
            ["projects.domain.labour-market"] = 1,
            ["granted.funder.province"] = 1_000_000m,
            ["granted.funder.pom"] = 234_567.89m,
            ["cofunded.granted"] = 325_000m,
            ["cofunded.paid"] = 125_000.5m,
            ["cofunded.granted.eu"] = 250_000m,
            ["cofunded.paid.eu"] = 125_000.5m,
            ["cofunded.granted.province"] = 75_000m,
            ["projects.status.completed"] = 1,
            ["outputs.jobs-created"] = 1_250,
        };
        return scope with { Measures = measures };
    }

    private static ProjectSummary Project(string id, string title, string lead, decimal granted, decimal paid, string[]? participating = null) =>
        new(id, title, "REF-" + id, lead, participating ?? [], "circular-economy", [], "running", granted, paid);

    private IRenderedComponent<Province> RenderProvince(string slug)
    {
        var page = Render<Province>(p => p.Add(c => c.Slug, slug));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=by-domain]")));
        return page;
    }

    private static string Cell(IRenderedComponent<Province> page, string table, string code, string measure) =>
        page.Find($"[data-testid={table}] tr[data-code='{code}'] [data-measure='{measure}']").TextContent;

    [Fact]
    public void The_province_page_shows_money_by_domain_and_funder_in_Belgian_formats()
    {
        var page = RenderProvince("antwerpen");

        Assert.Equal("Antwerpen", page.Find("h1").TextContent);
        var domains = page.FindAll("[data-testid=by-domain] tbody tr");
        Assert.Equal(7, domains.Count);
        Assert.Equal("Circulaire economie", page.Find("[data-testid=by-domain] tr[data-code='circular-economy'] th").TextContent);
        Assert.Equal("€\u00A01.234.567,89", Cell(page, "by-domain", "circular-economy", "granted"));
        Assert.Equal("€\u00A0500.000,00", Cell(page, "by-domain", "circular-economy", "paid"));
        Assert.Equal("3", Cell(page, "by-domain", "circular-economy", "projects"));
        Assert.Equal("Flankerend arbeidsmarktbeleid", page.Find("[data-testid=by-domain] tr[data-code='labour-market'] th").TextContent);
        Assert.Equal("€\u00A00,00", Cell(page, "by-domain", "spatial-economy", "granted"));

        Assert.Equal(["Provincie", "POM"], page.FindAll("[data-testid=by-funder] tbody th").Select(th => th.TextContent));
        Assert.Equal("€\u00A0234.567,89", Cell(page, "by-funder", "pom", "granted"));

        // What others put into the projects Antwerpen leads, apart from its own money, labelled from the measure catalog.
        var cofunded = page.Find("[data-testid=cofunded]");
        Assert.Equal("Geld van anderen in projecten die Antwerpen trekt", cofunded.QuerySelector("h2")!.TextContent);
        Assert.Equal([MeasureCatalog.LabelOf("cofunded.granted"), MeasureCatalog.LabelOf("cofunded.paid")],
            cofunded.QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("€\u00A0325.000,00", cofunded.QuerySelector("[data-measure='cofunded.granted']")!.TextContent);
        Assert.Equal(["Europese Unie", "Andere provincie"], page.FindAll("[data-testid=cofunded-by-funder] tbody th").Select(th => th.TextContent));
        Assert.Equal("€\u00A0125.000,50", Cell(page, "cofunded-by-funder", "eu", "cofunded.paid"));
        Assert.Equal("€\u00A075.000,00", Cell(page, "cofunded-by-funder", "province", "cofunded.granted"));

        Assert.Contains("Lopend", page.Find("[data-testid=by-status] tr[data-code=running]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1.250", page.Find("[data-testid=outputs] tr[data-code='jobs-created']").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll(".pm-section svg"));
        Assert.All(page.FindAll("table.pm-ranking"), t => Assert.NotEmpty(t.QuerySelectorAll("caption")));
    }

    [Fact]
    public void Measured_indicators_are_shown_against_their_targets()
    {
        var page = RenderProvince("antwerpen");

        var row = page.Find("[data-testid=measured] tr[data-code='employment-rate']");
        Assert.Equal("Werkzaamheidsgraad", row.QuerySelector("th")!.TextContent);
        Assert.Equal("76,1\u00A0%", row.QuerySelector("[data-field=value]")!.TextContent);
        Assert.Equal("2025", row.QuerySelector("[data-field=period]")!.TextContent);
        Assert.Equal("75,0\u00A0%", row.QuerySelector("[data-field=target]")!.TextContent);
        Assert.Equal("2030", row.QuerySelector("[data-field=target-year]")!.TextContent);
        Assert.Equal("ja", row.QuerySelector("[data-field=reached]")!.TextContent);
    }

    [Fact]
    public void The_page_follows_an_update_of_its_province_and_ignores_the_others()
    {
        var page = RenderProvince("antwerpen");
        Assert.Equal(1, Source.Subscribers);

        Source.Raise(new IndicatorsUpdate(11, [Samples.Scope("limburg", 9_999_999m, position: 11) with { Name = "Limburg" }], []));
        page.WaitForAssertion(() => Assert.Equal("€\u00A01.234.567,89", Cell(page, "by-domain", "circular-economy", "granted")));
        Assert.Equal("Antwerpen", page.Find("h1").TextContent);

        Source.Raise(new IndicatorsUpdate(12, [Antwerpen(2_000_000.5m, position: 12)], []));
        page.WaitForAssertion(() => Assert.Equal("€\u00A02.000.000,50", Cell(page, "by-domain", "circular-economy", "granted")));
        Assert.Equal("€\u00A02.250.000,50", page.Find(".pm-totals [data-measure=granted]").TextContent);
        Assert.Equal("Uitbetaald (na terugvorderingen)", page.Find(".pm-totals [data-measure=paid]").PreviousElementSibling!.TextContent);

        // An older version of its own province does not overwrite the newer figures.
        Source.Raise(new IndicatorsUpdate(9, [Antwerpen(1m, position: 9)], []));
        page.WaitForAssertion(() => Assert.Equal("€\u00A02.000.000,50", Cell(page, "by-domain", "circular-economy", "granted")));
    }

    [Fact]
    public async Task Leaving_the_province_page_unsubscribes()
    {
        RenderProvince("antwerpen");
        Assert.Equal(1, Source.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, Source.Subscribers);
    }

    [Fact]
    public void An_unknown_slug_says_so_in_Dutch_and_reads_nothing()
    {
        var page = Render<Province>(p => p.Add(c => c.Slug, "brussel"));

        Assert.Equal("Onbekende provincie", page.Find("h1").TextContent);
        Assert.Contains("brussel", page.Find("[data-testid=unknown]").TextContent, StringComparison.Ordinal);
        Assert.Equal(0, Source.Subscribers);
        Assert.Empty(Source.ProjectQueries);
        Assert.Equal("Vergelijking", page.Find("[data-testid=back]").TextContent.TrimStart('←', ' '));
    }

    [Fact]
    public void The_project_grid_lists_the_province_s_projects_and_filters_by_text()
    {
        Source.Projects.AddRange(
        [
            Project("a", "Circulair bouwen", "antwerpen", 1_234_567.89m, 500_000m),
            Project("b", "Haven van morgen", "antwerpen", 250_000m, 0m),
            Project("c", "Grensregio samen", "limburg", 100_000m, 50_000m, participating: ["antwerpen"]),
            Project("d", "Alleen in Limburg", "limburg", 1m, 1m),
        ]);
        var page = RenderProvince("antwerpen");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".rz-data-row").Count));
        Assert.All(Source.ProjectQueries, q => Assert.Equal("antwerpen", q.Province));
        var first = page.FindAll(".rz-data-row")[0];
        Assert.Contains("Circulair bouwen", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("REF-a", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Circulaire economie", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lopend", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("€\u00A01.234.567,89", first.QuerySelector("[data-measure=granted]")!.TextContent);
        Assert.Equal("€\u00A0500.000,00", first.QuerySelector("[data-measure=paid]")!.TextContent);
        Assert.Equal("3 projecten, geleid of met deelname", page.Find("[data-testid=project-count]").TextContent);

        page.Find("input[name=project-text]").Change("haven");

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".rz-data-row")));
        Assert.Contains("Haven van morgen", page.Find(".rz-data-row").TextContent, StringComparison.Ordinal);
        Assert.Equal("haven", Source.ProjectQueries[^1].Text);
        Assert.Equal(0, Source.ProjectQueries[^1].Skip);
    }

    [Fact]
    public void The_project_grid_reads_its_page_again_after_an_update_of_its_province()
    {
        Source.Projects.Add(Project("a", "Circulair bouwen", "antwerpen", 100m, 0m));
        var page = RenderProvince("antwerpen");
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".rz-data-row")));

        Source.Projects[0] = Source.Projects[0] with { Paid = 75.25m };
        Source.Raise(new IndicatorsUpdate(12, [Antwerpen(2_000_000.5m, position: 12)], []));

        page.WaitForAssertion(() => Assert.Equal("€\u00A075,25", page.Find(".rz-data-row [data-measure=paid]").TextContent));
    }

    [Fact]
    public void A_province_card_links_to_its_province_page()
    {
        var card = Render<ProvinceCard>(p => p.Add(c => c.Scope, Samples.Scope("oost-vlaanderen", 1m)));
        Assert.Equal("provincies/oost-vlaanderen", card.Find("h3 a").GetAttribute("href"));

        var flanders = Render<ProvinceCard>(p => p.Add(c => c.Scope, Samples.Scope("flanders", 1m)));
        Assert.Empty(flanders.FindAll("h3 a"));
    }
}
