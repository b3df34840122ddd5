using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The comparison page as the demo deputy sees it, live, through a real Chromium against a real silo; and the
/// accessibility of the pages a user meets first. Kept below ten logins (the silo's limit per minute).
/// </summary>
public sealed class DashboardPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public async Task A_subsidy_recorded_through_the_API_changes_the_province_card_without_reload()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vergelijking van de provincies", Level = 1 })).ToBeVisibleAsync();
        // Only once the circuit is up can an update reach the page; before that it shows "Verbinden…".
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(page.GetByText("Demogegevens.")).ToBeVisibleAsync();

        var granted = page.Locator("article[data-scope='province:antwerpen'] [data-measure=granted]");
        var before = ParseMoney(await granted.TextContentAsync());
        // A reload would drop this marker: the figure must change in the page that is open.
        await page.EvaluateAsync("() => { window.provmonNoReload = true; }");

        const decimal amount = 125_000.50m;
        await DemoSession.RecordSubsidyAsync(dashboard, "KC-01", amount);

        await Expect(granted).ToHaveTextAsync("€\u00A0" + (before + amount).ToString("#,##0.00", Belgian));
        Assert.True(await page.EvaluateAsync<bool>("() => window.provmonNoReload === true"));
        await Expect(page.Locator(".pm-ticker")).ToContainTextAsync("Subsidie toegekend");

        // The README's picture (docs/dashboard.png) shows the map too.
        await Expect(page.Locator("[data-testid=map-section] path.pm-map-shape")).ToHaveCountAsync(285);
        await Screenshots.SaveAsync(page, "dashboard", output);
    }

    [Fact]
    public async Task The_login_page_and_the_comparison_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/login", await page.RunAxe());

        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(page.Locator(".pm-chart svg").First).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/", await page.RunAxe());
    }

    /// <summary>"€ 1.234.567,89" as a number; written out here on purpose, not taken from the product's formatter.</summary>
    internal static decimal ParseMoney(string? text)
    {
        Assert.NotNull(text);
        Assert.StartsWith("€\u00A0", text, StringComparison.Ordinal);
        return decimal.Parse(text[2..], NumberStyles.Number, Belgian);
    }
}
