using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Border;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>
/// The province page's grant and cross-border parts: recovered beside paid (key figures and credits), the province's
/// cross-border projects by programme, and its border consultations and GROS obstacles with their Dutch status.
/// </summary>
public sealed class GrantPagesTests : DashboardContext
{
    private int ThisYear => Clock.Today.Year;

    private static ProjectSummary Project(string id, string title, string lead, string[] participants, ProjectProgrammeView? programme) =>
        new(id, title, null, lead, participants, "cross-border", [], "running", 0m, 0m) { Programme = programme };

    [Fact]
    public void Cross_border_projects_are_grouped_by_programme_with_its_period_and_maximum_and_each_project_s_own_rate()
    {
        Source.Projects.Add(Project("p1", "Logistieke corridors", "west-vlaanderen", ["antwerpen"], ProjectProgrammes.Of("interreg-vl-nl-2021", 40m)));
        Source.Projects.Add(Project("p2", "Havens verbonden", "antwerpen", [], ProjectProgrammes.Of("interreg-vl-nl-2021", null)));
        Source.Projects.Add(Project("p3", "Grensarbeid", "antwerpen", [], ProjectProgrammes.Of("Euregio Scheldemond", null)));
        Source.Projects.Add(Project("p4", "Zonder programma", "antwerpen", [], null));
        Source.Projects.Add(Project("p5", "Elders", "limburg", [], ProjectProgrammes.Of("interreg-emr-2021", 30m)));

        var section = Render<ProvinceCrossBorder>(p => p.Add(c => c.Slug, "antwerpen"));

        var tables = section.FindAll("[data-testid=programme]");
        Assert.Equal(["interreg-vl-nl-2021", "Euregio Scheldemond"], tables.Select(t => t.GetAttribute("data-programme")));
        Assert.Equal("Interreg VI Vlaanderen-Nederland (2021-2027), EFRO hoogstens 50,0\u00A0%", tables[0].QuerySelector("caption")!.TextContent);
        Assert.Equal([("Havens verbonden", "Leidend", "–"), ("Logistieke corridors", "Deelnemend", "40,0\u00A0%")],
            tables[0].QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.Children[1].TextContent, r.Children[2].TextContent)));
        Assert.Contains("vrije tekst", tables[1].QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Zonder programma", section.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Elders", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_without_cross_border_projects_says_so()
    {
        var section = Render<ProvinceCrossBorder>(p => p.Add(c => c.Slug, "limburg"));

        Assert.NotNull(section.Find("[data-testid=no-crossborder]"));
    }

    [Fact]
    public void The_border_list_shows_consultations_and_obstacles_with_their_status_in_Dutch()
    {
        Borders.Lists["limburg"] = new BorderView("limburg",
            [new BorderConsultationView("GSO-L1", "Grensarbeid in de Kempen", ["Provincie Limburg (NL)", "Euregio Maas-Rijn"])],
            [new BorderObstacleView("GROS-L7", "Grensarbeiders en thuiswerk", "tax-social-security", "escalated", null),
             new BorderObstacleView("GROS-L8", "Ambulances over de grens", "health", "solved", "Akkoord tussen de hulpdiensten")]);

        var section = Render<ProvinceBorder>(p => p.Add(c => c.Province, "limburg"));

        Assert.Contains("Euregio Maas-Rijn", section.Find("[data-testid=consultations]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Doorverwezen naar een hoger niveau", "Weggewerkt"], section.FindAll("[data-testid=obstacle-status]").Select(s => s.TextContent));
        Assert.Contains("Fiscaliteit en sociale zekerheid", section.Find("tr[data-obstacle=GROS-L7]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("escalated", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_border_list_says_there_is_nothing_yet()
    {
        var section = Render<ProvinceBorder>(p => p.Add(c => c.Province, "antwerpen"));

        Assert.NotNull(section.Find("[data-testid=no-consultations]"));
        Assert.NotNull(section.Find("[data-testid=no-obstacles]"));
    }

    [Fact]
    public void The_province_page_shows_recovered_beside_paid_opening_its_events_and_its_cross_border_and_border_sections()
    {
        var scope = Samples.Scope("antwerpen", 1_000_000m);
        Source.Scopes[Source.Scopes.FindIndex(s => s.Scope == scope.Scope)] = scope with
        {
            Measures = new Dictionary<string, decimal>(scope.Measures, StringComparer.Ordinal) { ["recovered"] = 20_000m },
        };

        var page = Render<Province>(p => p.Add(c => c.Slug, "antwerpen"));

        var recovered = page.Find(".pm-key-figures dd[data-measure=recovered] a");
        Assert.Equal("€\u00A020.000,00", recovered.TextContent.Trim());
        Assert.Contains("measure=recovered", recovered.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=province-crossborder]"));
        Assert.NotNull(page.Find("[data-testid=province-border]"));
    }

    [Fact]
    public void The_credits_table_shows_the_year_s_recoveries_apart_each_opening_its_events()
    {
        var scope = Samples.Scope("antwerpen", 0m);
        var y = ThisYear;
        scope = scope with
        {
            Measures = new Dictionary<string, decimal>(scope.Measures, StringComparer.Ordinal)
            {
                [$"budget.{y}.social-economy"] = 100_000m, [$"paid.year.{y}.social-economy"] = 60_000m, [$"recovered.year.{y}.social-economy"] = 20_000m,
                [$"recovered.year.{y}"] = 20_000m,
            },
        };

        var credits = Render<ProvinceCredits>(p => p.Add(c => c.Scope, scope).Add(c => c.Live, false));

        var cell = credits.Find($"tr[data-code=social-economy] td[data-measure='recovered.year.{y}.social-economy'] a");
        Assert.Equal("€\u00A020.000,00", cell.TextContent.Trim());
        Assert.Contains($"measure=recovered.year.{y}.social-economy", cell.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("€\u00A020.000,00", credits.Find($"tr[data-code=total] td[data-measure='recovered.year.{y}'] a").TextContent.Trim());
    }
}
