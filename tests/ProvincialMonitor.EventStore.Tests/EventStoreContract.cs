namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// What every backend of <see cref="IEventStore"/> guarantees. Each test gets a store of its own.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    protected RelationalEventStore Store { get; private set; } = null!;

    protected abstract Task<RelationalEventStore> OpenStoreAsync(EventStoreOptions? options = null);

    /// <summary>Runs SQL against the store's database as someone who gets past the append-only triggers.</summary>
    protected abstract Task TamperAsync(string sql);

    /// <summary>A hash (hex) as a literal of the backend's binary type, for tampering.</summary>
    protected abstract string BlobLiteral(string hex);

    /// <summary>Runs SQL as an ordinary client would (the triggers in force).</summary>
    protected abstract Task ExecuteAsync(string sql);

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected static EventToAppend Event(
        string type = "SubsidyGranted",
        string data = """{"amount":1000.5,"grantRef":"G-1"}""",
        DateOnly? effective = null,
        string[]? provinces = null,
        string? domain = "innovation-clusters",
        string[]? clusters = null,
        string? campaign = null,
        string actor = "u-officer-1",
        string source = "api") =>
        new(type, data, $$"""{"actor":"{{actor}}","role":"officer","source":"{{source}}"}""",
            effective ?? new DateOnly(2026, 3, 1),
            new EventTags(actor, source, provinces ?? ["antwerpen"], domain, clusters, campaign));

    protected Task<AppendResult> Append(string stream, long expected, params EventToAppend[] events) =>
        Store.AppendAsync(stream, expected, events);

    protected async Task<long> CountEventsAsync()
    {
        var count = 0L;
        await foreach (var _ in Store.ReadAllAsync()) count++;
        return count;
    }

    [Fact]
    public async Task Appending_to_a_new_stream_numbers_versions_and_positions_from_one()
    {
        var first = await Append("project-a", ExpectedVersion.NoStream, Event(), Event());
        var second = await Append("project-b", ExpectedVersion.NoStream, Event());
        var third = await Append("project-a", 2, Event());

        Assert.Equal((1L, 2L, 1L, 2L), (first.FromVersion, first.ToVersion, first.FromPosition, first.ToPosition));
        Assert.Equal((1L, 1L, 3L, 3L), (second.FromVersion, second.ToVersion, second.FromPosition, second.ToPosition));
        Assert.Equal((3L, 3L, 4L, 4L), (third.FromVersion, third.ToVersion, third.FromPosition, third.ToPosition));
        Assert.Equal(3, await Store.GetStreamVersionAsync("project-a"));
        Assert.Equal(0, await Store.GetStreamVersionAsync("project-unknown"));
    }

    [Fact]
    public async Task Event_ids_are_version_7_uuids_unless_given()
    {
        var given = Guid.CreateVersion7();
        var result = await Append("project-a", ExpectedVersion.NoStream, Event(), Event() with { EventId = given });

        Assert.Equal(7, result.EventIds[0].Version);
        Assert.Equal(given, result.EventIds[1]);
        var stored = await Store.ReadStreamAsync("project-a");
        Assert.Equal(result.EventIds, stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_wrong_expected_version_is_a_typed_conflict_and_writes_nothing()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event(), Event());

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append("project-a", 1, Event()));
        var exists = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append("project-a", ExpectedVersion.NoStream, Event()));

        Assert.Equal(("project-a", 1L, 2L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(2, exists.ActualVersion);
        Assert.Equal(2, await CountEventsAsync());
        var any = await Append("project-a", ExpectedVersion.Any, Event());
        Assert.Equal(3, any.ToVersion);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_request_returns_the_first_result_and_writes_nothing()
    {
        var key = new IdempotencyRequest("u-officer-1", "key-1", "hash-of-body");
        var first = await Store.AppendAsync("project-a", ExpectedVersion.NoStream, [Event()], key);
        var head = await Store.GetHeadAsync();

        // The retry's expected version is stale by now: the key is looked up before the version is checked.
        var retry = await Store.AppendAsync("project-a", ExpectedVersion.NoStream, [Event()], key);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first with { Replayed = true }, retry with { EventIds = first.EventIds });
        Assert.Equal(first.EventIds, retry.EventIds);
        Assert.Equal(head, await Store.GetHeadAsync());
        var found = await Store.FindIdempotencyAsync("u-officer-1", "key-1");
        Assert.Equal("hash-of-body", found!.RequestHash);
        Assert.Equal(first.FromPosition, found.Result.FromPosition);
        Assert.Null(await Store.FindIdempotencyAsync("u-officer-2", "key-1"));
    }

    [Fact]
    public async Task Reusing_a_key_for_another_request_is_refused_and_writes_nothing()
    {
        await Store.AppendAsync("project-a", ExpectedVersion.NoStream, [Event()], new IdempotencyRequest("u-1", "key-1", "body-1"));

        var reused = await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            Store.AppendAsync("project-b", ExpectedVersion.NoStream, [Event()], new IdempotencyRequest("u-1", "key-1", "body-2")));

        Assert.Equal(("u-1", "key-1"), (reused.Principal, reused.Key));
        Assert.Equal(1, await CountEventsAsync());
        // Keys belong to a principal: another principal may use the same key.
        await Store.AppendAsync("project-b", ExpectedVersion.NoStream, [Event()], new IdempotencyRequest("u-2", "key-1", "body-2"));
        Assert.Equal(2, await CountEventsAsync());
    }

    [Fact]
    public async Task Sixteen_concurrent_writers_on_a_thousand_streams_leave_gap_free_positions_and_an_intact_chain()
    {
        const int writers = 16, appendsPerWriter = 60, streams = 1000;
        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var mine = new List<AppendResult>();
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var events = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Event()).ToArray();
                mine.Add(await Store.AppendAsync($"project-{random.Next(streams)}", ExpectedVersion.Any, events));
            }
            return mine;
        })));

        var all = results.SelectMany(r => r).ToList();
        var total = all.Sum(r => r.EventIds.Count);
        var log = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync()) log.Add(e);

        Assert.Equal(Enumerable.Range(1, total).Select(p => (long)p), log.Select(e => e.Position));
        Assert.Equal(all.SelectMany(r => r.EventIds).Order(), log.Select(e => e.EventId).Order());
        foreach (var stream in log.GroupBy(e => e.StreamId))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e.StreamVersion));
        Assert.True(log.Zip(log.Skip(1)).All(pair => pair.First.RecordedAt <= pair.Second.RecordedAt));

        var verification = await Store.VerifyAsync();
        Assert.True(verification.Intact, verification.Detail);
        Assert.Equal(total, verification.VerifiedUpTo);
        Assert.Equal(log[^1].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task In_one_batch_a_conflicting_stream_fails_alone_and_the_others_are_stored()
    {
        await Append("project-conflict", ExpectedVersion.NoStream, Event());
        var key = new IdempotencyRequest("u-1", "twice", "same-body");

        Task<AppendResult>[] appends;
        using (await Store.HoldWriterAsync())
        {
            appends =
            [
                Append("project-1", ExpectedVersion.NoStream, Event()),
                Append("project-conflict", ExpectedVersion.NoStream, Event()),
                Append("project-2", ExpectedVersion.NoStream, Event(), Event()),
                Append("project-1", ExpectedVersion.NoStream, Event()), // stale after the first append in the batch
                Store.AppendAsync("project-3", ExpectedVersion.NoStream, [Event()], key),
                Store.AppendAsync("project-3", ExpectedVersion.NoStream, [Event()], key),
            ];
        }

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => appends[1]);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => appends[3]);
        var stored = new[] { await appends[0], await appends[2], await appends[4] };
        var replay = await appends[5];

        Assert.Equal(new long[] { 2, 3, 5 }, stored.Select(r => r.FromPosition));
        Assert.True(replay.Replayed);
        Assert.Equal(stored[2].EventIds, replay.EventIds);
        Assert.Equal(5, await CountEventsAsync());
        var batch = await Store.QueryAsync(new LogQuery { AfterPosition = 1 });
        Assert.Single(batch.Events.Select(e => e.RecordedAt).Distinct());
        Assert.True((await Store.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Data_and_metadata_are_stored_in_their_canonical_form()
    {
        await Append("project-a", ExpectedVersion.NoStream,
            Event(data: """{ "title": "Kamp C", "amount": 2500.50, "a": [1, 2e3] }"""));

        var stored = (await Store.ReadStreamAsync("project-a")).Single();

        Assert.Equal("""{"a":[1,2000],"amount":2500.5,"title":"Kamp C"}""", stored.Data);
        Assert.Equal("""{"actor":"u-officer-1","role":"officer","source":"api"}""", stored.Metadata);
        Assert.Equal(EventHashing.Hash(stored), stored.Hash);
        Assert.Equal(EventHashing.GenesisHash, stored.PrevHash);
    }

    [Fact]
    public async Task An_event_canonicalised_by_its_caller_is_stored_as_it_is_and_a_copy_with_other_data_is_canonicalised_again()
    {
        var canonical = Event(data: """{ "title": "Kamp C", "amount": 2500.50 }""").Canonicalize();
        Assert.Equal("""{"amount":2500.5,"title":"Kamp C"}""", canonical.Data);
        Assert.Equal("""{"actor":"u-officer-1","role":"officer","source":"api"}""", canonical.Metadata);
        Assert.Throws<FormatException>(() => Event(data: "[1]").Canonicalize());

        await Append("project-a", ExpectedVersion.NoStream, canonical, canonical with { Data = """{ "b": 1, "a": 2.0 }""" });

        var stored = await Store.ReadStreamAsync("project-a");
        Assert.Equal(["""{"amount":2500.5,"title":"Kamp C"}""", """{"a":2,"b":1}"""], stored.Select(e => e.Data));
        Assert.All(stored, e => Assert.Equal(EventHashing.Hash(e), e.Hash));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":1e999}""")]
    public async Task Data_that_is_not_a_json_object_is_refused_before_anything_is_stored(string data)
    {
        await Assert.ThrowsAsync<FormatException>(() => Append("project-a", ExpectedVersion.NoStream, Event(), Event(data: data)));

        Assert.Equal(0, await CountEventsAsync());
    }

    [Fact]
    public async Task Stored_events_cannot_be_updated_or_deleted_through_sql()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event());

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync("UPDATE events SET data = '{}' WHERE position = 1"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteAsync("DELETE FROM events WHERE position = 1"));

        Assert.True((await Store.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Reopening_the_store_keeps_its_events_and_migrates_nothing_twice()
    {
        await Append("project-a", ExpectedVersion.NoStream, Event(), Event());
        var head = await Store.GetHeadAsync();
        await Store.DisposeAsync();

        await using var reopened = await OpenStoreAsync();

        Assert.Equal(head, await reopened.GetHeadAsync());
        var next = await reopened.AppendAsync("project-a", 2, [Event()]);
        Assert.Equal(3, next.FromPosition);
        Assert.True((await reopened.VerifyAsync()).Intact);
    }
}
