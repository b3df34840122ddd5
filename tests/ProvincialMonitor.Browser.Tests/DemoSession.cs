using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Security;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>What the browser tests do as the demo deputy and as a program with the admin key.</summary>
internal static class DemoSession
{
    public const string Deputy = "gedeputeerde";

    public const string Auditor = "auditor";

    public static async Task LogInAsync(IPage page, DashboardFixture dashboard, string login = Deputy)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync(login);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(dashboard.Address, "/").ToString());
    }

    /// <summary>A grant on a demo project of Antwerpen, by the bootstrap admin key; returns the project's id.</summary>
    public static async Task<string> RecordSubsidyAsync(DashboardFixture dashboard, string projectRef, decimal amount)
    {
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        using var found = await http.GetAsync(new Uri($"api/projects/by-ref/antwerpen/{projectRef}", UriKind.Relative));
        found.EnsureSuccessStatusCode();
        var projectId = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectId").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/projects/{projectId}/subsidies", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                grantRef = $"{projectRef}-BROWSER-{Guid.NewGuid():N}",
                amount,
                funder = "province",
                decisionRef = "DEP-2026-999",
                body = "deputatie",
                effectiveDate = MonitorClock.System.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }),
        };
        request.Headers.Add("Idempotency-Key", $"browser-test-{Guid.NewGuid():N}");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST subsidies: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return projectId;
    }

    /// <summary>Fails on serious or critical axe violations; writes every violation to the test output.</summary>
    public static void AssertAccessible(ITestOutputHelper output, string path, Deque.AxeCore.Commons.AxeResult result)
    {
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"{path}: {violation.Impact} {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes) output.WriteLine($"    {string.Join(" ", node.Target)} {node.Html}");
        }
        Assert.True(blocking.Count == 0, $"{path}: {string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id} ({v.Nodes.Length}×): {v.Help}"))}");
    }
}
