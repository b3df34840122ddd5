using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_stream_reads_up_to_a_version()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event(), Event(), Event());
        await Append("project-b", ExpectedVersion.NoStream, Event());

        var upToTwo = await Store.ReadStreamAsync("project-a", new StreamQuery(ToVersion: 2));
        var fromTwo = await Store.ReadStreamAsync("project-a", new StreamQuery(FromVersion: 2));

        Assert.Equal(new long[] { 1, 2 }, upToTwo.Select(e => e.StreamVersion));
        Assert.Equal(new long[] { 2, 3 }, fromTwo.Select(e => e.StreamVersion));
        Assert.All(upToTwo, e => Assert.Equal("project-a", e.StreamId));
    }

    [Fact]
    public async Task A_stream_reads_as_known_at_a_recorded_time()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event());
        var firstRecorded = (await Store.ReadStreamAsync("project-a")).Single().RecordedAt;
        await WaitForClockAsync(firstRecorded);
        await Append("project-a", 1, Event());

        var asKnown = await Store.ReadStreamAsync("project-a", new StreamQuery(RecordedUpTo: firstRecorded));
        var all = await Store.ReadStreamAsync("project-a", new StreamQuery(RecordedUpTo: MonitorClock.System.Now.AddMinutes(1)));

        Assert.Equal([1L], asKnown.Select(e => e.StreamVersion));
        Assert.Equal(2, all.Count);
        Assert.True(all[1].RecordedAt > firstRecorded);
    }

    [Fact]
    public async Task A_stream_reads_as_in_effect_on_a_date_with_a_late_correction_in_position_order()
    {
        // A grant effective in March; a correction recorded later but effective in February; a payment in May.
        await Append("project-a", ExpectedVersion.NoStream,
            Event("SubsidyGranted", effective: new DateOnly(2026, 3, 1)),
            Event("SubsidyPaid", effective: new DateOnly(2026, 5, 1)),
            Event("ProjectCorrected", effective: new DateOnly(2026, 2, 1)));

        var february = await Store.ReadStreamAsync("project-a", new StreamQuery(EffectiveOnOrBefore: new DateOnly(2026, 2, 15)));
        var april = await Store.ReadStreamAsync("project-a", new StreamQuery(EffectiveOnOrBefore: new DateOnly(2026, 4, 30)));
        var june = await Store.ReadStreamAsync("project-a", new StreamQuery(EffectiveOnOrBefore: new DateOnly(2026, 6, 1)));

        Assert.Equal(["ProjectCorrected"], february.Select(e => e.EventType));
        Assert.Equal(["SubsidyGranted", "ProjectCorrected"], april.Select(e => e.EventType));
        Assert.Equal(["SubsidyGranted", "SubsidyPaid", "ProjectCorrected"], june.Select(e => e.EventType));
    }

    [Fact]
    public async Task The_log_is_filtered_by_the_decision_reference_in_the_metadata()
    {
        var decided = Event("DecisionTaken") with { Metadata = """{"actor":"u-1","decisionRef":"DEP-2026-17","role":"officer","source":"api"}""" };
        var other = Event("SubsidyGranted") with { Metadata = """{"actor":"u-1","decisionRef":"DEP-2026-18","role":"officer","source":"api"}""" };
        await Append("province-limburg", ExpectedVersion.NoStream, decided, other, Event("BudgetAllocated"));

        var found = await Store.QueryAsync(new LogQuery { DecisionRef = "DEP-2026-17" });

        Assert.Equal(["DecisionTaken"], found.Events.Select(e => e.EventType));
    }

    [Fact]
    public async Task The_log_is_filtered_by_tags_types_streams_and_date_ranges()
    {
        await Append("project-1", ExpectedVersion.NoStream,
            Event("ProjectRegistered", provinces: ["antwerpen", "limburg"], clusters: ["catalisti", "vil"], effective: new DateOnly(2025, 1, 10)),
            Event("SubsidyGranted", provinces: ["antwerpen", "limburg"], clusters: ["vil"], effective: new DateOnly(2025, 6, 1), source: "import"));
        await Append("province-limburg", ExpectedVersion.NoStream,
            Event("DecisionTaken", provinces: ["limburg"], domain: "labour-market", actor: "u-deputy-7", effective: new DateOnly(2026, 2, 1)));
        await Append("campaign-maand-van-de-markt-2027", ExpectedVersion.NoStream,
            Event("CampaignLaunched", provinces: ["antwerpen", "oost-vlaanderen"], domain: "local-economy-retail",
                campaign: "maand-van-de-markt-2027", source: "form", effective: new DateOnly(2026, 3, 1)));

        async Task<string> Positions(LogQuery query) => string.Join(" ", (await Store.QueryAsync(query)).Events.Select(e => e.Position));

        Assert.Equal("1 2 3", await Positions(new LogQuery { Province = "limburg" }));
        Assert.Equal("1 2 4", await Positions(new LogQuery { Province = "antwerpen" }));
        Assert.Equal("1", await Positions(new LogQuery { Cluster = "catalisti" }));
        Assert.Equal("1 2", await Positions(new LogQuery { Cluster = "vil" }));
        Assert.Equal("3", await Positions(new LogQuery { Domain = "labour-market" }));
        Assert.Equal("4", await Positions(new LogQuery { Campaign = "maand-van-de-markt-2027" }));
        Assert.Equal("3", await Positions(new LogQuery { Actor = "u-deputy-7" }));
        Assert.Equal("2", await Positions(new LogQuery { Source = "import" }));
        Assert.Equal("2 3", await Positions(new LogQuery { EventTypes = ["SubsidyGranted", "DecisionTaken"] }));
        Assert.Equal("1 2", await Positions(new LogQuery { StreamPrefix = "project-" }));
        Assert.Equal("3", await Positions(new LogQuery { StreamId = "province-limburg" }));
        Assert.Equal("2 3", await Positions(new LogQuery { EffectiveFrom = new DateOnly(2025, 6, 1), EffectiveTo = new DateOnly(2026, 2, 1) }));
        Assert.Equal("2", await Positions(new LogQuery { Province = "limburg", EffectiveFrom = new DateOnly(2025, 2, 1), EffectiveTo = new DateOnly(2025, 12, 31) }));
        Assert.Equal("", await Positions(new LogQuery { Province = "west-vlaanderen" }));
        Assert.Equal("", await Positions(new LogQuery { DecisionRef = "DEP-2026-17" }));

        var recorded = (await Store.ReadStreamAsync("province-limburg")).Single().RecordedAt;
        Assert.Equal("1 2 3 4", await Positions(new LogQuery { RecordedFrom = recorded.AddMinutes(-5), RecordedBefore = recorded.AddMinutes(5) }));
        Assert.Equal("", await Positions(new LogQuery { RecordedFrom = recorded.AddMinutes(5) }));

        var stored = (await Store.QueryAsync(new LogQuery { Campaign = "maand-van-de-markt-2027" })).Events.Single();
        Assert.Equal(["antwerpen", "oost-vlaanderen"], stored.Tags.Provinces);
        Assert.Equal(("local-economy-retail", "form", "u-officer-1"), (stored.Tags.Domain, stored.Tags.Source, stored.Tags.Actor));
    }

    [Fact]
    public async Task The_log_pages_forwards_and_backwards_by_position()
    {
        for (var i = 0; i < 7; i++) await Append($"project-{i}", ExpectedVersion.NoStream, Event());

        var first = await Store.QueryAsync(new LogQuery { Limit = 3 });
        var second = await Store.QueryAsync(new LogQuery { Limit = 3, AfterPosition = first.NextPosition!.Value });
        var third = await Store.QueryAsync(new LogQuery { Limit = 3, AfterPosition = second.NextPosition!.Value });
        var newest = await Store.QueryAsync(new LogQuery { Limit = 3, Direction = LogDirection.Backwards });
        var older = await Store.QueryAsync(new LogQuery { Limit = 3, Direction = LogDirection.Backwards, BeforePosition = newest.NextPosition });

        Assert.Equal([1, 2, 3], first.Events.Select(e => e.Position));
        Assert.Equal([4, 5, 6], second.Events.Select(e => e.Position));
        Assert.Equal([7], third.Events.Select(e => e.Position));
        Assert.Null(third.NextPosition);
        Assert.Equal([7, 6, 5], newest.Events.Select(e => e.Position));
        Assert.Equal([4, 3, 2], older.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task Both_position_bounds_hold_in_both_directions()
    {
        for (var i = 0; i < 7; i++) await Append($"project-{i}", ExpectedVersion.NoStream, Event());

        var forwards = await Store.QueryAsync(new LogQuery { AfterPosition = 2, BeforePosition = 6 });
        var backwards = await Store.QueryAsync(new LogQuery { Direction = LogDirection.Backwards, AfterPosition = 2, BeforePosition = 6 });

        Assert.Equal([3, 4, 5], forwards.Events.Select(e => e.Position));
        Assert.Equal([5, 4, 3], backwards.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task The_position_recorded_by_a_moment_is_the_last_one_known_then()
    {
        var before = MonitorClock.System.Now.AddMinutes(-5);
        await Append("project-a", ExpectedVersion.NoStream, Event());
        await Append("project-b", ExpectedVersion.NoStream, Event());
        var second = (await Store.QueryAsync(new LogQuery { AfterPosition = 1, Limit = 1 })).Events[0];
        await Task.Delay(5);
        await Append("project-c", ExpectedVersion.NoStream, Event());
        var third = (await Store.QueryAsync(new LogQuery { AfterPosition = 2, Limit = 1 })).Events[0];

        Assert.Equal(0, await Store.PositionRecordedByAsync(before));
        Assert.Equal(third.RecordedAt > second.RecordedAt ? 2 : 3, await Store.PositionRecordedByAsync(second.RecordedAt));
        Assert.Equal(3, await Store.PositionRecordedByAsync(third.RecordedAt));
        Assert.Equal(3, await Store.PositionRecordedByAsync(MonitorClock.System.Now.AddMinutes(5)));
    }

    [Fact]
    public async Task One_event_is_read_by_its_id_as_stored_and_an_unknown_id_gives_null()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event(), Event(data: """{"amount":7,"grantRef":"G-7"}"""));
        var stored = await Append("project-b", ExpectedVersion.NoStream, Event(provinces: ["limburg", "antwerpen"]));
        var second = (await Store.QueryAsync(new LogQuery { AfterPosition = 1, Limit = 1 })).Events[0];

        var read = await Store.ReadEventAsync(second.EventId);
        Assert.Equal((second.Position, second.EventId, second.Hash), (read!.Position, read.EventId, read.Hash));
        Assert.Equal("""{"amount":7,"grantRef":"G-7"}""", read.Data);
        Assert.Equal(EventHashing.Hash(read), read.Hash);
        var third = await Store.ReadEventAsync(stored.EventIds[0]);
        Assert.Equal(3, third!.Position);
        Assert.Equal(["antwerpen", "limburg"], third.Tags.Provinces); // tags are kept sorted
        Assert.Null(await Store.ReadEventAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_subscription_catches_up_and_then_receives_live_appends()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event(), Event(), Event());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();
        var caughtUp = new TaskCompletionSource();

        var subscription = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeAsync(afterPosition: 1, timeout.Token))
            {
                received.Add(e.Position);
                if (e.Position == 3) caughtUp.SetResult();
                if (e.Position == 6) return;
            }
        });

        await caughtUp.Task.WaitAsync(timeout.Token);
        await Append("project-b", ExpectedVersion.NoStream, Event());
        await Append("project-c", ExpectedVersion.NoStream, Event(), Event());
        await subscription.WaitAsync(timeout.Token);

        Assert.Equal([2, 3, 4, 5, 6], received);
    }

    [Fact]
    public async Task A_waiting_subscription_is_woken_by_a_commit_long_before_its_poll_interval()
    {
        // PostgreSQL: the subscriber is another store instance (another silo), woken by NOTIFY. SQLite: the same process.
        var slowPolling = new EventStoreOptions { PollInterval = TimeSpan.FromSeconds(120) };
        await Store.DisposeAsync();
        Store = await OpenStoreAsync(slowPolling);
        await using var other = SubscriberIsAnotherInstance ? await OpenStoreAsync(slowPolling) : null;
        var subscriber = other ?? Store;

        await Append("project-a", ExpectedVersion.NoStream, Event());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();
        var caughtUp = new TaskCompletionSource();
        var subscription = Task.Run(async () =>
        {
            await foreach (var e in subscriber.SubscribeAsync(0, timeout.Token))
            {
                received.Add(e.Position);
                if (e.Position == 1) caughtUp.SetResult();
                if (e.Position == 2) return;
            }
        });

        await caughtUp.Task.WaitAsync(timeout.Token);
        await Task.Delay(500); // the subscription is now waiting for a wake-up
        await Append("project-b", ExpectedVersion.NoStream, Event());

        await subscription.WaitAsync(timeout.Token); // fails after 30 s, long before the 120 s poll
        Assert.Equal([1, 2], received);
    }

    protected virtual bool SubscriberIsAnotherInstance => false;

    /// <summary>SQLite's clock has milliseconds: make sure the next append gets a later recorded time.</summary>
    private static async Task WaitForClockAsync(DateTimeOffset after)
    {
        while (MonitorClock.System.Now <= after.AddMilliseconds(2)) await Task.Delay(2);
    }
}
