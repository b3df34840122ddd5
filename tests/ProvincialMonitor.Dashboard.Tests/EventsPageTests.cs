using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Dashboard.Projects;
using ProvincialMonitor.Dashboard.Provinces;
using static ProvincialMonitor.Dashboard.Tests.LogSamples;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class EventsPageTests : DashboardContext
{
    public EventsPageTests() => Source.Log.AddRange(
    [
        Entry(3, "ProjectRegistered.v1", "Project geregistreerd: Circulair bouwen", source: "demo"),
        Entry(7, "SubsidyGranted.v1", "Subsidie toegekend: € 1.234.567,89 (province)"),
        Entry(8, "SubsidyGranted.v1", "Subsidie toegekend: € 10,00 (eu)", stream: "project-other", provinces: ["limburg"]),
        Entry(9, "DecisionTaken.v1", "Beslissing deputatie: Begroting", stream: "province-antwerpen"),
    ]);

    private static readonly string[] GrantTypes = ["SubsidyGranted.v1", "ProjectCorrected.v1", "ProjectRetracted.v1"];

    private IRenderedComponent<Events> RenderEvents(string? province = null, string[]? types = null, string? stream = null)
    {
        // The page takes its filter from the address, as a drill-down link gives it.
        Services.GetRequiredService<NavigationManager>().NavigateTo(new EventFilter(Province: province, Types: types, Stream: stream).Href);
        var page = Render<Events>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=events]").Count + page.FindAll("[data-testid=no-events]").Count > 0));
        return page;
    }

    private static List<string> Positions(IRenderedComponent<Events> page) =>
        page.FindAll("[data-testid=events] tbody tr").Select(r => r.GetAttribute("data-position")!).ToList();

    [Fact]
    public void The_filter_of_a_drilldown_shows_only_the_events_that_made_the_figure_newest_first()
    {
        var page = RenderEvents(province: "antwerpen", types: GrantTypes);

        Assert.Equal(["7"], Positions(page));
        var (filter, before, _) = Source.EventQueries.Single();
        Assert.Equal("antwerpen", filter.Province);
        Assert.Equal(GrantTypes, filter.Types);
        Assert.Null(before);
        var row = page.Find("[data-testid=events] tbody tr");
        Assert.Contains("Subsidie toegekend: € 1.234.567,89 (province)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("27/11/2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("28/11/2026 20:22", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"projecten/{ProjectId}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Gebeurtenissen met provincie Antwerpen; soort Subsidie toegekend, Correctie (project), Schrapping (project).",
            page.Find("[data-testid=filter-description]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=lead-note]"));
        Assert.Equal("gebeurtenissen", page.Find("[data-testid=clear-filter]").GetAttribute("href"));
    }

    [Fact]
    public void A_figure_s_drilldown_lists_its_events_by_project_title_marks_corrections_and_retractions_and_totals_the_figure()
    {
        var date = Contracts.MonitorClock.System.Today.AddDays(-3);
        Source.Explanation = new FigureExplanation("province:antwerpen", "granted", "Toegekend", 1_500m, 9,
        [
            new FigureLine(Guid.NewGuid(), 7, "project-kk", "SubsidyGranted.v2", date, "Kanaalkant", 1_500m, Corrected: true, Retracted: false),
            new FigureLine(Guid.NewGuid(), 8, "project-kk", "SubsidyGranted.v2", date, "Kanaalkant", 0m, Corrected: false, Retracted: true),
        ]);
        Services.GetRequiredService<NavigationManager>().NavigateTo(Drilldown.For("province:antwerpen", "granted")!.Href);

        var page = Render<Events>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=figure-events]")));

        Assert.Equal("€\u00A01.500,00", page.Find("[data-testid=figure-total]").TextContent);
        var rows = page.FindAll("[data-testid=figure-events] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Kanaalkant", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("verbeterd", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("true", rows[1].GetAttribute("data-retracted"));
        Assert.Contains("geschrapt", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("project-kk", page.Find("[data-testid=figure-events]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_filter_every_event_is_listed_and_demo_events_are_marked()
    {
        var page = RenderEvents();

        Assert.Equal(["9", "8", "7", "3"], Positions(page));
        Assert.Equal("Alle gebeurtenissen.", page.Find("[data-testid=filter-description]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=clear-filter]"));
        Assert.Single(page.FindAll(".pm-tag-demo"));
        Assert.Contains("Project geregistreerd", page.Find("tr[data-position='3']").TextContent, StringComparison.Ordinal);
        Assert.Equal("provincies/antwerpen", page.Find("tr[data-position='9'] a").GetAttribute("href"));
    }

    [Fact]
    public void An_empty_result_says_so()
    {
        var page = RenderEvents(stream: "project-nobody");

        Assert.Equal("Geen gebeurtenissen gevonden voor dit filter.", page.Find("[data-testid=no-events]").TextContent);
    }

    [Fact]
    public void Older_events_are_read_from_before_the_oldest_shown()
    {
        Source.Log.Clear();
        Source.Log.AddRange(Enumerable.Range(1, 60).Select(i => Entry(i, "SubsidyPaid.v1", $"Betaling {i}")));
        var page = RenderEvents();
        Assert.Equal(Events.PageSize, Positions(page).Count);
        Assert.Equal("60", Positions(page)[0]);

        page.Find("button.pm-more").Click();

        page.WaitForAssertion(() => Assert.Equal(60, Positions(page).Count));
        Assert.Equal(11, Source.EventQueries[^1].Before);
        Assert.Equal("1", Positions(page)[^1]);
        Assert.Empty(page.FindAll("button.pm-more"));
    }

    [Fact]
    public void A_new_event_that_matches_the_filter_appears_on_top_without_reload()
    {
        var page = RenderEvents(province: "antwerpen", types: GrantTypes);
        Assert.Equal(1, Source.Subscribers);

        Source.Log.Add(Entry(12, "SubsidyGranted.v1", "Subsidie toegekend: € 125.000,50 (province)"));
        Source.Log.Add(Entry(13, "MilestoneReached.v1", "Mijlpaal bereikt: dak"));
        Source.Raise(new IndicatorsUpdate(13, [], [Summary(12), Summary(13)]));

        page.WaitForAssertion(() => Assert.Equal(["12", "7"], Positions(page)));
    }

    [Fact]
    public async Task Leaving_the_events_page_unsubscribes()
    {
        RenderEvents();
        Assert.Equal(1, Source.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, Source.Subscribers);
    }

    private static EventSummary Summary(long position) =>
        new(position, "project-" + ProjectId, "SubsidyGranted.v1", new DateOnly(2026, 11, 28), Recorded, ["antwerpen"], "…");
}
