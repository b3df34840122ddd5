using Microsoft.Playwright;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The system's Chromium (Debian package), driven by Playwright. Playwright's own browser download is never
/// used: the machines are offline, so the executable is given explicitly.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "PROVMON_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The executable from PROVMON_CHROMIUM (ops/test.sh sets it), else the Debian location.</summary>
    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. Install the Debian package 'chromium' (ops/test.sh does this when run as root) " +
                $"or set {PathVariable} to a Chromium executable.");
        }
        return path;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            // No sandbox: the tests run as root in containers. The rest keeps Chromium off the network and quiet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
