using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// docs/security.md "Origins": a request with the session cookie comes from the silo's own origins, on the hub's and
/// Blazor's negotiate and on every transport; a program with an API key sends no Origin.
/// </summary>
public sealed class OriginTests : IAsyncLifetime, IDisposable
{
    private const string Evil = "https://evil.example";
    private const string Password = "a long enough password";
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private Uri _address = null!;
    private CookieBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _address = new Uri(_silo.ServeOnKestrel());
        using var admin = new HttpClient { BaseAddress = _address };
        admin.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        var created = await admin.PostJsonAsync("/api/admin/users", $$"""{"login":"origine","password":"{{Password}}","role":"deputy"}""");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        _browser = new CookieBrowser(_address);
        var loggedIn = await _browser.LogInAsync("origine", Password);
        Assert.Equal("/", loggedIn.Headers.Location?.ToString());
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    public void Dispose() => _browser.Dispose();

    private string OwnOrigin => _address.GetLeftPart(UriPartial.Authority);

    private async Task<HttpResponseMessage> NegotiateAsync(string hub, string? origin, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{hub}/negotiate?negotiateVersion=1", UriKind.Relative));
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (apiKey is null) return await _browser.SendAsync(request);
        using var program = new CookieBrowser(_address);
        return await program.SendAsync(request);
    }

    /// <summary>The status of a WebSocket handshake (101 when it opened).</summary>
    private async Task<HttpStatusCode> WebSocketAsync(string hub, string? origin, bool cookie = true, string? apiKey = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null) socket.Options.SetRequestHeader("Origin", origin);
        if (cookie) socket.Options.SetRequestHeader("Cookie", _browser.CookieHeader);
        if (apiKey is not null) socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        var uri = new UriBuilder(new Uri(_address, hub)) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != 0)
        {
        }
        return socket.HttpStatusCode;
    }

    /// <summary>A long-polling or server-sent-events request of a connection negotiated from the silo's own origin.</summary>
    private async Task<HttpStatusCode> TransportAsync(string hub, string? origin, bool serverSentEvents)
    {
        var negotiated = await (await NegotiateAsync(hub, OwnOrigin)).Content.ReadAsStringAsync();
        var token = JsonDocument.Parse(negotiated).RootElement.GetProperty("connectionToken").GetString();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{hub}?id={token}", UriKind.Relative));
        if (serverSentEvents) request.Headers.Add("Accept", "text/event-stream");
        if (origin is not null) request.Headers.Add("Origin", origin);
        using var response = await _browser.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("/hubs/indicators")]
    [InlineData("/_blazor")]
    public async Task A_negotiate_with_the_cookie_from_another_origin_is_refused_and_from_the_own_origin_accepted(string hub)
    {
        var foreign = await NegotiateAsync(hub, Evil);
        var own = await NegotiateAsync(hub, OwnOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Contains("urn:provmon:problem:forbidden", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("/hubs/indicators")]
    [InlineData("/_blazor")]
    public async Task A_websocket_with_the_cookie_from_another_origin_is_refused_and_from_the_own_origin_opens(string hub)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketAsync(hub, Evil));
        Assert.Equal(HttpStatusCode.Forbidden, await WebSocketAsync(hub, "null"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketAsync(hub, OwnOrigin));
    }

    [Theory]
    [InlineData("/hubs/indicators", false)]
    [InlineData("/hubs/indicators", true)]
    [InlineData("/_blazor", false)]
    public async Task Long_polling_and_server_sent_events_with_the_cookie_from_another_origin_are_refused(string hub, bool serverSentEvents) =>
        Assert.Equal(HttpStatusCode.Forbidden, await TransportAsync(hub, Evil, serverSentEvents));

    [Fact]
    public async Task An_api_key_without_origin_negotiates_and_opens_a_websocket()
    {
        var negotiated = await NegotiateAsync("/hubs/indicators", origin: null, apiKey: SiloFactory.AdminKey);

        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketAsync("/hubs/indicators", origin: null, cookie: false, apiKey: SiloFactory.AdminKey));
    }

    [Fact]
    public async Task A_logout_posted_from_another_origin_is_refused_and_the_session_stays()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/auth/logout", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", await _browser.AntiforgeryTokenAsync())]),
        };
        request.Headers.Add("Origin", Evil);

        var refused = await _browser.SendAsync(request);
        var after = await _browser.GetAsync("/api/provinces");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Configured_origins_replace_the_silos_own_host()
    {
        await using var silo = SiloFactory.Embedded(settings: new Dictionary<string, string?>
        {
            ["Auth:AllowedOrigins"] = "https://monitor.provincie.example, https://monitor.provincie.example:8443",
        });
        using var admin = silo.CreateClient();
        await admin.PostJsonAsync("/api/admin/users", $$"""{"login":"origine","password":"{{Password}}","role":"deputy"}""");
        using var browser = CookieBrowser.Of(silo);
        await browser.LogInAsync("origine", Password);

        async Task<HttpStatusCode> WithOrigin(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/provinces", UriKind.Relative));
            request.Headers.Add("Origin", origin);
            return (await browser.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await WithOrigin("https://monitor.provincie.example"));
        Assert.Equal(HttpStatusCode.OK, await WithOrigin("https://MONITOR.provincie.example:443"));
        Assert.Equal(HttpStatusCode.OK, await WithOrigin("https://monitor.provincie.example:8443"));
        Assert.Equal(HttpStatusCode.Forbidden, await WithOrigin("http://localhost"));
        Assert.Equal(HttpStatusCode.Forbidden, await WithOrigin("http://monitor.provincie.example"));
    }
}
