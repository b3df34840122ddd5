using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace ProvincialMonitor.Web.Tests;

/// <summary>docs/security.md "Sessions": a logout ends the session on the server, for every copy of its cookie.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _address = new Uri(_silo.ServeOnKestrel());
        using var admin = new HttpClient { BaseAddress = _address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        foreach (var login in new[] { "sessie.een", "sessie.twee", "sessie.drie" })
        {
            var created = await admin.PostJsonAsync("/api/admin/users", $$"""{"login":"{{login}}","password":"{{Password}}","role":"deputy"}""");
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    /// <summary>A second client with the first one's session cookie, and nothing else.</summary>
    private CookieBrowser CopyOf(CookieBrowser browser)
    {
        var copy = new CookieBrowser(_address);
        copy.SetCookie(CookieBrowser.SessionCookie, browser.Cookie(CookieBrowser.SessionCookie)!);
        return copy;
    }

    [Fact]
    public async Task After_logout_a_copied_session_cookie_is_refused_401_for_the_api_and_a_redirect_for_pages()
    {
        using var browser = new CookieBrowser(_address);
        await browser.LogInAsync("sessie.een", Password);
        using var copy = CopyOf(browser);
        var beforeLogout = await copy.GetAsync("/api/provinces");

        await browser.LogOutAsync();
        var api = await copy.GetAsync("/api/provinces");
        var page = await copy.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_closes_the_open_hub_connection_of_the_session()
    {
        using var browser = new CookieBrowser(_address);
        await browser.LogInAsync("sessie.twee", Password);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_address, "/hubs/indicators"), o => o.Headers["Cookie"] = browser.CookieHeader)
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "comparison");

        await browser.LogOutAsync();

        var ended = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(ended == closed.Task, $"the hub connection of the ended session is still {hub.State} 60 s after the logout");
    }

    [Fact]
    public async Task Each_login_is_its_own_session_and_one_logout_leaves_the_other_open()
    {
        using var laptop = new CookieBrowser(_address);
        using var phone = new CookieBrowser(_address);
        await laptop.LogInAsync("sessie.drie", Password);
        await phone.LogInAsync("sessie.drie", Password);

        await laptop.LogOutAsync();
        var onPhone = await phone.GetAsync("/api/provinces");
        var onLaptop = await laptop.GetAsync("/api/provinces");

        Assert.Equal(HttpStatusCode.OK, onPhone.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onLaptop.StatusCode);
    }
}
