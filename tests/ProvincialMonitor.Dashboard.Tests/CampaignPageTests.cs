using Bunit;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Campaigns;
using Radzen.Blazor;

namespace ProvincialMonitor.Dashboard.Tests;

public sealed class CampaignPageTests : DashboardContext
{
    public CampaignPageTests() => Campaigns.Campaigns[CampaignSamples.Slug] = CampaignSamples.Campaign();

    private IRenderedComponent<Campaign> RenderCampaign(string slug = CampaignSamples.Slug)
    {
        var page = Render<Campaign>(p => p.Add(c => c.Slug, slug));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("p:contains('worden geladen')")));
        return page;
    }

    private static string Measure(IRenderedComponent<Campaign> page, string scope, string measure) =>
        page.Find($".pm-campaign-card[data-scope='{scope}'] [data-measure={measure}]").TextContent.Trim();

    private static string Progress(IRenderedComponent<Campaign> page, string scope, string code) =>
        page.Find($".pm-campaign-card[data-scope='{scope}'] [data-progress={code}] [data-field=progress]").TextContent.Trim();

    [Fact]
    public void The_campaign_page_shows_the_figures_of_each_province_and_Flanders_in_Belgian_formats()
    {
        var page = RenderCampaign();

        Assert.Equal("Maand van de Markt 2027", page.Find("h1").TextContent);
        Assert.Equal(["province:antwerpen", "province:limburg", "province:oost-vlaanderen", "flanders"],
            page.FindAll(".pm-campaign-card").Select(c => c.GetAttribute("data-scope")));
        Assert.Equal("Antwerpen", page.Find(".pm-campaign-card[data-scope='province:antwerpen'] h3").TextContent);
        Assert.Equal("23 van 69 (33,3\u00A0%)", Measure(page, "province:antwerpen", "municipalities"));
        Assert.Equal("71", Measure(page, "province:antwerpen", "markets"));
        Assert.Equal("812", Measure(page, "province:antwerpen", "traders"));
        Assert.Equal("1.234", Measure(page, "province:antwerpen", "entries-day"));
        Assert.Equal("12.345", Measure(page, "province:antwerpen", "entries-total"));
        Assert.Equal("79 van 171 (46,2\u00A0%)", Measure(page, "flanders", "municipalities"));
        Assert.Equal("1.762", Measure(page, "flanders", "traders"));
        Assert.Equal("38.345", Measure(page, "flanders", "entries-total"));

        Assert.Equal("01/04/2027 – 30/04/2027", page.Find("[data-field=period]").TextContent);
        Assert.Equal("dag 12 van 30 (12/04/2027)", page.Find("[data-field=day]").TextContent);
        // 08:15:03 UTC on 12 April is 10:15 in Brussels (summer time).
        Assert.Equal("12/04/2027 10:15", page.Find("[data-field=last-event]").TextContent);
        Assert.Contains("Live — laatste update", page.Find(".pm-live").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_shown_against_each_target_as_a_bar_and_in_words()
    {
        var page = RenderCampaign();

        Assert.Equal("12.345 van 27.000 (45,7\u00A0%)", Progress(page, "province:antwerpen", "entries"));
        Assert.Equal("71 van 80 (88,8\u00A0%)", Progress(page, "province:antwerpen", "markets"));
        Assert.Equal("23 van 30 (76,7\u00A0%)", Progress(page, "province:antwerpen", "municipalities"));
        Assert.Equal("21.000 van 20.000 (105,0\u00A0%)", Progress(page, "province:limburg", "entries"));
        Assert.Equal("38.345 van 47.000 (81,6\u00A0%)", Progress(page, "flanders", "entries"));
        Assert.Equal("5.000 (geen doel)", Progress(page, "province:oost-vlaanderen", "entries"));

        var bar = page.Find(".pm-campaign-card[data-scope='province:antwerpen'] [data-progress=entries] [role=progressbar]");
        Assert.Equal("45.7", bar.GetAttribute("aria-valuenow"));
        Assert.Contains("Deelnames: 45,7\u00A0% van het doel", bar.GetAttribute("aria-label"), StringComparison.Ordinal);
        // A target passed fills the bar, no further; the words say by how much.
        Assert.Equal("100", page.Find(".pm-campaign-card[data-scope='province:limburg'] [data-progress=entries] [role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Empty(page.FindAll(".pm-campaign-card[data-scope='province:oost-vlaanderen'] [data-progress=entries] [role=progressbar]"));
    }

    [Fact]
    public void The_tiles_colour_each_province_by_its_progress_and_say_it_in_words()
    {
        var page = RenderCampaign();

        var tiles = page.FindAll("[data-testid=tiles] li");
        Assert.Equal(["west-vlaanderen", "oost-vlaanderen", "antwerpen", "vlaams-brabant", "limburg"], tiles.Select(t => t.GetAttribute("data-scope")));
        var antwerpen = page.Find("[data-testid=tiles] li[data-scope=antwerpen]");
        Assert.Equal("quarter", antwerpen.GetAttribute("data-band"));
        Assert.Equal("45,7\u00A0%", antwerpen.QuerySelector("[data-field=share]")!.TextContent);
        Assert.Contains("25 tot 50 %", antwerpen.TextContent, StringComparison.Ordinal);
        Assert.Contains("12.345 van 27.000 deelnames", antwerpen.TextContent, StringComparison.Ordinal);
        var limburg = page.Find("[data-testid=tiles] li[data-scope=limburg]");
        Assert.Equal("reached", limburg.GetAttribute("data-band"));
        Assert.Contains("doel bereikt", limburg.TextContent, StringComparison.Ordinal);
        Assert.Equal("none", page.Find("[data-testid=tiles] li[data-scope=oost-vlaanderen]").GetAttribute("data-band"));
        Assert.Contains("neemt niet deel", page.Find("[data-testid=tiles] li[data-scope=west-vlaanderen]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_scope_is_compared_with_last_year_s_campaign_at_the_same_day()
    {
        Campaigns.Campaigns[CampaignSamples.Slug] = CampaignSamples.Campaign(antwerpen: CampaignSamples.Antwerpen(previous: 15_000));
        var page = RenderCampaign();

        // 12.345 against 15.000: 17,7 % fewer; Flanders 38.345 against 20.000: 91,7 % more.
        Assert.StartsWith("−17,7\u00A0% t.o.v. vorig jaar", Measure(page, "province:antwerpen", "previous"), StringComparison.Ordinal);
        Assert.Contains("vorig jaar op dezelfde dag: 15.000", Measure(page, "province:antwerpen", "previous"), StringComparison.Ordinal);
        Assert.StartsWith("+91,7\u00A0% t.o.v. vorig jaar", Measure(page, "flanders", "previous"), StringComparison.Ordinal);
        // Limburg had no campaign last year: nothing to compare with.
        Assert.Empty(page.FindAll(".pm-campaign-card[data-scope='province:limburg'] [data-measure=previous]"));
        Assert.StartsWith("vorig jaar op dezelfde dag nog geen deelnames", Measure(page, "province:oost-vlaanderen", "previous"), StringComparison.Ordinal);
        Assert.Equal("campagnes/maand-van-de-markt-2026", page.Find("[data-testid=previous-note] a").GetAttribute("href"));
    }

    [Fact]
    public void The_day_s_figures_say_today_while_the_campaign_runs_and_name_the_day_otherwise()
    {
        var page = RenderCampaign();
        var today = page.FindAll(".pm-campaign-card[data-scope=flanders] dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Deelnames vandaag", today);
        Assert.Equal("Deelnames per uur vandaag", page.Find("#hourly-title").TextContent);
        Assert.Contains("Deelnames vandaag", page.FindAll(".rz-column-title").Select(t => t.TextContent.Trim()));

        Campaigns.Campaigns[CampaignSamples.Slug] = CampaignSamples.Campaign(today: false);
        var past = RenderCampaign();
        var labels = past.FindAll(".pm-campaign-card[data-scope=flanders] dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Deelnames op 12/04/2027", labels);
        Assert.DoesNotContain("Deelnames vandaag", labels);
        Assert.Equal("Deelnames per uur op 12/04/2027", past.Find("#hourly-title").TextContent);
    }

    [Fact]
    public void The_hourly_table_has_the_24_hours_of_the_day_per_scope()
    {
        var page = RenderCampaign();

        var rows = page.FindAll("[data-testid=hourly-table] tbody tr");
        Assert.Equal(24, rows.Count);
        Assert.Equal("09:00", rows[9].QuerySelector("th")!.TextContent);
        Assert.Equal("300", rows[9].QuerySelector("td[data-scope='province:antwerpen']")!.TextContent);
        Assert.Equal("1.500", rows[8].QuerySelector("td[data-scope='province:limburg']")!.TextContent);
        Assert.Equal("0", rows[20].QuerySelector("td[data-scope=flanders]")!.TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=hourly-chart] svg"));
    }

    [Fact]
    public void A_closed_campaign_shows_its_final_figures_and_says_it_is_closed()
    {
        Campaigns.Campaigns[CampaignSamples.Slug] = CampaignSamples.Campaign(closed: true, today: false);
        var page = RenderCampaign();

        Assert.Equal("Afgesloten", page.Find("[data-field=status]").TextContent);
        Assert.Contains("Afgesloten", page.Find("[data-testid=closed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("eindcijfers", page.Find("[data-testid=closed-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".pm-live-dot"));
        Assert.Equal("38.345", Measure(page, "flanders", "entries-total"));
    }

    [Fact]
    public void A_live_update_of_the_campaign_changes_the_counters()
    {
        var page = RenderCampaign();
        Assert.Equal(1, Campaigns.Subscribers);

        Campaigns.Raise(CampaignSamples.Campaign(position: 11, antwerpen: CampaignSamples.Antwerpen(entries: 12_346)) with
        {
            Scopes = [CampaignSamples.Antwerpen(entries: 12_346), CampaignSamples.Limburg(), CampaignSamples.OostVlaanderen(), CampaignSamples.Flanders(38_346)],
        });

        page.WaitForAssertion(() => Assert.Equal("12.346", Measure(page, "province:antwerpen", "entries-total")));
        Assert.Equal("38.346", Measure(page, "flanders", "entries-total"));
        Assert.Equal("12.346", page.Find("[data-testid=tiles] li[data-scope=antwerpen] .pm-tile-detail").TextContent.Split(' ')[0]);
    }

    [Fact]
    public void A_stale_update_and_an_update_of_another_campaign_are_ignored()
    {
        var page = RenderCampaign();

        Campaigns.Raise(CampaignSamples.Campaign(position: 9, antwerpen: CampaignSamples.Antwerpen(entries: 1)));
        Campaigns.Raise(CampaignSamples.Campaign(position: 20, antwerpen: CampaignSamples.Antwerpen(entries: 2)) with { Slug = "maand-van-de-markt-2026" });
        // A newer update afterwards proves the two before it were handled, not merely still on their way.
        Campaigns.Raise(CampaignSamples.Campaign(position: 10, antwerpen: CampaignSamples.Antwerpen(entries: 12_400)));

        page.WaitForAssertion(() => Assert.Equal("12.400", Measure(page, "province:antwerpen", "entries-total")));
        Campaigns.Raise(CampaignSamples.Campaign(position: 9, antwerpen: CampaignSamples.Antwerpen(entries: 1)));
        page.WaitForAssertion(() => Assert.Equal("12.400", Measure(page, "province:antwerpen", "entries-total")));
    }

    [Fact]
    public async Task Leaving_the_campaign_page_unsubscribes()
    {
        RenderCampaign();
        Assert.Equal(1, Campaigns.Subscribers);

        await DisposeComponentsAsync();

        Assert.Equal(0, Campaigns.Subscribers);
    }

    [Fact]
    public void An_unknown_campaign_says_so_in_Dutch()
    {
        var page = RenderCampaign("maand-van-de-markt-1999");

        Assert.Equal("Onbekende campagne", page.Find("h1").TextContent);
        Assert.Contains("‘maand-van-de-markt-1999’", page.Find("[data-testid=unknown]").TextContent, StringComparison.Ordinal);
        Assert.Equal("campagnes", page.Find("[data-testid=unknown] a").GetAttribute("href"));
        Assert.Empty(page.FindAll(".pm-campaign-card"));
    }

    [Fact]
    public void A_failing_source_is_reported_as_a_warning()
    {
        Campaigns.Failure = new InvalidOperationException("projector down");
        var page = RenderCampaign();

        Assert.Contains("konden niet gelezen worden", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=unknown]"));
    }

    [Fact]
    public void The_municipality_table_is_searchable_and_filters_by_province()
    {
        var page = RenderCampaign();
        var grid = page.Find("[data-testid=municipality-count]").ParentElement!;
        Assert.Equal(4, grid.QuerySelectorAll(".rz-data-row").Length);
        // Sorted by entries, highest first.
        Assert.Equal(["Hasselt", "Mechelen", "Antwerpen", "Gent"], grid.QuerySelectorAll(".rz-data-row td:first-child").Select(td => td.TextContent.Trim()));

        page.Find("input[name=municipality-search]").Input("gen");

        page.WaitForAssertion(() => Assert.Equal("1 gemeente van 4", page.Find("[data-testid=municipality-count]").TextContent));
        var row = page.Find("[data-testid=municipality-count]").ParentElement!.QuerySelector(".rz-data-row")!;
        Assert.Contains("Gent", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Oost-Vlaanderen", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("5.000", row.QuerySelector("[data-measure=entries]")!.TextContent);

        page.Find("input[name=municipality-search]").Input("7102");
        page.WaitForAssertion(() => Assert.Contains("Hasselt", page.Find("[data-testid=municipality-count]").ParentElement!.QuerySelector(".rz-data-row")!.TextContent, StringComparison.Ordinal));

        page.Find("input[name=municipality-search]").Input("");
        page.FindAll(".pm-section:has([data-testid=municipality-count]) .rz-dropdown-item")
            .First(li => li.TextContent.Trim() == "Antwerpen").Click();
        page.WaitForAssertion(() => Assert.Equal("2 gemeenten van 4", page.Find("[data-testid=municipality-count]").TextContent));
    }

    [Fact]
    public void The_market_table_is_searchable_by_market_or_municipality()
    {
        var page = RenderCampaign();
        Assert.Equal("5 markten", page.Find("[data-testid=market-count]").TextContent);

        page.Find("input[name=market-search]").Input("antwerpen");

        page.WaitForAssertion(() => Assert.Equal("2 markten van 5", page.Find("[data-testid=market-count]").TextContent));
        var rows = page.Find("[data-testid=market-count]").ParentElement!.QuerySelectorAll(".rz-data-row");
        Assert.Equal(["Vrijdagmarkt Antwerpen", "Zondagsmarkt Antwerpen"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Contains("vrijdag", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("09/04/2027", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("4.000", rows[0].QuerySelector("[data-measure=entries]")!.TextContent);
    }

    [Fact]
    public void A_live_update_keeps_the_page_of_the_market_table()
    {
        var many = CampaignSamples.Campaign();
        var markets = Enumerable.Range(1, 20)
            .Select(i => new CampaignMarketRow($"x-{i}", $"Markt {i:00}", "11002", "Antwerpen", "antwerpen", "friday", 10, 1, 1_000 - i, 0, null))
            .ToList();
        Campaigns.Campaigns[CampaignSamples.Slug] = many with { Markets = markets };
        var page = RenderCampaign();
        var section = () => page.Find(".pm-section:has([data-testid=market-count])");
        Assert.Equal("Markt 01", section().QuerySelector(".rz-data-row td")!.TextContent.Trim());

        page.FindAll(".pm-section:has([data-testid=market-count]) .rz-pager-next")[0].Click();
        page.WaitForAssertion(() => Assert.Equal("Markt 16", section().QuerySelector(".rz-data-row td")!.TextContent.Trim()));

        markets[19] = markets[19] with { Entries = 2_000 };
        Campaigns.Raise(many with { Position = 11, Markets = [.. markets] });

        page.WaitForAssertion(() => Assert.Equal("Markt 15", section().QuerySelector(".rz-data-row td")!.TextContent.Trim()));
        Assert.Equal(5, section().QuerySelectorAll(".rz-data-row").Length);
    }

    [Fact]
    public void The_market_table_sorts_by_a_chosen_column_and_keeps_that_order_through_a_live_update()
    {
        var page = RenderCampaign();
        IEnumerable<string> Names() => page.Find(".pm-section:has([data-testid=market-count])").QuerySelectorAll(".rz-data-row")
            .Select(r => r.QuerySelector("td")!.TextContent.Trim());
        // Highest entries first until the reader chooses otherwise.
        Assert.Equal("Dinsdagmarkt Hasselt", Names().First());

        // The reader sorts on the market day: the days in week order, not in the alphabet. (The header's own mouse and
        // keyboard handling is Radzen's; here the grid is asked directly, as its header would ask it.)
        var grid = page.FindComponent<RadzenDataGrid<MarketLine>>();
        grid.InvokeAsync(() => grid.Instance.OrderBy(nameof(MarketLine.WeekdayOrder)));
        page.WaitForAssertion(() => Assert.Equal(
            ["Dinsdagmarkt Hasselt", "Vrijdagmarkt Antwerpen", "Vrijdagmarkt Gent", "Zaterdagmarkt Mechelen", "Zondagsmarkt Antwerpen"], Names()));
        Assert.Equal(["dinsdag", "vrijdag", "vrijdag", "zaterdag", "zondag"],
            page.Find(".pm-section:has([data-testid=market-count])").QuerySelectorAll(".rz-data-row td:nth-child(4)").Select(td => td.TextContent.Trim()));

        // Hasselt moves its market to Sunday: it moves down, the table stays in week order.
        var markets = CampaignSamples.Campaign().Markets.Select(m => m.Id == "m-4" ? m with { Weekday = "sunday", Entries = 21_500 } : m).ToList();
        Campaigns.Raise(CampaignSamples.Campaign(position: 11) with { Markets = markets });
        page.WaitForAssertion(() => Assert.Equal(
            ["Vrijdagmarkt Antwerpen", "Vrijdagmarkt Gent", "Zaterdagmarkt Mechelen", "Zondagsmarkt Antwerpen", "Dinsdagmarkt Hasselt"], Names()));
        Assert.Equal("21.500", page.Find(".pm-section:has([data-testid=market-count]) .rz-data-row:last-child [data-measure=entries]").TextContent);
    }

    [Fact]
    public void The_list_shows_the_campaigns_newest_first_with_links()
    {
        Campaigns.List.AddRange(
        [
            new CampaignListItem("maand-van-de-markt-2026", "Maand van de Markt 2026", new(2026, 4, 1), new(2026, 4, 30), true, 250_000),
            new CampaignListItem(CampaignSamples.Slug, "Maand van de Markt 2027", new(2027, 4, 1), new(2027, 4, 30), false, 38_345),
        ]);

        var page = Render<CampaignsPage>();

        var rows = page.FindAll("[data-testid=campaigns] tbody tr");
        Assert.Equal([CampaignSamples.Slug, "maand-van-de-markt-2026"], rows.Select(r => r.GetAttribute("data-slug")));
        Assert.Equal("campagnes/maand-van-de-markt-2027", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("38.345", rows[0].QuerySelector("[data-measure=entries]")!.TextContent);
        Assert.Equal("Afgesloten", rows[1].QuerySelector("[data-field=status]")!.TextContent);
        Assert.Contains("01/04/2026 – 30/04/2026", rows[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_says_when_there_are_no_campaigns()
    {
        var page = Render<CampaignsPage>();

        Assert.Equal("Er zijn nog geen campagnes.", page.Find("[data-testid=no-campaigns]").TextContent);
    }
}

public sealed class CampaignViewTests
{
    private static CampaignListItem Item(string slug, int year, bool closed = false) =>
        new(slug, slug, new DateOnly(year, 4, 1), new DateOnly(year, 4, 30), closed, 0);

    [Fact]
    public void The_menu_leads_to_the_running_campaign_else_to_the_newest()
    {
        IReadOnlyList<CampaignListItem> campaigns = [Item("a-2026", 2026, closed: true), Item("a-2028", 2028), Item("a-2027", 2027)];

        Assert.Equal("a-2027", CampaignView.Current(campaigns, new DateOnly(2027, 4, 12))!.Slug);
        Assert.Equal("a-2028", CampaignView.Current(campaigns, new DateOnly(2027, 6, 1))!.Slug);
        Assert.Null(CampaignView.Current([], new DateOnly(2027, 4, 12)));
    }

    [Theory]
    [InlineData(0, "low")]
    [InlineData(249, "low")]
    [InlineData(250, "quarter")]
    [InlineData(500, "half")]
    [InlineData(749, "half")]
    [InlineData(750, "three-quarters")]
    [InlineData(999, "three-quarters")]
    [InlineData(1_000, "reached")]
    [InlineData(1_500, "reached")]
    public void The_band_follows_the_entries_against_the_target(long entries, string band)
    {
        var scope = CampaignSamples.Scope("province:limburg", "Limburg", 1, 1, 1, 1, entries, 0, new CampaignGoal(1, 1, 1_000), null, CampaignSamples.Hours());

        Assert.Equal(band, CampaignView.Band(scope).Code);
        Assert.Equal("none", CampaignView.Band(scope with { Target = null }).Code);
    }

    [Theory]
    [InlineData(10_000, 12_345, "+23,5\u00A0% t.o.v. vorig jaar")]
    [InlineData(10_000, 10_000, "0,0\u00A0% t.o.v. vorig jaar")]
    [InlineData(10_000, 5_000, "−50,0\u00A0% t.o.v. vorig jaar")]
    public void The_comparison_with_last_year_has_a_sign(long previous, long entries, string expected)
    {
        var scope = CampaignSamples.Scope("flanders", "Vlaanderen", 1, 1, 1, 1, entries, 0, null, previous, CampaignSamples.Hours());

        Assert.Equal(expected, CampaignView.Comparison(scope));
        Assert.Null(CampaignView.Comparison(scope with { PreviousAtSameDay = null }));
    }

    [Fact]
    public void The_status_and_the_day_of_the_period_are_in_Dutch()
    {
        var start = new DateOnly(2027, 4, 1);
        var end = new DateOnly(2027, 4, 30);
        Assert.Equal("Gepland", CampaignView.Status(false, start, end, new DateOnly(2027, 3, 31)));
        Assert.Equal("Loopt", CampaignView.Status(false, start, end, start));
        Assert.Equal("Periode voorbij", CampaignView.Status(false, start, end, new DateOnly(2027, 5, 1)));
        Assert.Equal("Afgesloten", CampaignView.Status(true, start, end, end));
        Assert.Equal("dag 12 van 30", CampaignView.DayOfPeriod(CampaignSamples.Campaign()));
        Assert.Equal("zaterdag", CampaignView.WeekdayName("saturday"));
    }
}
