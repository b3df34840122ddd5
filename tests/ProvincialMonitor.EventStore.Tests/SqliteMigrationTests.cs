using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// A store written by an earlier commit (the newest fixture) is migrated at open only with about twice the store free on
/// its disk, and is left as it was when that is missing; its copies of the log's rows say in the log how far they are.
/// </summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _folder = StoreFixture.CopyFolder(Path.Combine(StoreFixture.Named(StoreFixture.Names()[^1]).Folder, "data"));

    private string File => Path.Combine(_folder, "events.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Without_twice_the_store_free_the_store_is_not_migrated_and_the_error_says_what_is_needed()
    {
        var before = await SchemaAsync();

        var refused = await Assert.ThrowsAsync<EventStoreMigrationRefusedException>(() =>
            SqliteEventStore.OpenAsync(File, new EventStoreOptions { FreeDiskBytes = _ => Needed() - 1 }));

        Assert.Contains("needs migrations 9, 10, 11 before it opens", refused.Message, StringComparison.Ordinal);
        Assert.Contains("twice the store free", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaAsync());

        // With exactly that much free it opens, migrated.
        await using var store = await SqliteEventStore.OpenAsync(File, new EventStoreOptions { FreeDiskBytes = _ => Needed() });
        Assert.Equal(SqliteSchema.Migrations.Max(m => m.Version), (await SchemaAsync()).Version);
        Assert.True((await store.GetHeadAsync()).Position > 0);
    }

    [Fact]
    public async Task A_backfill_copies_every_row_and_logs_how_far_it_is()
    {
        var before = await SchemaAsync();
        Assert.Contains(SqliteSchema.Backfills.Keys, version => version > before.Version);
        var log = new ListLogger();

        await using (var store = await SqliteEventStore.OpenAsync(File, logger: log))
        {
            var head = (await store.GetHeadAsync()).Position;
            Assert.Contains(log.Lines, l => l.StartsWith("Migration 10: event_filters up to position ", StringComparison.Ordinal) && l.EndsWith("(100 %)", StringComparison.Ordinal));
            Assert.Contains(log.Lines, l => l.StartsWith("Applied migration 10 in ", StringComparison.Ordinal));
            await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT (SELECT COUNT(*) FROM event_filters), (SELECT position FROM event_index_checkpoint), " +
                                "(SELECT COUNT(*) FROM events WHERE typeof(event_id) = 'blob' AND length(event_id) = 16), (SELECT COUNT(*) FROM stream_index), " +
                                "(SELECT COUNT(DISTINCT stream_no) FROM events), (SELECT COUNT(*) FROM streams)";
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
            Assert.Equal(head, reader.GetInt64(1));
            // Migration 11 rebuilt the log: every id as 16 bytes, every version in the stream index, a number per stream.
            Assert.Contains(log.Lines, l => l == $"Migration 11: events (rebuilt) up to position {head:N0} of {head:N0} (100 %)");
            Assert.Equal(head, reader.GetInt64(2));
            Assert.Equal(head, reader.GetInt64(3));
            Assert.Equal(reader.GetInt64(5), reader.GetInt64(4));
        }
    }

    /// <summary>Twice the store: its file and its log.</summary>
    private long Needed() => 2 * (new FileInfo(File).Length + (System.IO.File.Exists(File + "-wal") ? new FileInfo(File + "-wal").Length : 0));

    private async Task<(long Version, long Events)> SchemaAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT MAX(version) FROM schema_migrations), (SELECT COUNT(*) FROM events)";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add(formatter(state, exception));
        }
    }
}
