using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The province, events, project and cluster pages in a real Chromium against a real silo: live figures, the
/// drill-down from a number to its events, the timeline, the reconnect banner and the print stylesheet.
/// Three logins, below the silo's ten per minute.
/// </summary>
public sealed class DrilldownPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public async Task A_province_page_opened_from_its_card_updates_live_and_its_number_opens_the_event_just_recorded()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();

        await page.Locator("article[data-scope='province:antwerpen'] h3").GetByRole(AriaRole.Link, new() { Name = "Antwerpen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Antwerpen", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=by-domain]")).ToBeVisibleAsync();
        var granted = page.Locator(".pm-totals [data-measure=granted]");
        var before = DashboardPageTests.ParseMoney(await granted.TextContentAsync());
        await page.EvaluateAsync("() => { window.provmonNoReload = true; }");

        const decimal amount = 98_765.43m;
        var projectId = await DemoSession.RecordSubsidyAsync(dashboard, "KC-01", amount);

        await Expect(granted).ToHaveTextAsync("€\u00A0" + (before + amount).ToString("#,##0.00", Belgian));
        Assert.True(await page.EvaluateAsync<bool>("() => window.provmonNoReload === true"));

        // The number is a link with an accessible name; Enter on it opens the events that made it.
        var figure = page.GetByRole(AriaRole.Link, new() { Name = "toegekend door Antwerpen, gebeurtenissen tonen" }).First;
        await figure.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/gebeurtenissen\\?province=antwerpen&type=SubsidyGranted\\.v2"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gebeurtenissen", Level = 1 })).ToBeVisibleAsync();
        // Above the log, the events that make the figure, by project title, with a total equal to the card.
        await Expect(page.Locator("[data-testid=figure-total]")).ToHaveTextAsync("€\u00A0" + (before + amount).ToString("#,##0.00", Belgian));
        await Expect(page.Locator("[data-testid=figure-events]")).Not.ToContainTextAsync("project-");
        var recorded = page.Locator("[data-testid=events] tbody tr").First;
        await Expect(recorded).ToContainTextAsync("Subsidie toegekend: € 98.765,43 (Provincie)");
        await Expect(page.Locator("[data-testid=events] tbody tr:not([data-type='SubsidyGranted.v2']):not([data-type='ProjectCorrected.v1']):not([data-type='ProjectRetracted.v1'])")).ToHaveCountAsync(0);

        // From the event to its project: the timeline ends with the grant.
        await recorded.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{projectId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tijdlijn" })).ToBeVisibleAsync();
        var timeline = page.Locator("[data-testid=timeline] li");
        await Expect(timeline.First).ToContainTextAsync("Project geregistreerd");
        await Expect(timeline.Last).ToContainTextAsync("Subsidie toegekend: € 98.765,43 (Provincie)");
        await Screenshots.SaveAsync(page, "project", output);
    }

    [Fact]
    public async Task The_events_cluster_and_project_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gebeurtenissen" }).ClickAsync();
        await Expect(page.Locator("[data-testid=events]")).ToBeVisibleAsync();
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/gebeurtenissen", await page.RunAxe());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Clusters" }).ClickAsync();
        await Expect(page.Locator("[data-testid=clusters] tbody tr[data-code=flux50]")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/clusters", await page.RunAxe());

        await page.GetByRole(AriaRole.Link, new() { Name = "Flux50", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flux50", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=funding-by-province]")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/clusters/flux50", await page.RunAxe());

        await page.GotoAsync("/provincies/limburg");
        await Expect(page.Locator("[data-testid=project-link]").First).ToBeVisibleAsync();
        await page.Locator("[data-testid=project-link]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=timeline]")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, page.Url, await page.RunAxe());
    }

    [Fact]
    public async Task The_reconnect_banner_shows_when_the_circuit_drops_and_printing_hides_the_navigation()
    {
        var page = await dashboard.NewPageAsync();
        var sockets = new List<IWebSocketRoute>();
        var cut = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            if (cut)
            {
                _ = ws.CloseAsync();
                return;
            }
            ws.ConnectToServer();
            sockets.Add(ws);
        });
        await DemoSession.LogInAsync(page, dashboard);
        await page.GotoAsync("/provincies/antwerpen");
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".pm-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".pm-back")).ToBeHiddenAsync();
        await Expect(page.Locator(".pm-key-figures .pm-totals")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator(".pm-header")).ToBeVisibleAsync();

        // No way back to the server: every new connection attempt fails too.
        cut = true;
        await page.RouteAsync(new Regex("/_blazor(/|\\?)"), route => route.AbortAsync());
        foreach (var socket in sockets) await socket.CloseAsync();

        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Verbinding met de server verbroken.");
    }
}
