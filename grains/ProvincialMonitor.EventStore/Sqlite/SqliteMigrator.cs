using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// Brings a store to today's schema when it opens: every pending migration of <see cref="SqliteSchema"/> in one write
/// transaction (a crash leaves the store as it was, and the next start begins again). A store that holds events is
/// migrated only when its disk has about twice the store free (the copies a migration writes, and the log that holds
/// them until the checkpoint); a copy of the log's rows runs in steps, each logged with how far it is.
/// </summary>
internal static class SqliteMigrator
{
    /// <summary>Positions copied per step of a backfill (one progress line each).</summary>
    internal const long StepPositions = 100_000;

    public static async Task MigrateAsync(SqliteConnection connection, string path, Func<string, long> freeBytes, ILogger logger,
        CancellationToken cancellationToken)
    {
        // The write transaction (BEGIN IMMEDIATE) is the migration lock: a second process waits for it.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<long>();
        await using (var command = Command(connection, transaction, "SELECT version FROM schema_migrations"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) applied.Add(reader.GetInt64(0));

        var pending = SqliteSchema.Migrations.Where(m => !applied.Contains(m.Version)).ToList();
        if (pending.Count > 0 && applied.Count > 0) CheckFreeSpace(path, [.. pending.Select(m => m.Version)], freeBytes);
        foreach (var (version, name, sql) in pending)
        {
            logger.LogInformation("Applying SQLite event store migration {Version}: {Name}", version, name);
            var clock = Stopwatch.StartNew();
            if (SqliteSchema.Backfills.TryGetValue(version, out var backfill))
                await BackfillAsync(connection, transaction, version, backfill, logger, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await using var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, datetime('now'))");
            record.Parameters.AddWithValue("@v", version);
            record.Parameters.AddWithValue("@n", name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (applied.Count > 0) logger.LogInformation("Applied migration {Version} in {Seconds:N1} s", version, clock.Elapsed.TotalSeconds);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses to migrate a store whose disk has less than twice the store (its file and its log) free.</summary>
    private static void CheckFreeSpace(string path, IReadOnlyList<int> versions, Func<string, long> freeBytes)
    {
        var size = Length(path) + Length(path + "-wal");
        var needed = 2 * size;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var free = freeBytes(folder);
        if (free >= needed) return;
        throw new EventStoreMigrationRefusedException(string.Create(CultureInfo.InvariantCulture,
            $"The SQLite store {path} ({Megabytes(size)} MB) needs {(versions.Count == 1 ? "migration" : "migrations")} {string.Join(", ", versions)} before it opens, and migrating needs about twice the store free on its disk: {Megabytes(needed)} MB; {folder} has {Megabytes(free)} MB free. Free space there (or move the data folder) and start again: the store is unchanged."));
    }

    /// <summary>The free space of the disk that holds <paramref name="folder"/>, as this process may use it.</summary>
    public static long FreeBytes(string folder) => new DriveInfo(folder).AvailableFreeSpace;

    private static long Length(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>Runs a backfill: its table first, then its copy in steps of <see cref="StepPositions"/> positions, each logged.</summary>
    private static async Task BackfillAsync(SqliteConnection connection, SqliteTransaction transaction, int version, SqliteSchema.Backfill backfill,
        ILogger logger, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, backfill.Prepare, cancellationToken).ConfigureAwait(false);
        long last;
        await using (var bound = Command(connection, transaction, backfill.LastPosition))
            last = Convert.ToInt64(await bound.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L, CultureInfo.InvariantCulture);
        await using var step = Command(connection, transaction, backfill.Step);
        var (from, to) = (step.Parameters.Add("@from", SqliteType.Integer), step.Parameters.Add("@to", SqliteType.Integer));
        for (var done = 0L; done < last;)
        {
            (from.Value, to.Value) = (done, Math.Min(last, done + StepPositions));
            await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            done = (long)to.Value;
            logger.LogInformation("Migration {Version}: {Table} up to position {Done:N0} of {Last:N0} ({Percent:N0} %)",
                version, backfill.Table, done, last, 100.0 * done / last);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
