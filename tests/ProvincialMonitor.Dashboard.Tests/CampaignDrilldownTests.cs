using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Campaigns;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>A campaign's figures open the events that make them; the events page names the campaign and keeps the explanation live.</summary>
public sealed class CampaignDrilldownTests : DashboardContext
{
    private const string Slug = CampaignSamples.Slug;

    public CampaignDrilldownTests() => Campaigns.Campaigns[Slug] = CampaignSamples.Campaign();

    private IRenderedComponent<Campaign> RenderCampaign()
    {
        var page = Render<Campaign>(p => p.Add(c => c.Slug, Slug));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".pm-campaign-card")));
        return page;
    }

    private static string? Href(IRenderedComponent<Campaign> page, string scope, string measure) =>
        page.Find($".pm-campaign-card[data-scope='{scope}'] [data-measure={measure}] a").GetAttribute("href");

    private IRenderedComponent<Events> RenderEvents(EventFilter filter)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(filter.Href);
        var page = Render<Events>();
        page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=events]").Count + page.FindAll("[data-testid=no-events]").Count > 0));
        return page;
    }

    private static FigureExplanation Entries(decimal total, long position) =>
        new($"campaign:{Slug}", "campaign.entries", MeasureCatalog.LabelOf("campaign.entries"), total, position,
            [new FigureLine(Guid.NewGuid(), position, $"market-{Slug}/beringen", "EntriesRegistered.v1", CampaignSamples.Start, "Markt Beringen", total, false, false)]);

    [Fact]
    public void Each_card_figure_opens_its_drilldown_the_whole_on_Vlaanderen_s_card_and_the_province_s_part_on_a_province_s()
    {
        var page = RenderCampaign();

        string[] shown = ["municipalities", "markets", "traders", "market-days", "entries-day", "entries-total"];
        foreach (var (measure, figure) in shown.Select(m => (m, m == "entries-total" ? "entries" : m)))
        {
            Assert.Equal(new EventFilter(Campaign: Slug, Types: MeasureCatalog.Find($"campaign.{figure}")!.DrilldownTypes,
                Scope: $"campaign:{Slug}", Measure: $"campaign.{figure}").Href, Href(page, "flanders", measure));
            Assert.Equal(new EventFilter(Province: "antwerpen", Campaign: Slug, Types: MeasureCatalog.Find($"campaign.{figure}.antwerpen")!.DrilldownTypes,
                Scope: $"campaign:{Slug}", Measure: $"campaign.{figure}.antwerpen").Href, Href(page, "province:antwerpen", measure));
        }
        Assert.Contains("campaign=maand-van-de-markt-2027", Href(page, "flanders", "entries-day"), StringComparison.Ordinal);
        Assert.Equal("1.234", page.Find(".pm-campaign-card[data-scope='province:antwerpen'] [data-measure=entries-day] a").TextContent);
        Assert.StartsWith("1.234: deelnames vandaag in Antwerpen",
            page.Find(".pm-campaign-card[data-scope='province:antwerpen'] [data-measure=entries-day] a").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_drilldown_filters_the_log_by_campaign_and_describes_it_by_the_campaign_s_name()
    {
        Source.Explanation = Entries(120m, 40);
        var page = RenderEvents(Drilldown.ForCampaign(Slug, "entries")!);

        Assert.Equal(Slug, Source.EventQueries.Single().Filter.Campaign);
        Assert.Equal("Gebeurtenissen met campagne Maand van de Markt 2027; soort "
            + string.Join(", ", MeasureCatalog.Find("campaign.entries")!.DrilldownTypes.Select(DutchNames.EventType)) + ".",
            page.Find("[data-testid=filter-description]").TextContent);
        Assert.DoesNotContain(Slug, page.Find("[data-testid=filter-description]").TextContent, StringComparison.Ordinal);
        Assert.Equal("120", page.Find("[data-testid=figure-total]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=lead-note]"));
    }

    [Fact]
    public void An_unknown_campaign_is_said_to_be_unknown()
    {
        var page = RenderEvents(new EventFilter(Campaign: "bestaat-niet"));

        Assert.Equal("Gebeurtenissen met een onbekende campagne ‘bestaat-niet’.", page.Find("[data-testid=filter-description]").TextContent);
    }

    [Fact]
    public void The_explanation_is_read_again_when_events_arrive_and_the_newer_is_kept()
    {
        Source.Explanation = Entries(120m, 40);
        var page = RenderEvents(Drilldown.ForCampaign(Slug, "entries")!);
        Assert.Equal("120", page.Find("[data-testid=figure-total]").TextContent);

        Source.Explanation = Entries(135m, 41);
        Source.Raise(new IndicatorsUpdate(41, [], [MarketEvent(41)]));
        page.WaitForAssertion(() => Assert.Equal("135", page.Find("[data-testid=figure-total]").TextContent));

        // An answer older than the one shown (a slow read overtaken by a newer) does not undo it.
        Source.Explanation = Entries(120m, 40);
        Source.Raise(new IndicatorsUpdate(42, [], [MarketEvent(42)]));
        page.WaitForAssertion(() => Assert.True(Source.EventQueries.Count >= 3));
        Assert.Equal("135", page.Find("[data-testid=figure-total]").TextContent);
    }

    [Fact]
    public void An_update_without_an_event_of_the_figure_s_types_does_not_read_the_explanation_again()
    {
        Source.Explanation = Entries(120m, 40);
        var page = RenderEvents(Drilldown.ForCampaign(Slug, "entries")!);
        var reads = Source.ExplainReads;

        Source.Raise(new IndicatorsUpdate(41, [], [MarketEvent(41) with { EventType = EventTypes.NameOf(typeof(MarketDayHeld)) }]));
        page.WaitForAssertion(() => Assert.Equal(2, Source.EventQueries.Count));
        Assert.Equal(reads, Source.ExplainReads);

        Source.Raise(new IndicatorsUpdate(42, [], [MarketEvent(42) with { EventType = EventTypes.NameOf(typeof(MarketJoined)) }]));
        page.WaitForAssertion(() => Assert.Equal(reads + 1, Source.ExplainReads));
    }

    private static EventSummary MarketEvent(long position) =>
        new(position, $"market-{Slug}/beringen", EventTypes.NameOf(typeof(EntriesRegistered)), CampaignSamples.Start, new DateTimeOffset(CampaignSamples.Start.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), ["limburg"], "…");
}
