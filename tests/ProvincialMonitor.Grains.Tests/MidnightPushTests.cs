using System.Collections.Concurrent;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>
/// One silo whose projections tell the day by a clock the test moves (to a few minutes before midnight in Brussels,
/// then past it), asking the projector to catch up as the waker's ping does every few seconds. Orleans keeps the
/// system's clock (a clock hours ahead once kept the test cluster's client from finding its gateway).
/// </summary>
public sealed class BeforeMidnightCluster : SqliteCluster
{
    public MovableClock MovedClock { get; } = new(TimeSpan.Zero);

    protected override MonitorClock Clock { get; }

    public BeforeMidnightCluster() => Clock = new(MovedClock);

    /// <summary>The system clock moved by an offset (timers and timestamps are the system's).</summary>
    public sealed class MovableClock(TimeSpan offset) : TimeProvider
    {
        public TimeSpan Offset { get; set; } = offset;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}

public sealed class MidnightPushTests(BeforeMidnightCluster fixture) : IClassFixture<BeforeMidnightCluster>
{
    private static readonly Actor Coordinator = new("coordinator-1", Roles.Admin, [], []);

    private sealed class Received : IIndicatorsObserver
    {
        public ConcurrentQueue<IndicatorsUpdate> Updates { get; } = new();
        public ConcurrentQueue<CampaignFigures[]> Campaigns { get; } = new();

        public void Updated(IndicatorsUpdate update) => Updates.Enqueue(update);

        public void CampaignsUpdated(CampaignFigures[] campaigns) => Campaigns.Enqueue(campaigns);
    }

    [Fact]
    public async Task At_midnight_every_scope_and_campaign_is_pushed_again_without_any_event()
    {
        var clock = fixture.MovedClock;
        var today = MonitorClock.DateOf(clock.GetUtcNow());
        clock.Offset += MonitorClock.AtBrusselsTime(today, new TimeOnly(23, 55)) - clock.GetUtcNow(); // 23:55 today
        var slug = $"markt-{Guid.NewGuid():N}"[..20];
        var launched = await fixture.Dispatcher.SendAsync<ICampaignGrain, LaunchCampaign>(slug,
            new LaunchCampaign(slug, "Maand van de Markt (test)", today.AddDays(-3), today.AddDays(3), ["limburg"], []),
            new CommandRequest(Coordinator, Sources.Api));
        Assert.Null(launched.Refusal?.Message);

        var projector = fixture.Cluster.Client.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);
        var received = new Received();
        var reference = fixture.Cluster.Client.CreateObjectReference<IIndicatorsObserver>(received);
        await fixture.Cluster.Client.GetGrain<IPushRegistryGrain>(PushRegistryGrain.Key).Register(reference);
        await projector.CatchUp(); // folds the launch and pushes it (one-way: wait for it to arrive)
        await WaitUntilAsync(() => received.Updates.Any(u => u.Events.Count > 0) && received.Campaigns.Any(c => c.Any(f => f.Slug == slug)));
        await projector.CatchUp(); // nothing new, same day: nothing pushed
        await Task.Delay(500);
        Assert.Single(received.Updates);
        Assert.Equal(today, (await fixture.Cluster.Client.GetGrain<ICampaignFiguresGrain>(ReadModelProjector.Name).Campaign(slug))!.Day);
        received.Updates.Clear();
        received.Campaigns.Clear();

        clock.Offset += MonitorClock.AtBrusselsTime(today.AddDays(1), new TimeOnly(0, 1)) - clock.GetUtcNow(); // 00:01 the next day
        await projector.CatchUp();

        await WaitUntilAsync(() => !received.Updates.IsEmpty && received.Campaigns.Any(c => c.Any(f => f.Slug == slug)));
        var update = Assert.Single(received.Updates);
        Assert.Equal(IndicatorsModel.Scopes.Order(), update.Scopes.Select(s => s.Scope).Order());
        Assert.Empty(update.Events);
        var figures = received.Campaigns.SelectMany(c => c).Single(f => f.Slug == slug);
        Assert.Equal(today.AddDays(1), figures.Day);
        Assert.True(figures.DayIsToday);

        await projector.CatchUp(); // the same new day: nothing pushed again
        await Task.Delay(500);
        Assert.Single(received.Updates);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(10);
        while (!condition() && MonitorClock.System.Now.UtcDateTime < deadline) await Task.Delay(50);
        Assert.True(condition(), "the push did not arrive within 10 s");
    }
}
