using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ProvincialMonitor.Silo.Security;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The comparison page as the demo deputy sees it, live, through a real Chromium against a real silo; and the
/// accessibility of the pages a user meets first. Kept below ten logins (the silo's limit per minute).
/// </summary>
public sealed class DashboardPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private const string Deputy = "gedeputeerde";
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    [Fact]
    public async Task A_subsidy_recorded_through_the_API_changes_the_province_card_without_reload()
    {
        var page = await dashboard.NewPageAsync();
        await LogInAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vergelijking van de provincies", Level = 1 })).ToBeVisibleAsync();
        // Only once the circuit is up can an update reach the page; before that it shows "Verbinden…".
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(page.GetByText("Demogegevens.")).ToBeVisibleAsync();

        var granted = page.Locator("article[data-scope='province:antwerpen'] [data-measure=granted]");
        var before = ParseMoney(await granted.TextContentAsync());
        // A reload would drop this marker: the figure must change in the page that is open.
        await page.EvaluateAsync("() => { window.provmonNoReload = true; }");

        const decimal amount = 125_000.50m;
        await RecordSubsidyAsync("KC-01", amount);

        await Expect(granted).ToHaveTextAsync("€\u00A0" + (before + amount).ToString("#,##0.00", Belgian), new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.provmonNoReload === true"));
        await Expect(page.Locator(".pm-ticker")).ToContainTextAsync("Subsidie toegekend", new() { Timeout = 5_000 });

        await Screenshots.SaveAsync(page, "dashboard", output);
    }

    [Fact]
    public async Task The_login_page_and_the_comparison_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        AssertAccessible("/login", await page.RunAxe());

        await LogInAsync(page);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await Expect(page.Locator(".pm-chart svg").First).ToBeVisibleAsync();
        AssertAccessible("/", await page.RunAxe());
    }

    private void AssertAccessible(string path, Deque.AxeCore.Commons.AxeResult result)
    {
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{path}: {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes) output.WriteLine($"    {string.Join(" ", node.Target)} {node.Html}");
        }
        Assert.True(blocking.Count == 0, $"{path}: {string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id} ({v.Nodes.Length}×): {v.Help}"))}");
    }

    private async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync(Deputy);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(dashboard.Address, "/").ToString());
    }

    /// <summary>A grant on a demo project of Antwerpen, by the bootstrap admin key, as a program would record it.</summary>
    private async Task RecordSubsidyAsync(string projectRef, decimal amount)
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        using var found = await http.GetAsync(new Uri($"api/projects/by-ref/antwerpen/{projectRef}", UriKind.Relative));
        found.EnsureSuccessStatusCode();
        var projectId = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectId").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/projects/{projectId}/subsidies", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                grantRef = $"{projectRef}-BROWSER",
                amount,
                funder = "province",
                decisionRef = "DEP-2026-999",
                body = "deputatie",
                effectiveDate = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Add("Idempotency-Key", $"browser-test-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST subsidies: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>"€ 1.234.567,89" as a number; written out here on purpose, not taken from the product's formatter.</summary>
    private static decimal ParseMoney(string? text)
    {
        Assert.NotNull(text);
        Assert.StartsWith("€\u00A0", text, StringComparison.Ordinal);
        return decimal.Parse(text[2..], NumberStyles.Number, Belgian);
    }
}
