using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The business parks in a real Chromium against a real silo with the demo parks: a plot issued through the form moves the
/// map's value of its municipality (the park measure picked on the map), and the park pages pass axe. Two logins.
/// </summary>
public sealed class ParkPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>Geel-Punt, a demo park of Antwerpen, lies in Geel.</summary>
    private const string Park = "demo-geel-punt";

    private const string Geel = "13008";

    [Fact]
    public async Task A_plot_issued_through_the_form_lowers_the_available_hectares_of_its_municipality_on_the_map()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        var map = page.Locator("[data-testid=map-section]");
        await Expect(map.Locator("path.pm-map-shape")).ToHaveCountAsync(285);

        await map.Locator("[data-testid=map-measure]").ClickAsync();
        // Radzen shows the open list in a popup of its own: the one visible item of that name.
        await page.Locator(".rz-dropdown-item:visible", new() { HasTextRegex = new Regex(@"^\s*Beschikbaar\s*$") }).First.ClickAsync();
        await Expect(map.Locator(".pm-map-legend-title")).ToContainTextAsync("Beschikbaar");
        await map.GetByText("Tabel bij de kaart").ClickAsync();
        var cell = map.Locator($".pm-map-table tr[data-key='{Geel}'] td.pm-num");
        await Expect(cell).ToHaveTextAsync(new Regex("[1-9]"));
        var before = (await cell.TextContentAsync())!;
        output.WriteLine($"Geel, available before: {before}");

        var officer = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(officer, dashboard, "ambtenaar-antwerpen");
        await officer.GotoAsync($"/registreren/perceel?terrein={Park}");
        var submit = officer.Locator("[data-testid=submit]");
        await Expect(submit).ToBeEnabledAsync();
        await officer.Locator("#f-buyer").FillAsync("Browsertest Geel nv");
        await officer.Locator("#f-hectares").FillAsync("1,25");
        await officer.Locator("#f-sector").FillAsync("logistiek");
        await submit.ClickAsync();
        await Expect(officer.Locator("[data-testid=position]")).ToBeVisibleAsync();

        // The live page reads the map again after the change: 1,25 ha fewer available in Geel.
        await Expect(cell).Not.ToHaveTextAsync(before);
        var after = (await cell.TextContentAsync())!;
        output.WriteLine($"Geel, available after: {after}");
        Assert.Equal(Hectares(before) - 1.25m, Hectares(after));
        await Expect(map.Locator($"path.pm-map-shape[data-key='{Geel}']")).ToHaveAttributeAsync("aria-label", $"Geel: {after}");
    }

    [Fact]
    public async Task The_park_list_a_park_and_the_province_with_its_parks_pass_axe()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);

        await page.GotoAsync("bedrijventerreinen");
        await Expect(page.Locator("[data-testid=park-figures] tbody tr")).ToHaveCountAsync(6);
        DemoSession.AssertAccessible(output, "/bedrijventerreinen", await page.RunAxe());

        await page.GotoAsync($"bedrijventerreinen/{Park}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geel-Punt", Level = 1 })).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, $"/bedrijventerreinen/{Park}", await page.RunAxe());

        await page.GotoAsync("provincies/antwerpen");
        await Expect(page.Locator($"[data-testid=province-parks-list] tr[data-code='{Park}']")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/provincies/antwerpen", await page.RunAxe());
    }

    /// <summary>The number of a value as the map writes it (nl-BE, a unit after it).</summary>
    private static decimal Hectares(string text) =>
        decimal.Parse(Regex.Match(text, @"[0-9][0-9.]*(,[0-9]+)?").Value, NumberStyles.Number, Belgian);
}
