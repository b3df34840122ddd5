using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>docs/security.md "Sessions": a logout closes the dashboard that another browser opened with a copy of the cookie.</summary>
public sealed class SessionPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task After_logout_the_dashboard_opened_with_a_copy_of_the_cookie_loses_its_circuit_and_goes_to_the_login_page()
    {
        var user = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(user, dashboard);
        var copy = await dashboard.NewPageAsync();
        await copy.Context.AddCookiesAsync((await user.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await copy.GotoAsync("/");
        await Expect(copy.Locator(".pm-live")).ToContainTextAsync("Live — laatste update");
        await Expect(copy.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        await user.GetByRole(AriaRole.Button, new() { Name = "Afmelden", Exact = true }).ClickAsync();
        await Expect(user.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");

        // The circuit's connection is closed by the silo, and cannot come back: the banner says so.
        await Expect(copy.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(copy, "session-ended-copy", output);
        await copy.ReloadAsync();
        Assert.StartsWith(new Uri(dashboard.Address, "/login").ToString(), copy.Url, StringComparison.Ordinal);
    }
}
