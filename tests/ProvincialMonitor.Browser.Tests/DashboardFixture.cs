using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>One silo and one browser for a test class; every test gets its own browser context (its own cookies).</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync, which disposes the silo; the silo's disposal is asynchronous.")]
public class DashboardFixture : IAsyncLifetime
{
    private readonly KestrelSilo _silo;

    public DashboardFixture()
        : this(null)
    {
    }

    /// <summary>A silo with these settings besides the test defaults (xunit takes a fixture's one public constructor).</summary>
    protected DashboardFixture(IReadOnlyDictionary<string, string?>? settings) => _silo = new(settings);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address => _silo.Address;

    public string AdminApiKey => _silo.AdminApiKey;

    public virtual async Task InitializeAsync()
    {
        // The machine is shared and has two cores, and the test projects run at once: a page load or a live push can take
        // many seconds. Waits are not timing checks (the bench measures speed), so every wait gets a minute.
        Assertions.SetDefaultExpectTimeout(60_000);
        // The browser first: a missing Chromium then fails at once, not after a silo start.
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _silo.Start();
    }

    /// <summary>A page in a fresh context: no session from another test leaks in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "nl-BE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _silo.DisposeAsync();
    }
}
