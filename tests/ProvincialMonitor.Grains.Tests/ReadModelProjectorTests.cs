using Microsoft.Extensions.Logging.Abstractions;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>The projector's checkpoint: stopped mid-stream, restarted, raced by a duplicate: nothing counted twice or skipped.</summary>
public sealed class ReadModelProjectorTests : IAsyncLifetime
{
    private TemporaryStore _temporary = null!;
    private RelationalEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _temporary = await TemporaryStore.OpenAsync("provmon-projector-");
        _store = _temporary.Store;
        var scope = new EventScope(["limburg"], "labour-market", []);
        await _temporary.AppendAsync("project-p1", new ProjectRegistered("p1", "De Punt", null, "limburg", [], "labour-market", [], [], null, null, null, null), scope);
        for (var i = 1; i <= 299; i++)
            await _temporary.AppendAsync("project-p1", new SubsidyGranted($"G-{i}", 10m, "province", "limburg"), scope);
    }

    public async Task DisposeAsync() => await _temporary.DisposeAsync();

    private ReadModelProjector NewProjector() => new(_store, _store.Projections, MonitorClock.System, NullLogger.Instance);

    [Fact]
    public async Task A_stopped_projector_resumes_and_a_racing_duplicate_counts_nothing_twice()
    {
        var first = NewProjector();
        await first.InitializeAsync();
        await first.CatchUpAsync(maxEvents: 100); // stopped here

        var restarted = NewProjector();
        var duplicate = NewProjector();
        await restarted.InitializeAsync();
        await duplicate.InitializeAsync(); // both start from checkpoint 100
        await restarted.CatchUpAsync();
        var lostRace = await duplicate.CatchUpAsync(); // its save finds the checkpoint moved; it reloads

        Assert.Empty(lostRace);
        Assert.Equal(300, await _store.Projections.GetCheckpointAsync(ReadModelProjector.Name));
        Assert.Equal(2_990m, restarted.View("flanders").Measures["granted"]); // 299 grants of 10, each once
        Assert.Equal(2_990m, duplicate.View("flanders").Measures["granted"]);
        Assert.Equal(300, duplicate.Model.Position);
    }

    [Fact]
    public async Task A_projector_started_anew_folds_to_the_same_figures_as_one_that_ran_all_along()
    {
        var running = NewProjector();
        await running.InitializeAsync();
        await running.CatchUpAsync();

        var fresh = NewProjector();
        await fresh.InitializeAsync(); // replays up to the saved checkpoint

        Assert.Equal(running.View("province:limburg").Measures, fresh.View("province:limburg").Measures);
        Assert.Equal(1m, fresh.View("province:limburg").Measures["projects"]);
    }

    [Fact]
    public async Task Campaign_figures_fold_from_the_same_read_and_a_lagging_campaign_checkpoint_catches_up_without_counting_twice()
    {
        var start = new DateOnly(2026, 4, 1);
        var scope = new EventScope(["limburg"], null, [], "markt-2026");
        Task Append(string stream, IDomainEvent e) => _temporary.AppendAsync(stream, e, scope, start);
        await Append("campaign-markt-2026", new CampaignLaunched("markt-2026", "Markt 2026", start, new DateOnly(2026, 4, 30), ["limburg"], []));
        await Append("campaign-markt-2026", new MarketJoined("m1", "Markt Beringen", "71004", "limburg", "saturday", 40));
        await Append("market-markt-2026-m1", new MarketRegistered("markt-2026", "m1", "71004", "limburg", "saturday", start, new DateOnly(2026, 4, 30)));
        for (var i = 0; i < 50; i++)
            await Append("market-markt-2026-m1", new EntriesRegistered(2, new DateTimeOffset(2026, 4, 4, 9, i, 0, TimeSpan.FromHours(2))));

        var first = NewProjector();
        await first.InitializeAsync();
        await first.CatchUpAsync(maxEvents: 320); // stopped in the middle of the entries
        Assert.Equal(320, await _store.Projections.GetCheckpointAsync(CampaignModel.Projection));

        var restarted = NewProjector();
        var duplicate = NewProjector();
        await restarted.InitializeAsync();
        await duplicate.InitializeAsync();
        await restarted.CatchUpAsync();
        Assert.Equal(["markt-2026"], restarted.ChangedCampaigns);
        Assert.Empty(await duplicate.CatchUpAsync()); // lost the race; reloaded

        Assert.Equal(100, duplicate.Campaign("markt-2026")!.Scopes.Single(s => s.Scope == "province:limburg").EntriesTotal);
        Assert.Equal(353, await _store.Projections.GetCheckpointAsync(CampaignModel.Projection));

        // A projection added later (or reset on its own) starts at 0 while the indicators stay at their checkpoint.
        await _store.Projections.ResetAsync(CampaignModel.Projection);
        var catchingUp = NewProjector();
        await catchingUp.InitializeAsync();
        Assert.Null(catchingUp.Campaign("markt-2026"));
        await catchingUp.CatchUpAsync();
        Assert.Equal(100, catchingUp.Campaign("markt-2026")!.Scopes[0].EntriesTotal);
        Assert.Equal(2_990m, catchingUp.View("flanders").Measures["granted"]);
        Assert.Equal(353, await _store.Projections.GetCheckpointAsync(CampaignModel.Projection));
        Assert.Equal(353, await _store.Projections.GetCheckpointAsync(ReadModelProjector.Name));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("2026-11-28T23:30:00Z", "2026-11-29")] // half past midnight in Brussels (CET)
    [InlineData("2026-06-30T22:15:00Z", "2026-07-01")] // a quarter past midnight in Brussels (CEST)
    [InlineData("2026-11-28T10:00:00Z", "2026-11-28")]
    public void Today_is_the_day_in_Brussels(string utc, string day)
    {
        var projector = new ReadModelProjector(_store, _store.Projections,
            new MonitorClock(new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture))), NullLogger.Instance);

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), projector.Today);
    }
}
