using Microsoft.Data.Sqlite;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// The tag rows and the stream index behind the log (docs/event-store.md, "Indexer behind the log"): the append writes
/// none, the indexer writes them up to its checkpoint, and a filtered query or a stream's read answers the same whether
/// the events are before the checkpoint, after it, or on both sides, with the indexer running or stopped.
/// </summary>
public sealed class SqliteIndexerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-indexer-").FullName;
    private SqliteEventStore _store = null!;

    private string FilePath => Path.Combine(_folder, "events.db");

    public async Task InitializeAsync()
    {
        _store = await SqliteEventStore.OpenAsync(FilePath);
        _store.Indexer.Stopped = true;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static EventToAppend Event(string data, string[] provinces, string[]? clusters = null, string? decision = null, string type = "SubsidyGranted",
        int day = 1, string actor = "u-1", string? campaign = null) =>
        new(type, data,
            decision is null ? """{"actor":"u-1","source":"api"}""" : $$"""{"actor":"u-1","decisionRef":{{decision}},"source":"api"}""",
            new DateOnly(2026, 3, day), new EventTags(actor, day % 2 == 0 ? "form" : "api", provinces, day == 4 ? null : "innovation-clusters", clusters, campaign));

    /// <summary>Events with every kind of tag, and data and metadata that look like tags and are not.</summary>
    private Task<AppendResult> AppendSampleAsync(string stream) => _store.AppendAsync(stream, ExpectedVersion.Any,
    [
        Event("""{"municipalities":["11002","71072","11002"]}""", ["antwerpen"], ["flux50"], "\"D-1\""),
        Event("""{"municipality":"71072"}""", ["limburg", "antwerpen"], null, "\"\"", "ProjectLocated", day: 2, campaign: "markt-2026"),
        Event("""{"municipalities":{"a":"11002"},"municipality":71072}""", ["limburg"], ["catalisti", "flux50"], "7", day: 3, actor: "u-2"),
        Event("""{"municipality":"","nested":{"municipality":"11002"}}""", [], ["catalisti"], "\"D-2\"", "ProjectLocated", day: 4),
        Event("""{"municipalities":[71072,"","46030"]}""", ["limburg"], null, "\"D-1\"", day: 5, actor: "u-2", campaign: "markt-2026"),
    ]);

    private static readonly LogQuery[] Queries =
    [
        new() { Province = "antwerpen" }, new() { Province = "limburg" }, new() { Cluster = "flux50" }, new() { Cluster = "catalisti" },
        new() { DecisionRef = "D-1" }, new() { DecisionRef = "D-2" }, new() { DecisionRef = "" }, new() { DecisionRef = "7" },
        new() { Municipality = "71072" }, new() { Municipality = "11002" }, new() { Municipality = "46030" }, new() { Municipality = "" },
        new() { Province = "limburg", Cluster = "flux50" }, new() { Province = "limburg", Municipality = "46030" },
        new() { Province = "limburg", Direction = LogDirection.Backwards },
        new() { EventTypes = ["ProjectLocated"] }, new() { EventTypes = ["ProjectLocated", "SubsidyGranted"], Source = "form" },
        new() { Actor = "u-2" }, new() { Actor = "u-2", Direction = LogDirection.Backwards }, new() { Campaign = "markt-2026" },
        new() { Domain = "innovation-clusters", Province = "limburg" }, new() { EffectiveFrom = new DateOnly(2026, 3, 2), EffectiveTo = new DateOnly(2026, 3, 4) },
        new() { EffectiveFrom = new DateOnly(2026, 3, 3), Cluster = "catalisti", Direction = LogDirection.Backwards },
        new() { Source = "api", Municipality = "71072" }, new() { StreamPrefix = "project-", Actor = "u-1", Province = "antwerpen" },
    ];

    /// <summary>Every query's answer, paged one event at a time both ways (the cursors cross the checkpoint).</summary>
    private async Task<string> AnswersAsync()
    {
        var answers = new List<string>();
        foreach (var query in Queries)
        {
            var whole = (await _store.QueryAsync(query)).Events.Select(e => e.Position);
            var paged = new List<long>();
            var page = await _store.QueryAsync(query with { Limit = 1 });
            paged.AddRange(page.Events.Select(e => e.Position));
            while (page.NextPosition is { } next)
            {
                page = await _store.QueryAsync(query.Direction == LogDirection.Forwards ? query with { Limit = 1, AfterPosition = next } : query with { Limit = 1, BeforePosition = next });
                paged.AddRange(page.Events.Select(e => e.Position));
            }
            answers.Add($"{string.Join(",", whole)} | {string.Join(",", paged)}");
        }
        // The last position recorded by each event's moment, and by a moment before the first.
        await foreach (var e in _store.ReadAllAsync())
            answers.Add($"{e.Position}: {await _store.PositionRecordedByAsync(e.RecordedAt)}, {await _store.PositionRecordedByAsync(e.RecordedAt.AddTicks(-10))}");
        answers.Add($"before: {await _store.PositionRecordedByAsync(DateTimeOffset.UnixEpoch)}");
        return string.Join("\n", answers);
    }

    private async Task<(long Checkpoint, long TagRows)> IndexStateAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT position FROM event_index_checkpoint), (SELECT COUNT(*) FROM event_tags), (SELECT COUNT(*) FROM event_filters)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        // Every position up to the checkpoint has its filter row, and none after it.
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(2));
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task The_append_writes_no_tag_rows_and_a_query_reads_the_log_after_the_checkpoint()
    {
        await AppendSampleAsync("project-1");

        Assert.Equal((0L, 0L), await IndexStateAsync());
        Assert.Equal(5, _store.Indexer.Lag);
        Assert.Equal("1,2 | 1,2", (await AnswersAsync()).Split('\n')[0]);
        var stopped = await AnswersAsync();

        await _store.Indexer.IndexToHeadAsync();

        Assert.Equal((5L, 16L), await IndexStateAsync());
        Assert.Equal(0, _store.Indexer.Lag);
        Assert.Equal(stopped, await AnswersAsync());
    }

    [Fact]
    public async Task A_query_answers_the_same_across_the_checkpoint()
    {
        await AppendSampleAsync("project-1");
        await _store.Indexer.IndexToHeadAsync();
        await AppendSampleAsync("project-2");
        Assert.Equal(5L, (await IndexStateAsync()).Checkpoint);
        var across = await AnswersAsync();

        await _store.Indexer.IndexToHeadAsync();

        Assert.Equal(10L, (await IndexStateAsync()).Checkpoint);
        Assert.Equal(across, await AnswersAsync());
        var answers = across.Split('\n');
        Assert.Equal("1,2,6,7 | 1,2,6,7", answers[0]);
        Assert.Equal("2,4,7,9 | 2,4,7,9", answers[Array.IndexOf(Queries, Queries.First(q => q.EventTypes is ["ProjectLocated"]))]);
        Assert.Equal("10,8,5,3 | 10,8,5,3", answers[Array.IndexOf(Queries, Queries.First(q => q is { Actor: "u-2", Direction: LogDirection.Backwards }))]);
        Assert.Equal("before: 0", answers[^1]);
    }

    [Fact]
    public async Task The_indexer_reaches_the_head_by_itself_after_commits()
    {
        _store.Indexer.Stopped = false;
        for (var i = 0; i < 3; i++) await AppendSampleAsync($"project-{i}");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await IndexStateAsync()).Checkpoint < 15 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);

        Assert.Equal((15L, 48L), await IndexStateAsync());
    }

    [Fact]
    public async Task The_stream_index_reaches_the_head_by_itself_a_moment_after_the_commits_stop()
    {
        _store.Indexer.Stopped = false;
        await AppendSampleAsync("project-1");

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_store.Indexer.StreamCheckpoint < 5 && waited.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50);

        Assert.Equal((5L, 5L), (_store.Indexer.Checkpoint, _store.Indexer.StreamCheckpoint));
        Assert.Equal(5L, await StreamIndexRowsAsync());
    }

    private async Task<long> StreamIndexRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM stream_index";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_store_opened_behind_its_indexer_catches_up_and_reports_its_lag()
    {
        await AppendSampleAsync("project-1");
        await _store.DisposeAsync();

        _store = await SqliteEventStore.OpenAsync(FilePath);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await IndexStateAsync()).Checkpoint < 5 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50);

        Assert.Equal((5L, 16L), await IndexStateAsync());
        Assert.Equal(0, _store.Indexer.Lag);
    }

    [Fact]
    public async Task The_writer_indexes_before_a_batch_once_the_lag_passes_its_bound()
    {
        // The indexer is stopped after commits: only the writer's bound moves the checkpoint.
        _store.Indexer.MaxLag = 12;
        for (var i = 0; i < 4; i++) await AppendSampleAsync($"project-{i}");

        // The fourth batch found 15 events behind the checkpoint, more than 12: the writer indexed them first.
        Assert.Equal(15L, (await IndexStateAsync()).Checkpoint);
        Assert.Equal(5, _store.Indexer.Lag);
    }

    /// <summary>A stream's reads and version, the same ones through the log query, and an event by its id.</summary>
    private async Task<string> StreamAnswersAsync(string stream)
    {
        var all = await _store.ReadStreamAsync(stream);
        var middle = await _store.ReadStreamAsync(stream, new StreamQuery { FromVersion = 4, ToVersion = 7 });
        var logged = await _store.QueryAsync(new LogQuery { StreamId = stream, Direction = LogDirection.Backwards, Limit = 3 });
        var byId = await _store.ReadEventAsync(all[^1].EventId);
        return $"{await _store.GetStreamVersionAsync(stream)} | {string.Join(",", all.Select(e => $"{e.StreamVersion}@{e.Position}"))} | " +
               $"{string.Join(",", middle.Select(e => $"{e.StreamVersion}@{e.Position}"))} | {string.Join(",", logged.Events.Select(e => e.Position))} > {logged.NextPosition} | " +
               $"{byId?.StreamId}:{byId?.StreamVersion}";
    }

    [Fact]
    public async Task A_stream_reads_the_same_across_the_checkpoint_from_the_stream_index_and_the_log()
    {
        await AppendSampleAsync("project-1");
        await AppendSampleAsync("project-2");
        await _store.Indexer.IndexToHeadAsync();
        await _store.AppendAsync("project-1", 5, [Event("{}", ["limburg"]), Event("{}", ["limburg"])]);
        await AppendSampleAsync("project-2");
        await _store.AppendAsync("project-1", 7, [Event("{}", ["limburg"])]);
        var across = await StreamAnswersAsync("project-1");

        Assert.Equal("8 | 1@1,2@2,3@3,4@4,5@5,6@11,7@12,8@18 | 4@4,5@5,6@11,7@12 | 18,12,11 > 11 | project-1:8", across);
        Assert.Equal(0, await _store.GetStreamVersionAsync("project-none"));
        Assert.Empty(await _store.ReadStreamAsync("project-none"));

        // The tag rows at the head, the stream index still at 10: it is written in larger steps.
        await _store.Indexer.IndexNextAsync();
        Assert.Equal((18L, 10L), (_store.Indexer.Checkpoint, _store.Indexer.StreamCheckpoint));
        Assert.Equal(across, await StreamAnswersAsync("project-1"));
        await _store.Indexer.IndexToHeadAsync();
        Assert.Equal((18L, 18L), (_store.Indexer.Checkpoint, _store.Indexer.StreamCheckpoint));
        Assert.Equal(across, await StreamAnswersAsync("project-1"));
    }

    [Fact]
    public async Task A_store_reopened_behind_its_indexer_knows_the_versions_its_log_holds_after_the_checkpoint()
    {
        await AppendSampleAsync("project-1");
        await _store.DisposeAsync();

        // The stream index has none of these versions: the writer reads them from the log after the checkpoint at open.
        _store = await SqliteEventStore.OpenAsync(FilePath);
        _store.Indexer.Stopped = true;
        var refused = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => _store.AppendAsync("project-1", ExpectedVersion.NoStream, [Event("{}", [])]));
        Assert.Equal(5, refused.ActualVersion);
        Assert.Equal(6, (await _store.AppendAsync("project-1", 5, [Event("{}", [])])).ToVersion);
        Assert.Equal(7, (await _store.AppendAsync("project-1", ExpectedVersion.Any, [Event("{}", [])])).ToVersion);
        Assert.Equal(0L, (await IndexStateAsync()).Checkpoint);

        await _store.Indexer.IndexToHeadAsync();
        Assert.Equal("1,2,3,4,5,6,7", string.Join(",", (await _store.ReadStreamAsync("project-1")).Select(e => e.StreamVersion)));
    }

    [Fact]
    public async Task The_indexer_goes_in_batches_of_its_size()
    {
        for (var i = 0; i < 500; i++) await AppendSampleAsync($"project-{i % 7}");

        Assert.Equal(SqliteIndexer.BatchSize, await _store.Indexer.IndexNextAsync());
        Assert.Equal((long)SqliteIndexer.BatchSize, (await IndexStateAsync()).Checkpoint);
        await _store.Indexer.IndexToHeadAsync();
        Assert.Equal((2_500L, 500 * 16L), await IndexStateAsync());
        Assert.Equal(0, await _store.Indexer.IndexNextAsync());
    }
}
