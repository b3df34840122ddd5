using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// Screenshots for people to look at, kept after the run: in PROVMON_SCREENSHOTS when set, else in a fixed folder
/// under the system's temporary folder (ops/test.sh removes its own work folder at the end).
/// </summary>
public static class Screenshots
{
    public static string Folder() =>
        Environment.GetEnvironmentVariable("PROVMON_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "provmon-screenshots");

    public static async Task<string> SaveAsync(IPage page, string name, ITestOutputHelper output)
    {
        var folder = Folder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        // The test output lands in the TRX file; the console line is what a person running ops/test.sh sees.
        output.WriteLine($"Screenshot: {path}");
        Console.WriteLine($"Screenshot: {path}");
        return path;
    }
}
