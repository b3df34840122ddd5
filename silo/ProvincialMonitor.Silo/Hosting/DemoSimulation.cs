using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Security;
using ProvincialMonitor.Silo.Simulation;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// <c>--demo</c> (<c>Demo:Simulate=true</c>): once the silo serves, plays the Maand van de Markt against its own
/// HTTP endpoint with the <see cref="InProcessKey"/> (actor <c>system</c>, source <c>demo</c>, like the demo data):
/// the last April that has ended and the April before it, complete and closed, the same 30 days a year ago (closed),
/// and a running demo campaign of the 30 days ending today
/// that catches up at high speed and then goes on in real time, with a few entries every
/// <c>Demo:TrickleSeconds</c> (20) at any hour so that "entries today" moves. At midnight (Brussels) a new demo
/// campaign starts for the new day. Stops with the silo; logs progress every 30 s.
/// </summary>
public sealed class DemoSimulation(
    IServer server, IHostApplicationLifetime lifetime, InProcessKey key, StoreSettings store, IConfiguration configuration,
    MonitorClock clock, ILogger<DemoSimulation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Simulate", false)) return;
        if (store.Kind != StoreKind.Sqlite || !configuration.GetValue("Demo:Data", true))
        {
            logger.LogWarning("--demo needs the embedded store with demo data (not with Store=Postgres or --no-demo-data): no demo simulation");
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (OwnAddress() is not { } address)
        {
            logger.LogWarning("--demo: the silo serves on no HTTP address of its own: no demo simulation");
            return;
        }

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key.Value);
        http.DefaultRequestHeaders.Add(RequestSources.Header, Sources.Demo);
        try
        {
            var today = clock.Today;
            var lastApril = SimulationSettings.LastAprilYear(today);
            await Task.WhenAll(AprilsAsync(http, lastApril, stoppingToken), RunningCampaignAsync(http, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the silo stops
        }
        catch (Exception ex)
        {
            // The demo must never take the silo down with it.
            logger.LogError(ex, "The demo simulation stopped");
        }
    }

    private int Seed => configuration.GetValue("Demo:Seed", 2026);

    /// <summary>A year earlier the markets differ a little: another seed.</summary>
    private int PreviousSeed => Seed - 1;

    /// <summary>The last April that has ended, then the April before it, its year-over-year comparison.</summary>
    private async Task AprilsAsync(HttpClient http, int lastApril, CancellationToken stoppingToken)
    {
        await PlayAsync(http, Scaled(SimulationSettings.April(lastApril, Seed) with { KeyPrefix = "demo" }), null, stoppingToken);
        await PlayAsync(http, Scaled(SimulationSettings.April(lastApril - 1, PreviousSeed) with { KeyPrefix = "demo" }), null, stoppingToken);
    }

    private SimulationSettings Scaled(SimulationSettings settings) =>
        settings with { MarketsPerProvince = configuration.GetValue<int?>("Demo:MarketsPerProvince") };

    /// <summary>Today's demo campaign: caught up, then live until midnight, when the next day's campaign takes over.</summary>
    private async Task RunningCampaignAsync(HttpClient http, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.Now;
            var today = MonitorClock.DateOf(now);
            using var dayEnd = new CancellationTokenSource(MarketMonthPlan.BrusselsTime(today.AddDays(1), 0) - now + TimeSpan.FromSeconds(1), clock.Time);
            using var day = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, dayEnd.Token);
            try
            {
                // The same 30 days a year earlier, closed: the running campaign's year-over-year comparison (CampaignModel.PreviousOf).
                var previous = PlayAsync(http, Scaled(SimulationSettings.Demo(today.AddYears(-1), PreviousSeed) with { Close = true }), null, day.Token);
                await PlayAsync(http, Scaled(SimulationSettings.Demo(today, Seed)), TrickleAsync, day.Token);
                await previous;
                await Task.Delay(Timeout.Infinite, day.Token);
            }
            catch (OperationCanceledException) when (day.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Demo simulation: a new day, a new running demo campaign");
            }
        }
    }

    private async Task PlayAsync(HttpClient http, SimulationSettings settings, Func<MarketMonthSimulator, SimulationPlan, CancellationToken, Task>? alongside,
        CancellationToken cancellationToken)
    {
        var plan = MarketMonthPlan.Create(settings);
        var simulator = new MarketMonthSimulator(http,
            line => logger.LogInformation("Demo simulation: {Progress}", line),
            line => logger.LogWarning("Demo simulation: {Problem}", line),
            new SimulatorOptions
            {
                Speed = configuration.GetValue("Demo:Speed", 1_000_000.0),
                Parallelism = 4,
                ProgressInterval = TimeSpan.FromSeconds(30),
                ProgressEachDay = false,
                Clock = clock,
                AbandonInFlight = true,
                MaxRefusals = 200,
            });
        var run = simulator.RunAsync(plan, cancellationToken);
        if (alongside is not null)
        {
            await simulator.CaughtUp.Task.WaitAsync(cancellationToken);
            await Task.WhenAll(run, alongside(simulator, plan, cancellationToken));
        }
        await run;
    }

    /// <summary>
    /// A few entries at one of today's markets every few seconds, at any hour, in real time. The bucket of time
    /// decides market and count, and names the idempotency key, so a restart in the same minute adds nothing.
    /// </summary>
    private async Task TrickleAsync(MarketMonthSimulator simulator, SimulationPlan plan, CancellationToken cancellationToken)
    {
        var every = Math.Max(1, configuration.GetValue("Demo:TrickleSeconds", 20));
        var weekday = Weekdays.All[((int)plan.Settings.PeriodEnd.DayOfWeek + 6) % 7];
        var markets = plan.Markets.Where(m => m.Weekday == weekday).ToList();
        if (markets.Count == 0) markets = [.. plan.Markets];
        if (markets.Count == 0) return;
        while (true)
        {
            var now = clock.Now.ToUnixTimeSeconds();
            var bucket = (now / every) + 1;
            await Task.Delay(TimeSpan.FromSeconds((bucket * every) - now), clock.Time, cancellationToken);
            var at = DateTimeOffset.FromUnixTimeSeconds(bucket * every);
            if (MonitorClock.DateOf(at) != plan.Settings.PeriodEnd) return;
            var random = new Random((int)(bucket % int.MaxValue) ^ plan.Settings.Seed);
            var market = markets[random.Next(markets.Count)];
            var count = 1 + random.Next(4);
            await simulator.SendStepAsync(new SimulationStep(at, StepKind.Entries, $"/api/campaigns/{plan.Settings.Slug}/markets/{market.Id}/entries",
                JsonSerializer.Serialize(new { count, at }, JsonSerializerOptions.Web),
                $"demo/{plan.Settings.Slug}/{plan.Settings.Seed}/trickle/{bucket}", market.Province, count), cancellationToken);
        }
    }

    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var http = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (http is null) return null;
        var uri = new UriBuilder(http.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        return uri.Uri;
    }
}
