using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using ProvincialMonitor.Silo.Security;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The Dutch login page and the session, through a real Chromium against a real silo. The silo allows ten login
/// posts a minute from one address and every test here shares it: keep this class below ten logins.
/// </summary>
public sealed class LoginPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    // The demo officer of Limburg (DemoUsers); the texts below are the product's own words, on purpose not read from it.
    private const string Officer = "ambtenaar-limburg";
    private const string Welcome = "Welkom, Demo ambtenaar Limburg";

    [Fact]
    public async Task An_officer_logs_in_sees_the_welcome_and_logs_out()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "login-page", output);

        await LogInAsync(page, Officer, DemoUsers.Password);

        await Expect(page).ToHaveURLAsync(Absolute("/"));
        await Expect(page.GetByText(Welcome)).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home-after-login", output);

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent afgemeld");

        // The session is really gone, not just the page changed.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByText(Welcome)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_Dutch_error_and_stays_on_the_login_page()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/login");

        await LogInAsync(page, Officer, "not-the-demo-password");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Aanmelden mislukt");
        await Expect(page).ToHaveURLAsync(LoginPage());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "provmon.session");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?provincie=limburg")]
    public async Task A_page_opened_without_a_session_leads_to_the_login_page_and_back_after_login(string target)
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync(target);

        await Expect(page).ToHaveURLAsync(LoginPage());
        Assert.Equal(target, ReturnUrlOf(page.Url));

        await LogInAsync(page, Officer, DemoUsers.Password);

        await Expect(page).ToHaveURLAsync(Absolute(target));
        await Expect(page.GetByText(Welcome)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_login_page_works_with_the_keyboard_only()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/login");
        var login = page.GetByLabel("Gebruikersnaam", new() { Exact = true });
        var password = page.GetByLabel("Wachtwoord", new() { Exact = true });
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true });

        // The user name field has the focus on arrival, Tab moves through password and button, Enter submits.
        await Expect(login).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Officer);
        await page.Keyboard.PressAsync("Tab");
        await Expect(password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DemoUsers.Password);
        await page.Keyboard.PressAsync("Tab");
        await Expect(submit).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(Absolute("/"));
        await Expect(page.GetByText(Welcome)).ToBeVisibleAsync();
    }

    /// <summary>Fills the form by its visible labels, as a user would find the fields.</summary>
    private static async Task LogInAsync(IPage page, string login, string password)
    {
        await page.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync(login);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
    }

    private string Absolute(string pathAndQuery) => new Uri(dashboard.Address, pathAndQuery).ToString();

    /// <summary>The login page of this silo, with or without a query.</summary>
    private Regex LoginPage() => new($"^{Regex.Escape(Absolute("/login"))}(\\?.*)?$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The page the login page sends back to; the parameter's spelling differs between ASP.NET Core (ReturnUrl) and the page itself.</summary>
    private static string? ReturnUrlOf(string url) =>
        QueryHelpers.ParseQuery(new Uri(url).Query)
            .Where(p => p.Key.Equals("returnUrl", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value.ToString())
            .SingleOrDefault();
}
