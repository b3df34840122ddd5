using Bunit;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Dashboard.EventLog;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class DrilldownTests : DashboardContext
{
    [Fact]
    public void A_province_s_granted_money_is_its_subsidies_and_their_corrections()
    {
        var filter = Drilldown.For("province:antwerpen", "granted");

        Assert.NotNull(filter);
        Assert.Equal("gebeurtenissen?province=antwerpen&type=SubsidyGranted.v2&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=province%3Aantwerpen&measure=granted", filter.Href);
    }

    [Theory]
    [InlineData("province:limburg", "paid.domain.labour-market", "gebeurtenissen?province=limburg&domain=labour-market&type=SubsidyPaid.v1&type=SubsidyRecovered.v1&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=province%3Alimburg&measure=paid.domain.labour-market")]
    [InlineData("flanders", "projects.status.running", "gebeurtenissen?type=ProjectRegistered.v1&type=ProjectStatusChanged.v1&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=flanders&measure=projects.status.running")]
    [InlineData("province:antwerpen", "outputs.jobs-created", "gebeurtenissen?province=antwerpen&type=OutputReported.v1&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=province%3Aantwerpen&measure=outputs.jobs-created")]
    [InlineData("province:antwerpen", "budget.2026.spatial-economy", "gebeurtenissen?province=antwerpen&domain=spatial-economy&type=BudgetAllocated.v1&type=CreditAdjusted.v1&type=ProvinceCorrected.v1&type=ProvinceRetracted.v1&scope=province%3Aantwerpen&measure=budget.2026.spatial-economy")]
    [InlineData("cluster:sim", "cluster-funding.limburg", "gebeurtenissen?province=limburg&cluster=sim&type=ClusterFundingGranted.v1&type=ClusterCorrected.v1&type=ClusterRetracted.v1&scope=cluster%3Asim&measure=cluster-funding.limburg")]
    [InlineData("cluster:sim", "granted", "gebeurtenissen?cluster=sim&type=SubsidyGranted.v2&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=cluster%3Asim&measure=granted")]
    [InlineData("project:p-1", "paid", "gebeurtenissen?stream=project-p-1&type=SubsidyPaid.v1&type=SubsidyRecovered.v1&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=project%3Ap-1&measure=paid")]
    [InlineData("province:antwerpen", "cross-border.eu-granted", "gebeurtenissen?province=antwerpen&domain=cross-border&type=SubsidyGranted.v2&type=ProjectCorrected.v1&type=ProjectRetracted.v1&scope=province%3Aantwerpen&measure=cross-border.eu-granted")]
    public void Each_measure_opens_the_event_types_that_feed_it(string scope, string measure, string href) =>
        Assert.Equal(href, Drilldown.For(scope, measure)?.Href);

    [Fact]
    public void The_lead_only_note_follows_the_figure_s_attribution()
    {
        Assert.False(Drilldown.CountsLeadOnly(Drilldown.For("province:antwerpen", "granted")!));
        Assert.False(Drilldown.CountsLeadOnly(Drilldown.For("province:antwerpen", "projects.including-participations")!));
        Assert.True(Drilldown.CountsLeadOnly(Drilldown.For("province:antwerpen", "projects")!));
        Assert.True(Drilldown.CountsLeadOnly(Drilldown.For("province:antwerpen", "outputs.jobs-created")!));
    }

    [Fact]
    public void A_measure_no_event_feeds_has_no_drilldown_and_stays_plain_text()
    {
        Assert.Null(Drilldown.For("province:antwerpen", "no-such-measure"));

        var figure = Render<FigureLink>(p => p.Add(c => c.Text, "12").Add(c => c.What, "iets").Add(c => c.Filter, null));
        Assert.Empty(figure.FindAll("a"));
        Assert.Equal("12", figure.Markup.Trim());
    }

    [Fact]
    public void Measured_indicators_open_the_measurements_of_their_own_stream()
    {
        Assert.Equal("gebeurtenissen?stream=province-limburg&type=IndicatorMeasured.v1&type=TargetSet.v1&type=ProvinceCorrected.v1&type=ProvinceRetracted.v1&type=RegionCorrected.v1&type=RegionRetracted.v1",
            Drilldown.ForMeasured("province:limburg").Href);
        Assert.Equal("region-vlaanderen", Drilldown.ForMeasured("flanders").Stream);
    }

    [Fact]
    public void Values_are_escaped_in_the_address()
    {
        Assert.Equal("gebeurtenissen?stream=project-a%26b%20c", new EventFilter(Stream: "project-a&b c").Href);
        Assert.Equal("gebeurtenissen", new EventFilter().Href);
    }

    [Fact]
    public void The_figures_of_a_province_card_are_links_with_accessible_names()
    {
        var card = Render<ProvinceCard>(p => p.Add(c => c.Scope, Samples.Scope("antwerpen", 1_234_567.89m)));

        var granted = card.Find("[data-measure=granted] a");
        Assert.Equal("€\u00A01.234.567,89", granted.TextContent);
        Assert.Equal(Drilldown.For("province:antwerpen", "granted")!.Href, granted.GetAttribute("href"));
        Assert.Equal("€\u00A01.234.567,89: toegekend in Antwerpen, gebeurtenissen tonen", granted.GetAttribute("aria-label"));
        Assert.Equal(Drilldown.For("province:antwerpen", "projects.status.running")!.Href,
            card.Find("[data-measure='projects.status.running'] a").GetAttribute("href"));
        Assert.Equal(4, card.FindAll("dd a.pm-figure").Count);
    }
}
