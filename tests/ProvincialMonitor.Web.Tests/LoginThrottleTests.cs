using System.Net;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// docs/security.md "Login throttling, forwarded headers and cookies": a delay per login after repeated failures, the
/// client's address from X-Forwarded-For only behind a configured proxy, and Secure cookies over HTTPS.
/// </summary>
public sealed class LoginThrottleTests
{
    private const string Password = "a long enough password";

    /// <summary>The login limit per client address (AuthenticationSetup): the attempt after it goes back with fout=2.</summary>
    private const int PerAddress = 10;

    private static async Task AddUserAsync(HttpClient admin, string login)
    {
        var created = await admin.PostJsonAsync("/api/admin/users", $$"""{"login":"{{login}}","password":"{{Password}}","role":"deputy"}""");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private static string Where(HttpResponseMessage response) => response.Headers.Location?.ToString() ?? $"{(int)response.StatusCode}";

    [Fact]
    public async Task Repeated_failures_for_one_login_make_it_wait_and_a_success_resets_the_count()
    {
        await using var silo = SiloFactory.Embedded();
        using var admin = silo.CreateClient();
        await AddUserAsync(admin, "geduld");
        await AddUserAsync(admin, "buurman");
        using var browser = CookieBrowser.Of(silo);

        var failures = new List<string>();
        for (var i = 0; i < 5; i++) failures.Add(Where(await browser.LogInAsync("geduld", "not the password")));
        var rightPasswordTooSoon = Where(await browser.LogInAsync("Geduld ", Password));
        var message = await (await browser.GetAsync(rightPasswordTooSoon)).Content.ReadAsStringAsync();
        var otherLogin = Where(await browser.LogInAsync("buurman", Password));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var rightPasswordLater = Where(await browser.LogInAsync("geduld", Password));
        var failureAfterSuccess = Where(await browser.LogInAsync("geduld", "not the password"));
        var successAfterOneFailure = Where(await browser.LogInAsync("geduld", Password));

        Assert.All(failures, f => Assert.Contains("fout=1", f, StringComparison.Ordinal));
        Assert.Contains("fout=3", rightPasswordTooSoon, StringComparison.Ordinal);
        Assert.Contains("wacht=2", rightPasswordTooSoon, StringComparison.Ordinal);
        Assert.Contains("Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over 2 seconden opnieuw.", message, StringComparison.Ordinal);
        Assert.Equal("/", otherLogin);
        Assert.Equal("/", rightPasswordLater);
        Assert.Contains("fout=1", failureAfterSuccess, StringComparison.Ordinal);
        Assert.Equal("/", successAfterOneFailure);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(10, 64)]
    [InlineData(11, 120)]
    [InlineData(1000, 120)]
    public void The_wait_is_two_seconds_after_five_failures_in_a_row_doubling_up_to_two_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ProvincialMonitor.Silo.Security.LoginThrottle.DelayAfter(failures));

    /// <summary>Failed logins from <paramref name="PerAddress"/> + 1 addresses named in X-Forwarded-For: is the last one limited?</summary>
    private static async Task<string> LastOfManyForwardedAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var silo = SiloFactory.Embedded(settings: settings);
        using var browser = new CookieBrowser(new Uri(silo.ServeOnKestrel()));
        var token = await browser.AntiforgeryTokenAsync();
        var last = "";
        for (var i = 1; i <= PerAddress + 1; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/auth/login", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("login", $"nobody{i}"), new("password", "wrong password"), new("returnUrl", "/")]),
            };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            last = Where(await browser.SendAsync(request));
        }
        return last;
    }

    [Fact]
    public async Task Without_a_configured_proxy_X_Forwarded_For_is_ignored()
    {
        Assert.Contains("fout=2", await LastOfManyForwardedAsync(new Dictionary<string, string?>()), StringComparison.Ordinal);
        Assert.Contains("fout=2", await LastOfManyForwardedAsync(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.7" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task Behind_a_known_proxy_the_client_address_comes_from_X_Forwarded_For(string setting, string value) =>
        Assert.Contains("fout=1", await LastOfManyForwardedAsync(new Dictionary<string, string?> { [setting] = value }), StringComparison.Ordinal);

    private static void AssertSecure(CookieBrowser browser, string cookiePrefix, bool secure)
    {
        var cookie = browser.SetCookies.Last(c => c.StartsWith(cookiePrefix, StringComparison.Ordinal));
        Assert.True(secure == cookie.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)), $"{(secure ? "not " : "")}Secure: {cookie}");
    }

    [Fact]
    public async Task Cookies_are_secure_over_https()
    {
        await using var silo = SiloFactory.Embedded();
        using var admin = silo.CreateClient();
        await AddUserAsync(admin, "veilig");
        using var browser = CookieBrowser.Of(silo, "https://localhost");

        Assert.Equal("/", Where(await browser.LogInAsync("veilig", Password)));

        AssertSecure(browser, ".AspNetCore.Antiforgery.", secure: true);
        AssertSecure(browser, CookieBrowser.SessionCookie + "=", secure: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cookies_are_secure_when_a_known_proxy_says_the_request_came_over_https(bool known)
    {
        await using var silo = SiloFactory.Embedded(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = known ? "127.0.0.1" : "192.0.2.7" });
        var address = new Uri(silo.ServeOnKestrel());
        using var admin = new HttpClient { BaseAddress = address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        await AddUserAsync(admin, "achter.proxy");
        using var browser = new CookieBrowser(address);
        browser.Headers.Add("X-Forwarded-Proto", "https");
        browser.Headers.Add("X-Forwarded-For", "203.0.113.9");

        Assert.Equal("/", Where(await browser.LogInAsync("achter.proxy", Password)));

        AssertSecure(browser, ".AspNetCore.Antiforgery.", secure: known);
        AssertSecure(browser, CookieBrowser.SessionCookie + "=", secure: known);
    }
}
