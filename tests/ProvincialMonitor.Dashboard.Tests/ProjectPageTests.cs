using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Projects;
using ProvincialMonitor.Dashboard.Shared;
using static ProvincialMonitor.Dashboard.Tests.LogSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class ProjectPageTests : DashboardContext
{
    public ProjectPageTests() => Source.ProjectDetails[ProjectId] = LogSamples.Project();

    private IRenderedComponent<Project> RenderProject(string id)
    {
        var page = Render<Project>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=timeline]").Count + page.FindAll("[data-testid=unknown]").Count > 0));
        return page;
    }

    [Fact]
    public void The_project_page_shows_its_details_grants_and_links()
    {
        var page = RenderProject(ProjectId);

        Assert.Equal("Circulair bouwen", page.Find("h1").TextContent);
        var details = page.Find("[data-testid=project-details]");
        Assert.Contains("CB-01", details.TextContent, StringComparison.Ordinal);
        Assert.Contains("Circulaire economie", details.TextContent, StringComparison.Ordinal);
        Assert.Equal("Lopend", page.Find("[data-field=status]").TextContent);
        Assert.Contains("01/01/2025 – 31/12/2027", details.TextContent, StringComparison.Ordinal);
        Assert.Equal(["provincies/antwerpen", "provincies/limburg", "clusters/catalisti"],
            details.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Catalisti", page.Find("[data-testid=project-clusters] a").TextContent);
        Assert.Equal("provincies/antwerpen", page.Find("[data-testid=back]").GetAttribute("href"));

        var granted = page.Find(".pm-totals [data-measure=granted] a");
        Assert.Equal("€\u00A01.484.567,89", granted.TextContent);
        Assert.Equal($"gebeurtenissen?stream=project-{ProjectId}&type=SubsidyGranted.v2&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=project%3A{ProjectId}&measure=granted", granted.GetAttribute("href"));
        Assert.Equal("€\u00A050.000,00", page.Find(".pm-totals [data-measure=paid]").TextContent);
        Assert.Equal("Uitbetaald (na terugvorderingen)", page.Find(".pm-totals [data-measure=paid]").PreviousElementSibling!.TextContent);
        Assert.Equal($"gebeurtenissen?stream=project-{ProjectId}", page.Find(".pm-totals [data-measure=events] a").GetAttribute("href"));

        var grant = page.Find("[data-testid=grants] tr[data-code='CB-01-G2']");
        Assert.Contains("Europese Unie", grant.TextContent, StringComparison.Ordinal);
        Assert.Equal("€\u00A0250.000,00", grant.QuerySelector("[data-measure=granted] a")!.TextContent);
        Assert.Contains("Gecreëerde jobs", page.Find("[data-testid=project-outputs]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Eerste steen", page.Find("[data-testid=milestones] li").TextContent);
    }

    [Fact]
    public void A_grant_shows_its_regulation_its_beneficiary_and_what_was_recovered_apart_from_the_net_paid()
    {
        var page = RenderProject(ProjectId);

        var grant = page.Find("[data-testid=grants] tr[data-code='CB-01-G1']");
        Assert.Contains("Reglement circulaire economie 2026", grant.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bouwbedrijf Janssens (0123.456.749)", grant.QuerySelector("[data-testid=beneficiary]")!.TextContent);
        Assert.Equal("€\u00A02.500,00", grant.QuerySelector("[data-measure=recovered] a")!.TextContent);
        Assert.Equal("–", page.Find("[data-testid=grants] tr[data-code='CB-01-G2'] [data-testid=beneficiary]").TextContent);
    }

    [Fact]
    public void The_timeline_lists_the_stream_in_order_with_Dutch_lines()
    {
        var page = RenderProject(ProjectId);

        var items = page.FindAll("[data-testid=timeline] li");
        Assert.Equal(["3", "7", "9"], items.Select(i => i.GetAttribute("data-position")));
        Assert.Contains("Project geregistreerd: Circulair bouwen", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("demogegevens", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("27/11/2026", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Subsidie toegekend", items[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_reads_the_project_again_only_for_an_event_of_its_own_stream()
    {
        var page = RenderProject(ProjectId);
        var reads = Source.ProjectReads;

        Source.Raise(new IndicatorsUpdate(20, [], [new EventSummary(20, "project-other", "SubsidyPaid.v1", new DateOnly(2026, 11, 28), Recorded, [], "…")]));
        Assert.Equal(reads, Source.ProjectReads);

        var timeline = LogSamples.Project().Timeline.Append(Entry(21, "SubsidyPaid.v1", "Subsidie uitbetaald: € 25.000,00")).ToList();
        Source.ProjectDetails[ProjectId] = LogSamples.Project(paid: 75_000m, timeline: timeline) with { Version = 5 };
        Source.Raise(new IndicatorsUpdate(21, [], [new EventSummary(21, "project-" + ProjectId, "SubsidyPaid.v1", new DateOnly(2026, 11, 28), Recorded, [], "…")]));

        page.WaitForAssertion(() => Assert.Equal("€\u00A075.000,00", page.Find(".pm-totals [data-measure=paid]").TextContent));
        Assert.Equal(4, page.FindAll("[data-testid=timeline] li").Count);
        Assert.Equal(reads + 1, Source.ProjectReads);
    }

    [Fact]
    public void The_event_count_is_the_streams_version_while_the_timeline_shows_its_newest_events()
    {
        Source.ProjectDetails[ProjectId] = LogSamples.Project() with { Version = 60 };

        var page = RenderProject(ProjectId);

        Assert.Equal("60", page.Find(".pm-totals [data-measure=events] a").TextContent);
        Assert.Equal(3, page.FindAll("[data-testid=timeline] li").Count);
    }

    [Fact]
    public void An_unknown_project_says_so_in_Dutch()
    {
        var page = RenderProject("geen-project");

        Assert.Equal("Onbekend project", page.Find("h1").TextContent);
        Assert.Contains("geen-project", page.Find("[data-testid=unknown]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_titles_in_the_grid_link_to_the_project_page()
    {
        Source.Projects.Add(new ProjectSummary(ProjectId, "Circulair bouwen", "CB-01", "antwerpen", [], "circular-economy", [], "running", 10m, 5m));
        var grid = Render<ProjectGrid>(p => p.Add(c => c.Slug, "antwerpen"));

        grid.WaitForAssertion(() => Assert.Single(grid.FindAll(".rz-data-row")));
        var link = grid.Find("[data-testid=project-link]");
        Assert.Equal($"projecten/{ProjectId}", link.GetAttribute("href"));
        Assert.Equal("Circulair bouwen", link.TextContent);
        Assert.Equal($"gebeurtenissen?stream=project-{ProjectId}&type=SubsidyPaid.v1&type=SubsidyRecovered.v1&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=project%3A{ProjectId}&measure=paid",
            grid.Find(".rz-data-row [data-measure=paid] a").GetAttribute("href"));
    }
}
