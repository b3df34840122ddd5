using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// What a browser downloads: the static assets as the build made them (fingerprinted, immutable, precompressed), also
/// when the silo runs from the build folder (<c>dotnet run</c>); the pages' HTML, and what the build left uncompressed,
/// compressed as it is sent (docs/performance.md, page weight).
/// </summary>
public static class PageWeight
{
    /// <summary>
    /// ASP.NET Core's runtime reload of static assets, on by default for a build folder: it answers every asset with
    /// <c>no-cache</c> and recompresses a changed one without compression. Off unless set (a developer editing the CSS sets
    /// <c>--ReloadStaticAssetsAtRuntime true</c>).
    /// </summary>
    public const string RuntimeReloadSetting = "ReloadStaticAssetsAtRuntime";

    public static WebApplicationBuilder AddPageWeight(this WebApplicationBuilder builder)
    {
        if (builder.Configuration[RuntimeReloadSetting] is null) builder.Configuration[RuntimeReloadSetting] = "false";
        // The pages' HTML, and the stylesheets and scripts the build has no compressed copy of: the SDK compresses a
        // package's assets (Radzen's theme, 818 KB) only under their plain names, not under the fingerprinted ones the
        // pages link. An answer that comes compressed from the build keeps its encoding (the middleware leaves it alone).
        // Over HTTPS too: the secrets in a page (the antiforgery token, the components' state) are data-protected anew for
        // every answer, so a page's compressed size tells a BREACH-style guess nothing.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }
}
