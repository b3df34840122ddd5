using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// A browser's cookies kept by hand, so that a test can read the session cookie and give it to another client, as
/// someone who copied it would. Follows no redirects; sends the headers a test adds (Origin, X-Forwarded-*).
/// </summary>
public sealed partial class CookieBrowser : IDisposable
{
    public const string SessionCookie = "provmon.session";

    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>Over a real socket (<paramref name="handler"/> null) or through the test server's handler.</summary>
    public CookieBrowser(Uri address, HttpMessageHandler? handler = null)
    {
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address }
            : new HttpClient(handler) { BaseAddress = address };
    }

    public static CookieBrowser Of(SiloFactory silo, string address = "http://localhost") => new(new Uri(address), silo.Server.CreateHandler());

    /// <summary>The headers sent with every request (Origin, X-Forwarded-For, …).</summary>
    public HttpRequestHeaders Headers => _http.DefaultRequestHeaders;

    /// <summary>Every Set-Cookie header seen, as sent.</summary>
    public List<string> SetCookies { get; } = [];

    public string? Cookie(string name) => _cookies.GetValueOrDefault(name);

    /// <summary>The Cookie header this browser sends.</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Takes the cookie as another browser has it.</summary>
    public void SetCookie(string name, string value) => _cookies[name] = value;

    /// <summary>Sends with this browser's cookies and keeps the cookies of the answer; a stream's answer returns at its headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
        var response = await _http.SendAsync(request, completion);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                SetCookies.Add(value);
                var pair = value.Split(';')[0];
                var (name, content) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(name);
                else _cookies[name] = content;
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)));

    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var token = await AntiforgeryTokenAsync();
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        });
    }

    /// <summary>The login form's POST; the answer is the redirect (to the return URL, or back to /login?fout=…).</summary>
    public Task<HttpResponseMessage> LogInAsync(string login, string password) =>
        PostFormAsync("/auth/login", ("login", login), ("password", password), ("returnUrl", "/"));

    public Task<HttpResponseMessage> LogOutAsync() => PostFormAsync("/auth/logout");

    /// <summary>The login page's antiforgery token (its cookie is kept).</summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        var html = await (await GetAsync("/login")).Content.ReadAsStringAsync();
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
