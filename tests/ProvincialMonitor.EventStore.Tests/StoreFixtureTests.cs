using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// Stores written by earlier commits (Fixtures/store-&lt;commit&gt;, docs/event-store.md "The store fixture") open with
/// today's store, which migrates them at open; their chains verify against the receipts, anchors and backup kept
/// outside them; and filtered queries, idempotency keys and credentials answer as they did when they were written.
/// </summary>
public sealed class StoreFixtureTests
{
    /// <summary>Set to 1 to write a fixture's expected.json from its SQLite store instead of comparing (ops/fixtures/make-store-fixture.sh).</summary>
    public const string UpdateVariable = "PROVMON_UPDATE_STORE_FIXTURE";

    public static TheoryData<string> Fixtures => [.. StoreFixture.Names()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_SQLite_store_opens_verifies_against_its_receipt_and_anchors_and_answers_as_it_did(string name)
    {
        var fixture = StoreFixture.Named(name);
        Assert.False(File.Exists(Path.Combine(fixture.Folder, "data", "events.db-wal")), "the fixture's store is one file, its log checkpointed");
        var folder = StoreFixture.CopyFolder(Path.Combine(fixture.Folder, "data"));
        try
        {
            await using var store = await SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db"));
            var anchors = StoreFixture.AnchorHeads(Path.Combine(folder, "anchors"));
            Assert.NotEmpty(anchors);
            await AssertVerifiedAsync(store, [.. anchors, fixture.Receipt("sqlite")]);

            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                var chosen = await StoreFixtureAnswers.ChooseQueriesAsync(store);
                var values = await StoreFixtureAnswers.ChooseValuesAsync(store);
                var keys = await StoreFixtureAnswers.ChooseKeysAsync(Path.Combine(folder, "events.db"));
                var answers = await StoreFixtureAnswers.AnswersAsync(store, chosen, values, keys);
                await File.WriteAllTextAsync(fixture.ExpectedFile, JsonSerializer.Serialize(answers, StoreFixture.Json) + "\n");
            }
            await AssertAnswersAsync(fixture, store);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_SQLite_store_answers_as_it_did_from_the_log_alone_and_after_the_indexer_wrote_its_tag_rows_again(string name)
    {
        var fixture = StoreFixture.Named(name);
        var folder = StoreFixture.CopyFolder(Path.Combine(fixture.Folder, "data"));
        var file = Path.Combine(folder, "events.db");
        try
        {
            // Migrated, then its index emptied: every tag filter and stream read is answered from the log after the indexer's checkpoint.
            await (await SqliteEventStore.OpenAsync(file)).DisposeAsync();
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var empty = connection.CreateCommand();
                empty.CommandText = "DROP TRIGGER event_tags_no_delete; DELETE FROM event_tags; DROP TRIGGER stream_index_no_delete; DELETE FROM stream_index; " +
                                  "UPDATE event_index_checkpoint SET position = 0, stream_position = 0;";
                await empty.ExecuteNonQueryAsync();
            }
            await using var store = await SqliteEventStore.OpenAsync(file);
            store.Indexer.Stopped = true;
            await AssertAnswersAsync(fixture, store);

            await store.Indexer.IndexToHeadAsync();
            await AssertAnswersAsync(fixture, store);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_backup_is_whole_and_verifies_against_its_manifest_and_anchors(string name)
    {
        var backup = Path.Combine(StoreFixture.Named(name).Folder, "backup");
        Assert.Empty(StoreFixture.DamagedFiles(backup));
        var folder = StoreFixture.CopyFolder(backup);
        try
        {
            await using var store = await SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db"));
            var manifest = StoreFixture.ManifestHead(folder);
            await AssertVerifiedAsync(store, [.. StoreFixture.AnchorHeads(Path.Combine(folder, "anchors")), manifest]);
            Assert.Equal(manifest, await store.GetHeadAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_PostgreSQL_dump_restores_verifies_against_its_receipt_and_answers_as_the_SQLite_store(string name)
    {
        var fixture = StoreFixture.Named(name);
        var server = Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
                     ?? throw new InvalidOperationException("PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh, which starts a throwaway PostgreSQL.");
        var database = $"provmon_fixture_{Guid.NewGuid():N}";
        await RunAsync(server, $"CREATE DATABASE {database}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            await fixture.RestorePostgresAsync(connection);
            await using var store = await PostgresEventStore.OpenAsync(connection);
            await AssertVerifiedAsync(store, [fixture.Receipt("postgres")]);
            await AssertAnswersAsync(fixture, store);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task AssertVerifiedAsync(IEventStore store, IReadOnlyList<ChainHead> receipts)
    {
        var head = await store.GetHeadAsync();
        var result = await store.VerifyAgainstAsync(1, null, receipts);
        Assert.True(result.Intact, $"{result.Break} at {result.BreakPosition}: {result.Detail}");
        Assert.Equal(head.Position, result.VerifiedUpTo);
        Assert.Equal(head.Hash, result.HeadHash);
    }

    /// <summary>Each query, key and list compared on its own, as JSON, so that a difference names what differs.</summary>
    private static async Task AssertAnswersAsync(StoreFixture fixture, RelationalEventStore store)
    {
        var expected = JsonSerializer.Deserialize<ExpectedAnswers>(await File.ReadAllTextAsync(fixture.ExpectedFile), StoreFixture.Json)!;
        var actual = await StoreFixtureAnswers.AnswersAsync(store, expected.Queries, expected.Values, expected.Keys);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Queries.Count, actual.Queries.Count);
        for (var i = 0; i < expected.Queries.Count; i++)
            Assert.Equal(JsonSerializer.Serialize(expected.Queries[i], StoreFixture.Json), JsonSerializer.Serialize(actual.Queries[i], StoreFixture.Json));
        Assert.Equal(expected.Values.Keys.Order(StringComparer.Ordinal), actual.Values.Keys);
        foreach (var (filter, byValue) in actual.Values)
            Assert.Equal(JsonSerializer.Serialize(new { filter, values = new SortedDictionary<string, string>(expected.Values[filter], StringComparer.Ordinal) }, StoreFixture.Json), JsonSerializer.Serialize(new { filter, values = byValue }, StoreFixture.Json));
        Assert.Equal(JsonSerializer.Serialize(expected.Keys, StoreFixture.Json), JsonSerializer.Serialize(actual.Keys, StoreFixture.Json));
        Assert.Equal(expected.Logins, actual.Logins);
        Assert.Equal(expected.ApiKeys, actual.ApiKeys);

        // An idempotent retry of the newest keyed append is answered as the first time, and writes nothing.
        var last = expected.Keys[^1];
        var first = (await store.FindIdempotencyAsync(last.Principal, last.Key))!;
        var retry = await store.AppendAsync(last.StreamId, ExpectedVersion.Any,
            [new EventToAppend("FixtureRetry.v1", "{}", "{}", DateOnly.FromDayNumber(0), new EventTags("fixture", "api"))],
            new IdempotencyRequest(last.Principal, last.Key, first.RequestHash));
        Assert.True(retry.Replayed);
        Assert.Equal((last.FromPosition, last.ToPosition), (retry.FromPosition, retry.ToPosition));
        Assert.Equal(expected.Events, (await store.GetHeadAsync()).Position);
    }

    private static async Task RunAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
