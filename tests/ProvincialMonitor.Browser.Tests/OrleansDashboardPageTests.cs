using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>The Orleans dashboard under the monitor's Content-Security-Policy: an admin's session opens it and it renders without console errors.</summary>
public sealed class OrleansDashboardPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task An_admin_opens_the_Orleans_dashboard_and_it_works_under_the_policy()
    {
        var page = await dashboard.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        await DemoSession.LogInAsync(page, dashboard, "beheerder");
        await page.GotoAsync("/orleans-dashboard/");
        await Expect(page.Locator("#menu a").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Active Silos", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(2_000); // a few polls of the counters

        foreach (var error in errors) output.WriteLine(error);
        Assert.Empty(errors);
    }
}
