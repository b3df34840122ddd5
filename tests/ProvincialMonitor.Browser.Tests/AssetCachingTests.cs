using System.Net;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// docs/performance.md, "Page weight": every stylesheet and script the login page links is fingerprinted, kept by the
/// browser for good (immutable) and sent compressed; the page's HTML is compressed too. Against the silo as the browser
/// tests run it, from its build folder.
/// </summary>
public sealed partial class AssetCachingTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_login_page_links_fingerprinted_immutable_compressed_assets()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        using var login = await http.GetAsync(new Uri("login", UriKind.Relative));
        login.EnsureSuccessStatusCode();
        Assert.NotEmpty(login.Content.Headers.ContentEncoding);
        var html = await DecodedAsync(login);
        var assets = Linked().Matches(html).Select(m => m.Groups["url"].Value).Where(u => u.EndsWith(".css", StringComparison.Ordinal) || u.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.Contains(assets, a => a.StartsWith("_content/Radzen.Blazor/css/material-base.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            Assert.Matches(Fingerprinted(), asset);
            using var response = await http.GetAsync(new Uri(asset, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.True(response.Content.Headers.ContentEncoding.Count > 0, $"{asset} is sent uncompressed");
        }
    }

    private static async Task<string> DecodedAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.Contains("br")
            ? new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>[^""]+)""", RegexOptions.None, 1000)]
    private static partial Regex Linked();

    /// <summary>A file name with the build's fingerprint before its extension: <c>material-base.d86n3hx36m.css</c>.</summary>
    [GeneratedRegex(@"\.[a-z0-9]{10}\.(css|js)$", RegexOptions.None, 1000)]
    private static partial Regex Fingerprinted();
}
