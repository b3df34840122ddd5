using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Provinces;
using ProvincialMonitor.Dashboard.Shared;
using Radzen;
using Radzen.Blazor.Rendering;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class ComponentTests : DashboardContext
{

    [Fact]
    public void A_card_shows_the_key_figures_in_Belgian_formats()
    {
        var scope = Samples.Scope("antwerpen", 1_234_567.89m,
            measured: [new MeasuredIndicator("employment-rate", 76.1m, "percent", "2025", "Statbel EAK", 80m, 2030)]);

        var card = Render<ProvinceCard>(p => p.Add(c => c.Scope, scope));

        Assert.Equal("Antwerpen", card.Find("h3").TextContent);
        Assert.Equal("€\u00A01.234.567,89", card.Find("[data-measure=granted]").TextContent);
        Assert.Equal("€\u00A01.233.567,89", card.Find("[data-measure=paid]").TextContent);
        Assert.Equal("4", card.Find("[data-measure=projects]").TextContent);
        Assert.Equal("3", card.Find("[data-measure='projects.status.running']").TextContent);
        var employment = card.Find("[data-measure=employment-rate]").TextContent;
        Assert.Contains("gemeten 76,1\u00A0% (2025)", employment, StringComparison.Ordinal);
        Assert.Contains("doel 80,0\u00A0% (2030)", employment, StringComparison.Ordinal);
        // 19:15:03 UTC on 28 November is 20:15 in Brussels.
        Assert.Contains("Laatste gebeurtenis 28/11/2026 20:15", card.Find(".pm-card-foot").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_without_a_measured_employment_rate_leaves_it_out()
    {
        var card = Render<ProvinceCard>(p => p.Add(c => c.Scope, Samples.Scope("limburg", 0m)));

        Assert.Empty(card.FindAll("[data-measure=employment-rate]"));
        Assert.Equal("€\u00A00,00", card.Find("[data-measure=granted]").TextContent);
    }

    [Fact]
    public void The_live_state_shows_the_time_of_the_last_update_in_Brussels()
    {
        var state = Render<LiveState>(p => p.Add(s => s.LastUpdate, new DateTimeOffset(2026, 11, 28, 19, 15, 3, TimeSpan.Zero)));

        Assert.Equal("Live — laatste update 20:15:03", state.Find("[role=status] .pm-live-on").TextContent.Trim());
        Assert.Empty(state.FindAll("[role=alert]"));
    }

    /// <summary>
    /// A dropped circuit cannot render: the live line carries the banner's words beforehand, in the classes the
    /// stylesheet shows while Blazor shows the banner (the browser test LiveStateTests sees it happen).
    /// </summary>
    [Fact]
    public void The_live_line_carries_what_the_reconnect_banner_says_for_when_the_connection_drops()
    {
        var state = Render<LiveState>(p => p.Add(s => s.LastUpdate, new DateTimeOffset(2026, 11, 28, 19, 15, 3, TimeSpan.Zero)));

        var lost = state.Find("[role=status] .pm-live-lost");
        Assert.StartsWith("Verbinding met de server verbroken", lost.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Opnieuw verbinden…", lost.QuerySelector(".pm-reconnect-trying")?.TextContent);
        Assert.Equal("Herlaad de pagina.", lost.QuerySelector(".pm-reconnect-lost")?.TextContent);
        Assert.DoesNotContain("Live", lost.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ranking_follows_the_chosen_measure_with_the_provinces_highest_first()
    {
        var chart = Render<ComparisonChart>(p => p.Add(c => c.Scopes, Samples.Comparison()));

        var rows = chart.FindAll(".pm-ranking tbody tr");
        Assert.Equal(6, rows.Count);
        Assert.Equal("province:west-vlaanderen", rows[0].GetAttribute("data-scope"));
        Assert.Contains("€\u00A05.000.000,00", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("province:antwerpen", rows[4].GetAttribute("data-scope"));
        Assert.Equal("flanders", rows[5].GetAttribute("data-scope"));
        Assert.NotEmpty(chart.FindAll("svg"));
    }

    [Fact]
    public void The_page_shows_a_card_per_province_and_Flanders_and_follows_a_live_update_without_reload()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("article.pm-card").Count));
        Assert.Equal("€\u00A01.000.000,00", Granted(page, "province:antwerpen"));
        Assert.Equal(1, Source.Subscribers);

        var newer = Samples.Scope("antwerpen", 1_250_000.5m, position: 11);
        var recorded = new EventSummary(11, "project-x", "SubsidyGranted", new DateOnly(2026, 11, 20),
            new DateTimeOffset(2026, 11, 28, 19, 15, 3, TimeSpan.Zero), ["antwerpen"], "Subsidie toegekend: € 250.000,50 (province)");
        Source.Raise(new IndicatorsUpdate(11, [newer], [recorded]));

        page.WaitForAssertion(() => Assert.Equal("€\u00A01.250.000,50", Granted(page, "province:antwerpen")));
        Assert.Contains("Subsidie toegekend: € 250.000,50", page.Find(".pm-ticker").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Live — laatste update", page.Find(".pm-live").TextContent.Trim(), StringComparison.Ordinal);
        // The others are untouched by an update that did not carry them.
        Assert.Equal("€\u00A02.000.000,00", Granted(page, "province:limburg"));
    }

    [Fact]
    public void An_older_update_does_not_overwrite_newer_figures()
    {
        Source.Scopes[0] = Samples.Scope("antwerpen", 3_000_000m, position: 20);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal("€\u00A03.000.000,00", Granted(page, "province:antwerpen")));

        Source.Raise(new IndicatorsUpdate(15, [Samples.Scope("antwerpen", 1m, position: 15)], []));

        page.WaitForAssertion(() => Assert.Equal("€\u00A03.000.000,00", Granted(page, "province:antwerpen")));
    }

    [Fact]
    public async Task Leaving_the_page_unsubscribes_from_theSource()
    {
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(1, Source.Subscribers));

        await DisposeComponentsAsync();

        Assert.Equal(0, Source.Subscribers);
    }

    [Fact]
    public void A_failingSource_shows_a_warning_instead_of_the_live_state()
    {
        Source.Failure = new InvalidOperationException("projector unavailable");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("Geen live-gegevens", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".pm-live"));
    }

    [Fact]
    public void Demo_data_is_marked_as_such()
    {
        Source.HasDemoData = true;
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("Demogegevens", page.Find("[data-testid=demo-banner]").TextContent, StringComparison.Ordinal));

        Source.HasDemoData = false;
        var real = Render<Home>();
        real.WaitForAssertion(() => Assert.Equal(6, real.FindAll("article.pm-card").Count));
        Assert.Empty(real.FindAll("[data-testid=demo-banner]"));
    }

    private static string Granted(IRenderedComponent<Home> page, string scope) =>
        page.Find($"article[data-scope='{scope}'] [data-measure=granted]").TextContent;
}
