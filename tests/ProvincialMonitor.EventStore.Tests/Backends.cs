using Npgsql;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>The contract against the embedded store: a fresh SQLite file per test.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-store-").FullName;

    private string FilePath => Path.Combine(_folder, "events.db");

    protected override async Task<RelationalEventStore> OpenStoreAsync(EventStoreOptions? options = null) =>
        await SqliteEventStore.OpenAsync(FilePath, options);

    protected override string BlobLiteral(string hex) => $"X'{hex}'";

    protected override string DropTagGuard => "DROP TRIGGER IF EXISTS event_tags_no_delete; ";

    [Fact]
    public async Task Commits_are_synced_in_full_unless_normal_is_chosen()
    {
        await using (var full = await SqliteEventStore.OpenAsync(FilePath))
            Assert.Equal(SqliteSynchronous.Full, full.Synchronous);
        await using var normal = await SqliteEventStore.OpenAsync(FilePath, new EventStoreOptions { SqliteSynchronous = SqliteSynchronous.Normal });
        Assert.Equal(SqliteSynchronous.Normal, normal.Synchronous);
        var result = await normal.AppendAsync("project-sync", ExpectedVersion.NoStream,
            [new EventToAppend("ProjectRegistered.v1", "{}", "{}", new DateOnly(2026, 4, 1), new EventTags("u", "api"))]);
        Assert.Equal(1, result.ToVersion);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_writer_that_never_rests_still_lets_the_log_start_again(bool withReader)
    {
        // The log restarts from its beginning only when a write transaction begins on a fully copied log that no reader
        // still uses. The checkpointer copies it beside the writer, and the writer checkpoints the remainder itself once
        // the log is long (a writer that never rests may never find it wholly copied otherwise). Without checkpoints the
        // log never restarts: 0 times in 4 s, and its file grew from 61 MB to 294 MB.
        var log = FilePath + "-wal";
        using var stop = new CancellationTokenSource();
        var appended = 0;
        var writers = Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await Store.AppendAsync($"project-busy-{w}", ExpectedVersion.Any, [Event(data: $$"""{"amount":{{i}},"grantRef":"G-{{w}}-{{i}}"}""")]);
                Interlocked.Increment(ref appended);
            }
        })).ToArray();
        // A reader that never rests either, as the projector is under load: each read holds a snapshot of the log,
        // and a log is restarted only once no reader still uses its frames.
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (withReader && !stop.IsCancellationRequested)
            {
                var from = Math.Max(1, Volatile.Read(ref appended) - 2_000);
                // Folding as it reads, as the projector does: the read stays open meanwhile.
                var folded = 0;
                await foreach (var _ in Store.ReadAllAsync(from))
                    if (++folded % 200 == 0) await Task.Delay(1);
                Interlocked.Increment(ref reads);
            }
        });

        // Each restart writes the log's header anew with the next checkpoint sequence number: counted over 4 s once the
        // load has settled (7 to 15 restarts here). The file's size says less: it holds the most written between two
        // restarts, which grows when a loaded machine slows the checkpointer down.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var early = new FileInfo(log).Length;
        var sequences = new HashSet<uint>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(4))
        {
            if (CheckpointSequence(log) is { } sequence) sequences.Add(sequence);
            await Task.Delay(20);
        }
        var late = new FileInfo(log).Length;
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await reader;

        Assert.True(sequences.Count >= 3,
            $"the log started again {sequences.Count - 1} time(s) in 4 s under a steady load of {appended:N0} appends and {reads:N0} reads (its file went from {early:N0} to {late:N0} bytes)");
        Assert.Equal(appended, await CountEventsAsync());
    }

    /// <summary>The checkpoint sequence number in a write-ahead log's header (big-endian, at byte 12); null before there is a header.</summary>
    private static uint? CheckpointSequence(string log)
    {
        using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        return file.Read(header) == header.Length ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]) : null;
    }

    [Fact]
    public async Task The_writer_checks_versions_again_after_another_process_wrote_to_the_file()
    {
        // The writer keeps the versions of the streams it wrote between batches. Another store on the same file
        // (a second process started on the same data folder) moves the head, and what was kept no longer holds.
        await Append("project-shared", ExpectedVersion.NoStream, Event());
        await using (var other = await SqliteEventStore.OpenAsync(FilePath))
            await other.AppendAsync("project-shared", 1, [Event()]);

        var stale = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Append("project-shared", 1, Event()));
        Assert.Equal(2, stale.ActualVersion);
        var next = await Append("project-shared", 2, Event());
        Assert.Equal(3, next.ToVersion);
        Assert.Equal(3, await CountEventsAsync());
    }

    [Fact]
    public async Task An_append_whose_commit_cannot_be_synced_is_refused_as_unavailable()
    {
        await Append("project-sync", ExpectedVersion.NoStream, Event());
        // The log file vanishes (SQLite keeps writing to the open file): the store cannot sync it any more.
        File.Delete(FilePath + "-wal");

        var refused = await Assert.ThrowsAsync<EventStoreUnavailableException>(() => Append("project-sync", 1, Event()));
        Assert.Contains("durable", refused.Message, StringComparison.Ordinal);
    }

    protected override async Task TamperAsync(string sql)
    {
        // What someone with the file can do: drop the append-only triggers, then rewrite rows.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The contract against the server store: a fresh database per test on the PostgreSQL that ops/test.sh started.</summary>
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly string _database = $"provmon_test_{Guid.NewGuid():N}";
    private string? _connectionString;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh, which starts a throwaway PostgreSQL.");

    protected override async Task<RelationalEventStore> OpenStoreAsync(EventStoreOptions? options = null)
    {
        if (_connectionString is null)
        {
            await using var server = new NpgsqlConnection(ServerConnectionString);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", server);
            await create.ExecuteNonQueryAsync();
            _connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;
        }
        return await PostgresEventStore.OpenAsync(_connectionString, options);
    }

    protected override bool SubscriberIsAnotherInstance => true;

    protected override string BlobLiteral(string hex) => $"'\\x{hex}'::bytea";

    protected override Task TamperAsync(string sql) =>
        // What a database administrator can do: switch the append-only triggers off for the session.
        ExecuteAsync("SET session_replication_role = replica; " + sql);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
