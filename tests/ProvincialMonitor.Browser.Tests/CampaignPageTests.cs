using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Simulation;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>The campaign page as a coordinator watches it while the simulator plays April against the real API.</summary>
public sealed class CampaignPageTests(DashboardFixture dashboard, ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    private static long ParseNumber(string? text) =>
        long.Parse((text ?? "").Replace(".", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, Belgian);

    [Fact]
    public async Task The_entry_counter_of_a_province_rises_while_the_simulator_runs_and_ends_at_the_stored_total()
    {
        var settings = SimulationSettings.LastApril(MonitorClock.System.Today, seed: 5) with { Days = 4, MarketsPerProvince = 4 };
        using var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        http.DefaultRequestHeaders.Add("X-Source", "simulator");
        var plan = MarketMonthPlan.Create(settings);
        // First only the launch and the joins (the same requests as in the whole plan, so the full run replays
        // them); the entries come once the page is open, however slow the machine is.
        var preparation = plan with { Steps = [.. plan.Steps.Where(s => s.Kind is StepKind.Launch or StepKind.Municipality or StepKind.Market)] };
        var prepared = await new MarketMonthSimulator(http, output.WriteLine, output.WriteLine, new SimulatorOptions { Speed = 1e9, ProgressEachDay = false })
            .RunAsync(preparation, CancellationToken.None);
        Assert.Equal(0, prepared.ExitCode);

        var page = await dashboard.NewPageAsync();
        await DemoSession.LogInAsync(page, dashboard);
        await page.GotoAsync($"/campagnes/{settings.Slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = settings.Name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Live — laatste update")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.provmonNoReload = true; }");

        var total = page.Locator("article[data-scope='province:antwerpen'] [data-measure=entries-total]");
        var first = ParseNumber(await total.TextContentAsync());
        Assert.Equal(0, first);

        // About 15 simulated days (preparation, replayed, and four campaign days) in about 15 seconds.
        var simulator = new MarketMonthSimulator(http, output.WriteLine, output.WriteLine, new SimulatorOptions { Speed = 86_400, ProgressEachDay = false });
        var running = simulator.RunAsync(plan, CancellationToken.None);
        var rose = false;
        for (var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(45); !rose && MonitorClock.System.Now.UtcDateTime < deadline; await Task.Delay(250))
            rose = ParseNumber(await total.TextContentAsync()) > first;
        Assert.True(rose, $"the entries of Antwerpen stayed at {first}");

        var result = await running;
        Assert.Equal(0, result.ExitCode);
        var expected = result.Entries["antwerpen"].ToString("N0", Belgian);
        await Expect(total).ToHaveTextAsync(expected);
        var flanders = result.Entries.Values.Sum().ToString("N0", Belgian);
        await Expect(page.Locator("article[data-scope='flanders'] [data-measure=entries-total]")).ToHaveTextAsync(flanders);
        Assert.True(await page.EvaluateAsync<bool>("() => window.provmonNoReload === true"));
        await Screenshots.SaveAsync(page, "campaign", output);
    }
}
