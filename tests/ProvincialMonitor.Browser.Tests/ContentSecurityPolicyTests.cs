using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>The dashboard under its Content-Security-Policy: every page works, live, with no error in the browser console.</summary>
public sealed class ContentSecurityPolicyTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_pages_work_under_the_policy_without_console_errors()
    {
        var page = await dashboard.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        var login = await page.GotoAsync("/login");
        Assert.Contains("frame-ancestors 'none'", (await login!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await DemoSession.LogInAsync(page, dashboard);
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        foreach (var (path, heading) in new[]
        {
            ("/provincies/limburg", "Limburg"), ("/clusters", "Clusters"), ("/gebeurtenissen", "Gebeurtenissen"), ("/campagnes", "Maand van de Markt"), ("/audit", "Audit"),
        })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToContainTextAsync(heading);
        }
        // Back on the comparison, the circuit still carries live updates.
        await page.GotoAsync("/");
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();

        foreach (var error in errors) output.WriteLine(error);
        Assert.Empty(errors);
    }
}
