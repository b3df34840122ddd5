using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// docs/security.md "The live state in the header": the page's live line says what the reconnect banner says when the
/// circuit's connection drops, and "Live" again once it is back. The drop is made in the browser: its WebSocket to
/// /_blazor is closed and new ones (and their negotiation) are refused until the test lets them through.
/// </summary>
public sealed class LiveStateTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_header_says_the_connection_is_lost_while_the_banner_does_and_live_again_after_it()
    {
        var page = await dashboard.NewPageAsync();
        var blocked = false;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), socket =>
        {
            if (blocked)
            {
                _ = socket.CloseAsync(new() { Code = 1011, Reason = "test: connection refused" });
                return;
            }
            socket.ConnectToServer();
            lock (sockets) sockets.Add(socket);
        });
        await page.RouteAsync("**/_blazor/negotiate**", route => blocked ? route.AbortAsync() : route.ContinueAsync());
        await DemoSession.LogInAsync(page, dashboard);
        var live = page.Locator(".pm-live");
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(live).ToContainTextAsync("Live — laatste update", new() { UseInnerText = true });
        await Expect(banner).ToBeHiddenAsync();

        blocked = true;
        IWebSocketRoute[] open;
        lock (sockets) open = [.. sockets];
        foreach (var socket in open) await socket.CloseAsync(new() { Code = 1011, Reason = "test: connection lost" });

        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Verbinding met de server verbroken");
        await Expect(live).ToContainTextAsync("Verbinding met de server verbroken", new() { UseInnerText = true });
        await Expect(live).Not.ToContainTextAsync("Live", new() { UseInnerText = true });
        await Screenshots.SaveAsync(page, "live-state-lost", output);

        blocked = false;
        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 90_000 });
        await Expect(live).ToContainTextAsync("Live — laatste update", new() { UseInnerText = true });
    }
}
