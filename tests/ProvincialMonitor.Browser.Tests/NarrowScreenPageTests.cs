using System.Text.Json;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Audit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// A phone's width (390 × 844 CSS pixels): no page of the dashboard scrolls sideways, and the menu and <i>Afmelden</i>
/// stay reachable. The pages are the dashboard's own routes (<see cref="DashboardRoutes"/>): every route without
/// parameters, the audit log of every kind of aggregate, and for every route with parameters a page that one of those
/// links to.
/// </summary>
public sealed class NarrowScreenPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private const int Width = 390;
    private const int Height = 844;

    /// <summary>The page's width, and the elements that stick out on the right of a parent that does not (outside any box that scrolls itself): the culprits.</summary>
    private const string Overflow = """
        () => {
            const root = document.scrollingElement;
            const limit = root.clientWidth;
            const right = e => Math.ceil(e.getBoundingClientRect().right);
            const name = e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
            const scrolled = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
            const wide = [...document.body.querySelectorAll('*')]
                .filter(e => right(e) > limit && e.parentElement && right(e.parentElement) <= limit && getComputedStyle(e).position !== 'fixed' && !scrolled(e))
                .slice(0, 6)
                .map(e => `${name(e.parentElement)} > ${name(e)} (${right(e)}px)`);
            return { scrollWidth: root.scrollWidth, clientWidth: limit, wide };
        }
        """;

    [Fact]
    public async Task At_390_pixels_no_page_scrolls_sideways_and_the_menu_and_Afmelden_stay_reachable()
    {
        await PlayedCampaign.PlayAsync(dashboard, output, seed: 5, days: 2);
        var page = await dashboard.NewPageAsync();
        await page.SetViewportSizeAsync(Width, Height);
        var problems = new List<string>();
        var reached = new HashSet<DashboardRoute>();
        var linked = new Dictionary<DashboardRoute, string>();

        async Task VisitAsync(string address)
        {
            await page.GotoAsync(address);
            await SettleAsync(page);
            var path = PathOf(address);
            if (DashboardRoutes.Of(path) is { } route) reached.Add(route);
            var width = await page.EvaluateAsync<JsonElement>(Overflow);
            var (scrollWidth, clientWidth) = (width.GetProperty("scrollWidth").GetInt32(), width.GetProperty("clientWidth").GetInt32());
            if (scrollWidth > clientWidth)
                problems.Add($"/{address}: {scrollWidth} px wide in {clientWidth} px ({string.Join(", ", width.GetProperty("wide").EnumerateArray())})");
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
            {
                if (!href.StartsWith(dashboard.Address.ToString(), StringComparison.Ordinal)) continue;
                var relative = href[dashboard.Address.ToString().Length..];
                if (DashboardRoutes.Of(PathOf(relative)) is { HasParameters: true } target) linked.TryAdd(target, relative);
            }
        }

        await VisitAsync("login");
        await DemoSession.LogInAsync(page, dashboard, "beheerder");
        foreach (var route in DashboardRoutes.All.Where(r => !r.HasParameters && r.Template != "/login")) await VisitAsync(route.Template.TrimStart('/'));
        foreach (var kind in AuditNames.Aggregates.Keys) await VisitAsync($"audit?aggregate={Uri.EscapeDataString(kind)}");
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (linked.Where(l => !reached.Contains(l.Key) && !tried.Contains(l.Value)).Select(l => l.Value).FirstOrDefault() is { } next)
        {
            tried.Add(next);
            await VisitAsync(next);
        }

        foreach (var problem in problems) output.WriteLine(problem);
        Assert.Empty(DashboardRoutes.All.Where(r => !reached.Contains(r)).Select(r => r.Template));
        Assert.True(problems.Count == 0, $"{problems.Count} page(s) scroll sideways at {Width} px: {string.Join(" | ", problems)}");

        // The menu: one button opens it, a link in it leads on and closes it; Afmelden is on the screen and works.
        await page.GotoAsync("/");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu", Exact = true });
        var clusters = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Clusters", Exact = true });
        await Expect(clusters).ToBeHiddenAsync();
        await menu.ClickAsync();
        await Expect(clusters).ToBeVisibleAsync();
        await Expect(clusters).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "narrow-menu-open", output);
        await clusters.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(dashboard.Address, "/clusters").ToString());
        await Expect(clusters).ToBeHiddenAsync();
        var logout = page.GetByRole(AriaRole.Button, new() { Name = "Afmelden", Exact = true });
        await Expect(logout).ToBeInViewportAsync();
        await logout.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");
    }

    /// <summary>Loaded: the network is quiet and nothing says it is still loading or connecting (at most about ten seconds).</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        for (var i = 0; i < 30; i++)
        {
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            if (!text.Contains(" geladen…", StringComparison.Ordinal) && !text.Contains("Verbinden…", StringComparison.Ordinal)) return;
            await Task.Delay(350);
        }
    }

    /// <summary>An address relative to the base, without its query and fragment.</summary>
    private static string PathOf(string relative) => relative.Split('?', '#')[0].TrimEnd('/');
}
