using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Clusters;
using ProvincialMonitor.Dashboard.Provinces;
using static ProvincialMonitor.Dashboard.Tests.LogSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class ClusterPageTests : DashboardContext
{
    public ClusterPageTests()
    {
        Source.Clusters.Add(Catalisti());
        Source.Clusters.Add(Provincial("haven-limburg", "Logistiek Limburg", "limburg"));
        Source.Projects.Add(new ProjectSummary(ProjectId, "Circulair bouwen", "CB-01", "antwerpen", [], "circular-economy", ["catalisti"], "running", 10m, 5m));
    }

    [Fact]
    public void The_cluster_page_shows_its_figures_as_drilldowns_and_its_members_and_projects()
    {
        var page = Render<Cluster>(p => p.Add(c => c.Slug, "catalisti"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".rz-data-row")));

        Assert.Equal("Catalisti", page.Find("h1").TextContent);
        Assert.Contains("Speerpuntcluster · chemie en kunststoffen", page.Find("[data-testid=cluster-kind]").TextContent, StringComparison.Ordinal);
        var funding = page.Find(".pm-totals [data-measure=cluster-funding] a");
        Assert.Equal("€\u00A0300.000,00", funding.TextContent);
        Assert.Equal("gebeurtenissen?cluster=catalisti&type=ClusterFundingGranted.v1&type=ClusterCorrected.v1&type=ClusterRetracted.v1&scope=cluster%3Acatalisti&measure=cluster-funding", funding.GetAttribute("href"));
        Assert.Equal("€\u00A01.484.567,89", page.Find(".pm-totals [data-measure=granted]").TextContent);
        Assert.Equal("gebeurtenissen?stream=cluster-catalisti&type=ClusterMemberJoined.v1&type=ClusterMemberLeft.v1",
            page.Find(".pm-totals [data-measure=members] a").GetAttribute("href"));

        var limburg = page.Find("[data-testid=funding-by-province] tr[data-code=limburg]");
        Assert.Equal("€\u00A0100.000,00", limburg.QuerySelector("[data-measure=cluster-funding]")!.TextContent.Trim());
        Assert.Equal("gebeurtenissen?province=limburg&cluster=catalisti&type=ClusterFundingGranted.v1&type=ClusterCorrected.v1&type=ClusterRetracted.v1&scope=cluster%3Acatalisti&measure=cluster-funding.limburg",
            limburg.QuerySelector("[data-measure=cluster-funding] a")!.GetAttribute("href"));
        Assert.Contains("Profilering", page.Find("[data-testid=fundings]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["BASF Antwerpen", "UAntwerpen"], page.FindAll("[data-testid=members] tbody th").Select(th => th.TextContent));
        Assert.Contains("Kennisinstelling", page.Find("[data-testid=members]").TextContent, StringComparison.Ordinal);

        Assert.Equal("catalisti", Source.ProjectQueries[^1].Cluster);
        Assert.Null(Source.ProjectQueries[^1].Province);
        Assert.Equal($"projecten/{ProjectId}", page.Find("[data-testid=project-link]").GetAttribute("href"));
    }

    [Fact]
    public void The_cluster_page_reads_again_after_an_event_of_a_project()
    {
        var page = Render<Cluster>(p => p.Add(c => c.Slug, "catalisti"));
        page.WaitForAssertion(() => Assert.Equal("€\u00A0300.000,00", page.Find(".pm-totals [data-measure=cluster-funding]").TextContent));

        Source.Clusters[0] = Catalisti() with { Summary = Catalisti().Summary with { Funding = 425_000.5m } };
        Source.Raise(new IndicatorsUpdate(30, [], [new EventSummary(30, "cluster-catalisti", "ClusterFundingGranted.v1", new DateOnly(2026, 11, 28), Recorded, ["antwerpen"], "…")]));

        page.WaitForAssertion(() => Assert.Equal("€\u00A0425.000,50", page.Find(".pm-totals [data-measure=cluster-funding]").TextContent));
    }

    [Fact]
    public void An_unknown_cluster_says_so_in_Dutch()
    {
        var page = Render<Cluster>(p => p.Add(c => c.Slug, "geen"));

        page.WaitForAssertion(() => Assert.Equal("Onbekende cluster", page.Find("h1").TextContent));
        Assert.Equal("clusters", page.Find("[data-testid=unknown] a").GetAttribute("href"));
    }

    [Fact]
    public void The_cluster_list_links_every_cluster_to_its_page()
    {
        var page = Render<ClustersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=clusters] tbody tr").Count));
        Assert.Equal(["clusters/catalisti", "clusters/haven-limburg"], page.FindAll("[data-testid=clusters] tbody th a").Select(a => a.GetAttribute("href")));
        Assert.Contains("(provinciaal)", page.Find("tr[data-code=haven-limburg]").TextContent, StringComparison.Ordinal);
        Assert.Equal("€\u00A0300.000,00", page.Find("tr[data-code=catalisti] [data-measure=cluster-funding]").TextContent);
    }

    [Fact]
    public void A_province_page_lists_the_spearhead_clusters_and_its_own_with_what_it_granted_them()
    {
        Source.Clusters.Add(Provincial("west-haven", "Westhaven", "west-vlaanderen"));
        var page = Render<Province>(p => p.Add(c => c.Slug, "limburg"));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=clusters] tbody tr").Count));
        Assert.Equal(["clusters/catalisti", "clusters/haven-limburg"], page.FindAll("[data-testid=clusters] tbody th a").Select(a => a.GetAttribute("href")));
        var own = page.Find("[data-testid=clusters] tr[data-code=catalisti] [data-measure='cluster-funding.province'] a");
        Assert.Equal("€\u00A0100.000,00", own.TextContent);
        Assert.Equal("gebeurtenissen?province=limburg&cluster=catalisti&type=ClusterFundingGranted.v1&type=ClusterCorrected.v1&type=ClusterRetracted.v1&scope=cluster%3Acatalisti&measure=cluster-funding.limburg", own.GetAttribute("href"));
        Assert.Contains("Financiering door Limburg", page.Find("[data-testid=clusters] thead").TextContent, StringComparison.Ordinal);
    }
}
