using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The campaign page's figures open the events page with the figure's explanation, whose total equals the card, as the
/// server renders both pages for a logged-in deputy.
/// </summary>
public sealed partial class CampaignDrilldownPageTests
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task A_campaign_card_figure_opens_the_events_page_whose_explanation_totals_the_card()
    {
        await using var silo = SiloFactory.Embedded();
        using var admin = silo.CreateClient();
        const string slug = "drill-2026";
        var today = MonitorClock.System.Today;
        string Day(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Now(int hour) => MonitorClock.AtBrusselsTime(today.ToDateTime(new TimeOnly(hour, 0))).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        async Task Post(string path, string json)
        {
            var response = await admin.PostJsonAsync(path, json);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var c = $"/api/campaigns/{slug}";
        await Post("/api/campaigns", $$"""{"slug":"{{slug}}","name":"Maand van de Markt","periodStart":"{{Day(20)}}","periodEnd":"{{Day(-10)}}","provinces":["limburg","antwerpen"],"targets":[],"effectiveDate":"{{Day(30)}}"}""");
        await Post($"{c}/municipalities", $$"""{"municipality":"71004","effectiveDate":"{{Day(25)}}"}""");
        await Post($"{c}/markets", $$"""{"marketId":"beringen","name":"Markt Beringen","municipality":"71004","weekday":"saturday","traders":45,"effectiveDate":"{{Day(24)}}"}""");
        await Post($"{c}/markets/beringen/days", $$"""{"date":"{{Day(3)}}","tradersPresent":41}""");
        await Post($"{c}/markets/beringen/days", $$"""{"date":"{{Day(0)}}","tradersPresent":40}""");
        await Post($"{c}/markets/beringen/entries", $$"""{"count":37,"at":"{{Day(3)}}T09:30:00+01:00"}""");
        await Post($"{c}/markets/beringen/entries", $$"""{"count":12,"at":"{{Now(0)}}"}""");
        await Post("/api/admin/users", $$"""{"login":"gedeputeerde","password":"{{Password}}","role":"deputy"}""");
        var head = await silo.CountEventsAsync();
        var deadline = MonitorClock.System.Now.AddSeconds(30);
        CampaignFigures? view = null;
        while ((view is null || view.Position < head) && MonitorClock.System.Now < deadline)
        {
            var response = await admin.GetAsync(new Uri($"/api/indicators/campaigns/{slug}", UriKind.Relative));
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CampaignFigures>(JsonSerializerOptions.Web) : null;
            if (view is null || view.Position < head) await Task.Delay(100);
        }
        Assert.True(view is not null && view.Position >= head, "the projector folded the campaign");

        using var browser = CookieBrowser.Of(silo);
        Assert.Equal("/", (await browser.LogInAsync("gedeputeerde", Password)).Headers.Location?.ToString());
        var campaignPage = await HtmlAsync(browser, $"/campagnes/{slug}");

        foreach (var (scope, measure, expected, logged) in new[] { ("flanders", "entries-total", "49", 2), ("province:limburg", "entries-day", "12", 2), ("province:limburg", "traders", "45", 1) })
        {
            var link = Link(campaignPage, scope, measure);
            Assert.Equal(expected, link.Text);
            Assert.Contains($"scope=campaign%3A{slug}", link.Href, StringComparison.Ordinal);
            var eventsPage = await HtmlAsync(browser, "/" + link.Href);
            var total = FigureTotal().Match(eventsPage);
            Assert.True(total.Success, $"{scope} {measure}: no figure total on {link.Href}");
            Assert.Equal(link.Text, total.Groups[1].Value);
            Assert.Contains("campagne Maand van de Markt", eventsPage, StringComparison.Ordinal);
            // The log below lists the figure's event types of the campaign's streams (it cannot filter by day).
            Assert.Equal(logged, LoggedRow().Count(eventsPage));
        }
    }

    private static async Task<string> HtmlAsync(CookieBrowser browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The link of a card's figure: its address (relative to the base) and its text.</summary>
    private static (string Href, string Text) Link(string html, string scope, string measure)
    {
        var card = html[html.IndexOf($"data-scope=\"{scope}\"", StringComparison.Ordinal)..];
        var figure = card[card.IndexOf($"data-measure=\"{measure}\"", StringComparison.Ordinal)..];
        var match = Anchor().Match(figure);
        Assert.True(match.Success, $"{scope} {measure}: no link");
        return (WebUtility.HtmlDecode(match.Groups[1].Value), WebUtility.HtmlDecode(match.Groups[2].Value).Trim());
    }

    [GeneratedRegex("<a[^>]*href=\"([^\"]+)\"[^>]*>([^<]*)</a>")]
    private static partial Regex Anchor();

    [GeneratedRegex("<tr[^>]*data-type=\"(EntriesRegistered|MarketJoined)")]
    private static partial Regex LoggedRow();

    [GeneratedRegex("data-testid=\"figure-total\"[^>]*>([^<]*)<")]
    private static partial Regex FigureTotal();
}
