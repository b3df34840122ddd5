using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Reference;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The map of Flanders on the comparison and a province page and the municipality page, in a real Chromium against a
/// real silo with the demo data (its projects located in municipalities): the shapes, the legend, the table, the keys,
/// a live change, a click, the old-code redirect and axe. Three logins.
/// </summary>
public sealed class MapPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>Westerlo: Kamp C (KC-01, the project DemoSession grants to) lies there.</summary>
    private const string Westerlo = "13049";

    private static ILocator Map(IPage page) => page.Locator("[data-testid=map-section]");

    [Fact]
    public async Task The_comparison_map_draws_285_municipalities_with_a_legend_and_a_table_and_follows_a_grant_posted_through_the_API()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();

        var map = Map(page);
        await Expect(map.Locator("path.pm-map-shape")).ToHaveCountAsync(285);
        await Expect(map.Locator(".pm-map-legend-title")).ToHaveTextAsync("Toegekend (in euro)");
        await Expect(map.Locator(".pm-map-legend li")).Not.ToHaveCountAsync(0);
        await Expect(map.Locator("[data-testid=map-unlocated] tbody tr")).ToHaveCountAsync(5);

        await map.GetByText("Tabel bij de kaart").ClickAsync();
        var cell = map.Locator($".pm-map-table tr[data-key='{Westerlo}'] td.pm-num");
        await Expect(cell).ToBeVisibleAsync();
        var before = DashboardPageTests.ParseMoney(await cell.TextContentAsync());
        var shape = map.Locator($"path.pm-map-shape[data-key='{Westerlo}']");
        var classBefore = await shape.GetAttributeAsync("class");
        await page.EvaluateAsync("() => { window.provmonNoReload = true; }");

        const decimal amount = 10_000_000m;
        await DemoSession.RecordSubsidyAsync(dashboard, "KC-01", amount);

        var after = "€\u00A0" + (before + amount).ToString("#,##0.00", Belgian);
        await Expect(cell).ToHaveTextAsync(after);
        await Expect(shape).ToHaveAttributeAsync("aria-label", $"Westerlo: {after}");
        // The largest value now: the darkest class, whatever it was before.
        await Expect(shape).ToHaveAttributeAsync("class", new Regex("pm-map-c4"));
        output.WriteLine($"class before: {classBefore}");
        Assert.True(await page.EvaluateAsync<bool>("() => window.provmonNoReload === true"));

        DemoSession.AssertAccessible(output, "/", await page.RunAxe());
    }

    [Fact]
    public async Task The_map_is_one_tab_stop_the_arrow_keys_move_and_Enter_opens_the_municipality()
    {
        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(Map(page).Locator("path.pm-map-shape")).ToHaveCountAsync(285);

        const string focusedKey = "() => document.activeElement?.classList.contains('pm-map-shape') ? document.activeElement.getAttribute('data-key') : null";
        string? first = null;
        for (var i = 0; i < 200 && first is null; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            first = await page.EvaluateAsync<string?>(focusedKey);
        }
        Assert.NotNull(first);
        // One tab stop: the next Tab leaves the map.
        Assert.Equal(1, await Map(page).Locator("path.pm-map-shape[tabindex='0']").CountAsync());

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(Map(page).Locator($"path.pm-map-shape[data-key='{first}']")).ToHaveAttributeAsync("tabindex", "-1");
        // The focus follows the tab stop after the render that moved it (a call back from the circuit): wait for it.
        await page.WaitForFunctionAsync($"() => ({focusedKey})() !== null && ({focusedKey})() !== '{first}'");
        var moved = await page.EvaluateAsync<string?>(focusedKey);
        Assert.NotNull(moved);
        Assert.NotEqual(first, moved);
        var name = (await Map(page).Locator($"path.pm-map-shape[data-key='{moved}']").GetAttributeAsync("aria-label"))!.Split(':')[0];

        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/gemeenten/{moved}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_click_on_a_municipality_shows_its_projects_and_markets_an_old_code_redirects_and_the_pages_pass_axe()
    {
        // A campaign with one market per province, so that a municipality has a market.
        var settings = await PlayedCampaign.PlayAsync(dashboard, output, seed: 5, days: 1);
        using var http = PlayedCampaign.Client(dashboard);
        // The campaign this test played: other tests on the same dashboard add campaigns of their own.
        var slug = settings.Slug;
        // The projector catches up after the simulation's last answer: read until the campaign's markets are there.
        async Task<JsonElement[]> MarketsAsync()
        {
            using var answer = await http.GetAsync(new Uri($"api/indicators/campaigns/{slug}", UriKind.Relative));
            return answer.IsSuccessStatusCode ? [.. (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("markets").EnumerateArray()] : [];
        }
        var deadline = MonitorClock.System.Now.AddSeconds(60);
        // Kamp C is an Antwerpen project: the market it is located beside is the one in Antwerpen.
        static bool InAntwerpen(JsonElement m) =>
            ReferenceData.FindMunicipality(m.GetProperty("municipality").GetString()!)?.ProvinceSlug == "antwerpen";
        var markets = (await MarketsAsync()).Where(InAntwerpen).ToArray();
        while (markets.Length == 0 && MonitorClock.System.Now < deadline)
        {
            await Task.Delay(200);
            markets = (await MarketsAsync()).Where(InAntwerpen).ToArray();
        }
        Assert.NotEmpty(markets);
        var market = markets[0];
        var nis = market.GetProperty("municipality").GetString()!;
        var marketName = market.GetProperty("name").GetString()!;
        // Kamp C is located there too (beside Westerlo).
        await LocateAsync("KC-01", [Westerlo, nis]);

        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        var shape = Map(page).Locator($"path.pm-map-shape[data-key='{nis}']");
        await Expect(shape).ToHaveAttributeAsync("aria-label", new Regex(": €.[1-9]"));
        await shape.ScrollIntoViewIfNeededAsync();
        var point = await shape.EvaluateAsync<double[]?>("""
            el => {
                const r = el.getBoundingClientRect();
                for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
                    const x = r.left + r.width * i / 24, y = r.top + r.height * j / 24;
                    if (document.elementFromPoint(x, y) === el) return [x, y];
                }
                return null;
            }
            """);
        Assert.NotNull(point);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);

        await Expect(page).ToHaveURLAsync(new Regex($"/gemeenten/{nis}$"));
        await Expect(page.Locator("[data-testid=municipality-projects]")).ToContainTextAsync("Kamp C: circulair bouwen en wonen");
        await Expect(page.Locator("[data-testid=municipality-markets]")).ToContainTextAsync(marketName);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, page.Url, await page.RunAxe());

        // A figure opens the events that make it: the drill-down on the municipality's scope, with the same total.
        var granted = page.Locator("[data-testid=municipality-figures] [data-measure=granted] a");
        var total = await granted.TextContentAsync();
        await granted.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/gebeurtenissen\\?.*scope=municipality%3A{nis}"));
        await Expect(page.Locator("[data-testid=figure-total]")).ToHaveTextAsync(total!);

        // A code of before 2025 answers with a redirect to its 2025 municipality, before any page is drawn.
        var answer = await page.APIRequest.GetAsync("gemeenten/11056", new() { MaxRedirects = 0 });
        output.WriteLine($"GET /gemeenten/11056: {answer.Status} {answer.Headers.GetValueOrDefault("location")}");
        Assert.InRange(answer.Status, 300, 399);
        await page.GotoAsync("gemeenten/11056");
        await Expect(page).ToHaveURLAsync(new Regex("/gemeenten/46030$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beveren-Kruibeke-Zwijndrecht", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("provincies/antwerpen");
        await Expect(Map(page).Locator("path.pm-map-shape")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        DemoSession.AssertAccessible(output, "/provincies/antwerpen", await page.RunAxe());
    }

    private async Task LocateAsync(string projectRef, string[] municipalities)
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        var found = await http.GetFromJsonAsync<JsonElement>(new Uri($"api/projects/by-ref/antwerpen/{projectRef}", UriKind.Relative));
        var id = found.GetProperty("projectId").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/projects/{id}/location", UriKind.Relative))
        {
            Content = JsonContent.Create(new { municipalities, effectiveDate = MonitorClock.System.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
        };
        request.Headers.Add("Idempotency-Key", $"browser-test-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request);
        output.WriteLine($"POST location: {(int)response.StatusCode}");
        Assert.True(response.IsSuccessStatusCode, $"POST location: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(HttpStatusCode.Accepted, response.StatusCode);
    }
}
