using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Audit;
using Xunit.Abstractions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>Every page of the demo (demo data and a campaign played by the simulator) shows no raw code.</summary>
public sealed class RawCodeDemoPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task No_page_of_the_demo_shows_a_raw_code()
    {
        // A campaign, so that the campaign pages have one to show (the demo data has none).
        await PlayedCampaign.PlayAsync(dashboard, output, seed: 3, days: 2);

        await PageWalk.AssertNoRawCodesAsync(dashboard, output);
    }
}

/// <summary>Every page of <c>--demo</c> (the silo plays last April and today's campaign against itself) shows no raw code.</summary>
public sealed class RawCodeSimulatedDemoPageTests(SimulatedDemoFixture dashboard, ITestOutputHelper output) : IClassFixture<SimulatedDemoFixture>
{
    [Fact]
    public async Task No_page_of_the_simulated_demo_shows_a_raw_code() => await PageWalk.AssertNoRawCodesAsync(dashboard, output);
}

/// <summary>A silo started as <c>--demo</c> starts it (<c>Demo:Simulate</c>), one market per province; ready once both campaigns exist.</summary>
public sealed class SimulatedDemoFixture() : DashboardFixture(new Dictionary<string, string?>
{
    ["Demo:Simulate"] = "true", ["Demo:MarketsPerProvince"] = "1", ["Demo:TrickleSeconds"] = "3600",
})
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminApiKey);
        for (var deadline = MonitorClock.System.Now.AddSeconds(180); MonitorClock.System.Now < deadline; await Task.Delay(1_000))
        {
            var campaigns = await http.GetFromJsonAsync<JsonElement>(new Uri("api/indicators/campaigns", UriKind.Relative));
            if (campaigns.ValueKind == JsonValueKind.Array && campaigns.GetArrayLength() >= 2) return;
        }
        throw new TimeoutException("--demo played no two campaigns within 180 s");
    }
}

/// <summary>
/// Walks the dashboard as the demo admin: every route without parameters, the audit log of every kind of aggregate
/// (whose rows link to the replays), and every page with parameters that a visited page links to (each route's pages
/// up to <see cref="PerRoute"/>; a route of several parameters, one page per value of its first). Fails on a raw code
/// in a page's visible text with every <c>details</c> opened (not in attributes, tooltips or <c>code</c> elements, which show what a file or an
/// auditor spells: the import columns, a hash) and on a route no page was reached for.
/// </summary>
internal static class PageWalk
{
    private const int PerRoute = 30;

    /// <summary>The visible text of the page without its <c>code</c> elements.</summary>
    private const string VisibleText = """
        () => {
            document.querySelectorAll('details').forEach(d => d.open = true);
            const codes = [...document.querySelectorAll('code')];
            const before = codes.map(c => c.style.display);
            codes.forEach(c => c.style.display = 'none');
            const text = document.body.innerText;
            codes.forEach((c, i) => c.style.display = before[i]);
            return text;
        }
        """;

    public static async Task AssertNoRawCodesAsync(DashboardFixture dashboard, ITestOutputHelper output)
    {
        var page = await dashboard.NewPageAsync();
        var problems = new List<string>();
        var reached = new Dictionary<DashboardRoute, List<string>>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();

        async Task VisitAsync(string address)
        {
            if (!visited.Add(address)) return;
            await page.GotoAsync(address);
            var text = await SettledTextAsync(page);
            problems.AddRange(RawCodes.Find(text).Select(hit => $"{address}: {hit.Code} in “{hit.Context}”"));
            var path = Path(address);
            if (DashboardRoutes.Of(path) is { } route) (reached.TryGetValue(route, out var list) ? list : reached[route] = []).Add(path);
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
            {
                if (!href.StartsWith(dashboard.Address.ToString(), StringComparison.Ordinal)) continue;
                var linked = Path(href[dashboard.Address.ToString().Length..]);
                if (DashboardRoutes.Of(linked) is not { HasParameters: true } target || visited.Contains(linked) || queue.Contains(linked)) continue;
                var pages = reached.GetValueOrDefault(target) ?? [];
                var wanted = target.Template.Count(c => c == '{') > 1
                    ? pages.Concat(queue.Where(target.Matches)).All(p => target.FirstParameter(p) != target.FirstParameter(linked))
                    : pages.Count + queue.Count(target.Matches) < PerRoute;
                if (wanted) queue.Enqueue(linked);
            }
        }

        await VisitAsync("login");
        await DemoSession.LogInAsync(page, dashboard, "beheerder");
        foreach (var route in DashboardRoutes.All.Where(r => !r.HasParameters)) queue.Enqueue(route.Template.TrimStart('/'));
        foreach (var kind in AuditNames.Aggregates.Keys) queue.Enqueue($"audit?aggregate={Uri.EscapeDataString(kind)}");
        while (queue.TryDequeue(out var next)) await VisitAsync(next);

        foreach (var (route, pages) in reached.OrderBy(r => r.Key.Template, StringComparer.Ordinal))
            output.WriteLine($"{route.Template}: {pages.Count} page(s)");
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.Empty(DashboardRoutes.All.Where(r => !reached.ContainsKey(r)).Select(r => r.Template));
        Assert.True(problems.Count == 0, $"{problems.Count} raw code(s) on the pages, first: {string.Join(" | ", problems.Take(10))}");
    }

    /// <summary>The page's text once it has loaded its data and stopped changing (or after about ten seconds).</summary>
    private static async Task<string> SettledTextAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var text = await page.EvaluateAsync<string>(VisibleText);
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(350);
            var now = await page.EvaluateAsync<string>(VisibleText);
            if (now == text && !now.Contains(" geladen…", StringComparison.Ordinal) && !now.Contains("Verbinden…", StringComparison.Ordinal)) break;
            text = now;
        }
        return text;
    }

    /// <summary>An address relative to the base, without its query and fragment.</summary>
    private static string Path(string relative) => relative.Split('?', '#')[0].TrimEnd('/');
}
