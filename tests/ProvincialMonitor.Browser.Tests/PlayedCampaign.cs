using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Simulation;
using Xunit.Abstractions;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>A short campaign of the last April, one market a province, played by the simulator against a test's silo, so that the campaign pages have one to show.</summary>
public static class PlayedCampaign
{
    /// <summary>An admin's client of the silo that sends as the simulator does.</summary>
    public static HttpClient Client(DashboardFixture dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var http = new HttpClient { BaseAddress = dashboard.Address };
        http.DefaultRequestHeaders.Add("X-Api-Key", dashboard.AdminApiKey);
        http.DefaultRequestHeaders.Add("X-Source", Sources.Simulator);
        return http;
    }

    /// <summary>Plays <paramref name="days"/> days of the campaign and returns its settings (its slug names it).</summary>
    public static async Task<SimulationSettings> PlayAsync(DashboardFixture dashboard, ITestOutputHelper output, int seed, int days)
    {
        ArgumentNullException.ThrowIfNull(output);
        var settings = SimulationSettings.LastApril(MonitorClock.System.Today, seed) with { Days = days, MarketsPerProvince = 1 };
        using var http = Client(dashboard);
        var played = await new MarketMonthSimulator(http, output.WriteLine, output.WriteLine, new SimulatorOptions { Speed = 1e9, ProgressEachDay = false })
            .RunAsync(MarketMonthPlan.Create(settings), CancellationToken.None);
        Assert.Equal(0, played.ExitCode);
        return settings;
    }
}
