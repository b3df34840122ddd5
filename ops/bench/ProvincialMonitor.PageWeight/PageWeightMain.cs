using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace ProvincialMonitor.PageWeight;

/// <summary>
/// <c>PageWeight --url http://127.0.0.1:5080 --suffix dev [--out FILE.json]</c>: the bytes a browser transfers over HTTP
/// (headers and bodies as encoded on the wire, from Chromium's network events) for the first load of the login page in
/// an empty cache, and for a later full load of the comparison page once logged in. Adds two keys (with the suffix) to
/// the JSON file, keeping the keys already there.
/// </summary>
internal static class PageWeightMain
{
    public const long FirstLoadTarget = 600 * 1024;
    public const long LaterLoadTarget = 100 * 1024;

    public static async Task<int> Main(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (Arg("--url") is not { } url || Arg("--suffix") is not { } suffix)
        {
            Console.Error.WriteLine("usage: PageWeight --url http://127.0.0.1:5080 --suffix dev|published [--out FILE.json] [--login NAME --password WORD]");
            return 2;
        }
        var login = Arg("--login") ?? "gedeputeerde";
        var password = Arg("--password") ?? "provmon-demo-2026";
        var chromium = Environment.GetEnvironmentVariable("PROVMON_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url, Locale = "nl-BE" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var wire = await WireBytes.AttachAsync(context, page);

        await page.GotoAsync("/login", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var first = await wire.TakeAsync();
        Print("first load of /login (empty cache)", first);

        await page.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync(login);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Uri(new Uri(url), "/").ToString());
        await LiveAsync(page);
        Print("first load of / after login", await wire.TakeAsync());

        // A later full load: the browser navigates to the comparison again (a new document, a new circuit).
        await page.GotoAsync("/");
        await LiveAsync(page);
        var later = await wire.TakeAsync();
        Print("later full load of /", later);

        var figures = new JsonObject
        {
            [$"page_first_load_login_bytes_{suffix}"] = first.Bytes,
            [$"page_later_load_comparison_bytes_{suffix}"] = later.Bytes,
            [$"page_weight_{suffix}"] = new JsonObject
            {
                ["first_load_login"] = first.ToJson(), ["later_load_comparison"] = later.ToJson(),
                ["first_load_target_bytes"] = FirstLoadTarget, ["later_load_target_bytes"] = LaterLoadTarget,
                ["first_load_met"] = first.Bytes < FirstLoadTarget, ["later_load_met"] = later.Bytes < LaterLoadTarget,
            },
        };
        Console.WriteLine($"  {"page_first_load_login_bytes_" + suffix,-45} {Kb(first.Bytes)} (target < {Kb(FirstLoadTarget)}) {(first.Bytes < FirstLoadTarget ? "met" : "MISSED")}");
        Console.WriteLine($"  {"page_later_load_comparison_bytes_" + suffix,-45} {Kb(later.Bytes)} (target < {Kb(LaterLoadTarget)}) {(later.Bytes < LaterLoadTarget ? "met" : "MISSED")}");
        if (Arg("--out") is { } outFile) Merge(outFile, figures);
        return 0;
    }

    /// <summary>The comparison is loaded once its circuit shows live data and the network is quiet.</summary>
    private static async Task LiveAsync(IPage page)
    {
        await page.GetByText("Live — laatste update").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static void Print(string what, WireBytes.Tally tally)
    {
        Console.WriteLine($"{what}: {Kb(tally.Bytes)} over HTTP in {tally.Requests} requests ({tally.FromCache} from the browser cache), {Kb(tally.WebSocketBytes)} over the WebSocket");
        foreach (var (address, bytes) in tally.Largest) Console.WriteLine($"    {Kb(bytes),10}  {address}");
    }

    internal static string Kb(long bytes) => (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB";

    private static void Merge(string file, JsonObject figures)
    {
        var json = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? [] : [];
        foreach (var (key, value) in figures) json[key] = value?.DeepClone();
        File.WriteAllText(file, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Figures added to {file}");
    }
}
