using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// ops/backup.sh and ops/restore.sh run as an operator runs them (bash, the silo binary's offline verbs, pg_dump):
/// backup, wipe, restore, verify, on both stores; and a tampered copy or manifest fails the verification.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_of_sqlite_taken_while_the_silo_writes_restores_with_nothing_lost_and_a_tampered_copy_fails()
    {
        var root = Directory.CreateTempSubdirectory("provmon-backup-").FullName;
        var data = Path.Combine(root, "data");
        var backup = Path.Combine(root, "backups", "2026-11-29");
        try
        {
            ChainHead recorded;
            List<string> originalHashes;
            int writtenBefore, writtenAfter;
            // The signing key outside the data folder, as the silo keeps it.
            var keyFile = Path.Combine(root, "config", AnchorKeys.PrivateKeyFileName);
            AnchorFiles.CreateKeyPair(keyFile, Path.Combine(root, "config", AnchorKeys.PublicKeyFileName));
            await using (var silo = SiloFactory.Embedded(data, demo: true, settings: new Dictionary<string, string?> { ["Anchors:PrivateKeyFile"] = keyFile }))
            {
                using var client = silo.CreateClient();
                // A copy left in the data folder (as a store from before had its key there) is not backed up either.
                File.Copy(keyFile, Path.Combine(data, AnchorKeys.PrivateKeyFileName));
                using var stop = new CancellationTokenSource();
                var written = 0;
                var writer = Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var response = await client.PostJsonAsync("/api/clusters/vil/members", $$"""{"member":"Backup-{{i:D5}}"}""");
                        response.EnsureSuccessStatusCode();
                        Interlocked.Increment(ref written);
                    }
                });
                while (Volatile.Read(ref written) < 5) await Task.Delay(20);
                writtenBefore = Volatile.Read(ref written);
                var result = await Scripts.RunAsync("backup.sh", "--data", data, "--out", backup);
                writtenAfter = Volatile.Read(ref written);
                await stop.CancelAsync();
                await writer;
                Assert.True(result.Exit == 0, result.ToString());

                recorded = ReadManifestHead(backup);
                originalHashes = await HashesAsync(silo.Store, recorded.Position);
                Assert.Equal(recorded.Hash, originalHashes[^1]);
                Assert.Empty(Directory.GetFiles(backup, AnchorKeys.PrivateKeyFileName, SearchOption.AllDirectories));
                Assert.True(File.Exists(Path.Combine(backup, AnchorKeys.PublicKeyFileName)), "the anchors' public key is in the backup");
                Assert.True(Directory.Exists(Path.Combine(backup, "anchors")), "the anchors are in the backup");
            }
            Assert.True(writtenAfter > writtenBefore, $"the silo wrote during the backup ({writtenBefore} then {writtenAfter} commands)");

            // Wipe, restore, and compare.
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
            var restore = await Scripts.RunAsync("restore.sh", "--from", backup, "--data", data);
            Assert.True(restore.Exit == 0, restore.ToString());
            Assert.Contains("Verified", restore.Out, StringComparison.Ordinal);
            Assert.Matches("[1-9][0-9]* anchor\\(s\\) with valid signatures in ", restore.Out);
            await using (var restored = await SqliteEventStore.OpenAsync(Path.Combine(data, "events.db")))
            {
                Assert.Equal(recorded, await restored.GetHeadAsync());
                Assert.Equal(originalHashes, await HashesAsync(restored, long.MaxValue));
            }
            SqliteConnection.ClearAllPools();

            var again = await Scripts.RunAsync("restore.sh", "--from", backup, "--data", data);
            Assert.True(again.Exit == 2, again.ToString());
            Assert.Contains("not empty", again.Error, StringComparison.Ordinal);

            // One byte of one stored event changed in the restored copy: the offline verify fails.
            await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "events.db")};Pooling=False"))
            {
                await db.OpenAsync();
                await using var tamper = db.CreateCommand();
                // A tamperer with the file bypasses the append-only triggers.
                tamper.CommandText = "DROP TRIGGER events_no_update; UPDATE events SET data = replace(data, 'Backup-', 'Backuq-') WHERE position = (SELECT min(position) FROM events WHERE data LIKE '%Backup-%')";
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            }
            var verify = await Scripts.RunSiloAsync("verify", "--data", data);
            Assert.True(verify.Exit == 1, verify.ToString());
            Assert.Contains("NOT VERIFIED", verify.Out, StringComparison.Ordinal);

            // A manifest whose head was altered (and its checksums made to match): the restore fails loudly.
            var forged = Path.Combine(root, "forged");
            CopyFolder(backup, forged);
            ForgeManifestHead(forged, recorded);
            var forgedRestore = await Scripts.RunAsync("restore.sh", "--from", forged, "--data", Path.Combine(root, "other"));
            Assert.True(forgedRestore.Exit == 1, forgedRestore.ToString());
            Assert.Contains("DID NOT VERIFY", forgedRestore.Error, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_of_postgres_restores_into_a_new_database_with_nothing_lost_and_a_tampered_copy_fails()
    {
        var server = Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh.");
        var root = Directory.CreateTempSubdirectory("provmon-pgbackup-").FullName;
        var backup = Path.Combine(root, "backup");
        var target = $"provmon_restore_{Guid.NewGuid():N}";
        var targetConnection = new NpgsqlConnectionStringBuilder(server) { Database = target }.ConnectionString;
        try
        {
            ChainHead recorded;
            List<string> originalHashes;
            await using (var silo = await SiloFactory.OnPostgresAsync())
            {
                using var client = silo.CreateClient();
                for (var i = 0; i < 20; i++)
                    (await client.PostJsonAsync("/api/clusters/vil/members", $$"""{"member":"Backup-{{i:D5}}"}""")).EnsureSuccessStatusCode();
                var source = new NpgsqlConnectionStringBuilder(server) { Database = silo.Database }.ConnectionString;
                // The cluster's anchor folder and the auditors' public key, as an operator passes them.
                var (anchors, publicKey) = (Path.Combine(root, "anchors"), Path.Combine(root, "anchor-public-key.pem"));
                AnchorFiles.CreateKeyPair(Path.Combine(root, "anchor-signing-key.pem"), publicKey);
                using (var key = AnchorFiles.LoadKey(Path.Combine(root, "anchor-signing-key.pem")))
                {
                    var anchored = await silo.Store.GetHeadAsync();
                    await AnchorFiles.AppendAsync(anchors, AnchorFiles.Sign(key, anchored.Position, anchored.Hash, null, MonitorClock.System.Now));
                }
                var result = await Scripts.RunAsync("backup.sh", "--connection", source, "--out", backup, "--anchors", anchors, "--public-key", publicKey);
                Assert.True(result.Exit == 0, result.ToString());
                recorded = ReadManifestHead(backup);
                Assert.Equal(await silo.Store.GetHeadAsync(), recorded);
                originalHashes = await HashesAsync(silo.Store, recorded.Position);
            } // the silo's database is dropped here: wiped

            await SiloFactory.ExecuteOnServerAsync($"CREATE DATABASE {target}");
            var restore = await Scripts.RunAsync("restore.sh", "--from", backup, "--connection", targetConnection);
            Assert.True(restore.Exit == 0, restore.ToString());
            Assert.Contains("Verified", restore.Out, StringComparison.Ordinal);
            Assert.Contains("1 anchor(s)", restore.Out, StringComparison.Ordinal);
            await using (var restored = await PostgresEventStore.OpenAsync(targetConnection))
            {
                Assert.Equal(recorded, await restored.GetHeadAsync());
                Assert.Equal(originalHashes, await HashesAsync(restored, long.MaxValue));
            }

            var again = await Scripts.RunAsync("restore.sh", "--from", backup, "--connection", targetConnection);
            Assert.True(again.Exit == 2, again.ToString());
            var forced = await Scripts.RunAsync("restore.sh", "--from", backup, "--connection", targetConnection, "--force");
            Assert.True(forced.Exit == 0, forced.ToString());

            await using (var db = new NpgsqlConnection(targetConnection))
            {
                await db.OpenAsync();
                await using var tamper = new NpgsqlCommand("SET session_replication_role = replica; UPDATE events SET data = replace(data, 'Backup-', 'Backuq-') WHERE position = (SELECT min(position) FROM events WHERE data LIKE '%Backup-%')", db);
                Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
            }
            var verify = await Scripts.RunSiloAsync("verify", "--connection", targetConnection);
            Assert.True(verify.Exit == 1, verify.ToString());
            Assert.Contains("NOT VERIFIED", verify.Out, StringComparison.Ordinal);

            var forged = Path.Combine(root, "forged");
            CopyFolder(backup, forged);
            ForgeManifestHead(forged, recorded);
            var forgedRestore = await Scripts.RunAsync("restore.sh", "--from", forged, "--connection", targetConnection, "--force");
            Assert.True(forgedRestore.Exit == 1, forgedRestore.ToString());
            Assert.Contains("DID NOT VERIFY", forgedRestore.Error, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await SiloFactory.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {target} WITH (FORCE)");
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_keep_prunes_the_oldest_backups_and_restore_force_replaces_a_store()
    {
        var root = Directory.CreateTempSubdirectory("provmon-keep-").FullName;
        var data = Path.Combine(root, "data");
        try
        {
            await using (var store = await SqliteEventStore.OpenAsync(Path.Combine(data, "events.db")))
            {
                for (var i = 0; i < 3; i++)
                    await store.AppendAsync($"test-{i}", ExpectedVersion.NoStream,
                        [new EventToAppend("TestHappened", $$"""{"n":{{i}}}""", "{}", new DateOnly(2026, 11, 29), new EventTags("actor-1", "test"))]);
            }
            SqliteConnection.ClearAllPools();
            foreach (var day in (string[])["2026-11-27", "2026-11-28", "2026-11-29"])
            {
                var result = await Scripts.RunAsync("backup.sh", "--data", data, "--out", Path.Combine(root, "daily", day), "--keep", "2");
                Assert.True(result.Exit == 0, result.ToString());
            }
            Assert.Equal(["2026-11-28", "2026-11-29"], Directory.GetDirectories(Path.Combine(root, "daily")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var usage = await Scripts.RunAsync("backup.sh", "--out", Path.Combine(root, "x"));
            Assert.True(usage.Exit == 2, usage.ToString());
            var notEmpty = await Scripts.RunAsync("backup.sh", "--data", data, "--out", Path.Combine(root, "daily", "2026-11-29"));
            Assert.True(notEmpty.Exit == 2, notEmpty.ToString());

            var forced = await Scripts.RunAsync("restore.sh", "--from", Path.Combine(root, "daily", "2026-11-28"), "--data", data, "--force");
            Assert.True(forced.Exit == 0, forced.ToString());
            Assert.Contains("Verified: the chain of 3 events is intact", forced.Out, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<string>> HashesAsync(IEventStore store, long upTo)
    {
        var hashes = new List<string>();
        await foreach (var e in store.ReadAllAsync(1, upTo == long.MaxValue ? null : upTo)) hashes.Add(e.Hash);
        return hashes;
    }

    private static ChainHead ReadManifestHead(string backup)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(backup, "manifest.json")));
        var head = manifest.RootElement.GetProperty("head");
        return new ChainHead(head.GetProperty("position").GetInt64(), head.GetProperty("hash").GetString()!);
    }

    /// <summary>Changes one hex digit of the recorded head's hash and rewrites SHA256SUMS to match, as a forger would.</summary>
    private static void ForgeManifestHead(string backup, ChainHead recorded)
    {
        var path = Path.Combine(backup, "manifest.json");
        var forgedHash = (recorded.Hash[0] == '0' ? "1" : "0") + recorded.Hash[1..];
        File.WriteAllText(path, File.ReadAllText(path).Replace(recorded.Hash, forgedHash, StringComparison.Ordinal));
        var sums = Path.Combine(backup, "SHA256SUMS");
        var lines = File.ReadAllLines(sums).Select(line =>
        {
            var name = line[66..];
            return name == "manifest.json" ? $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}  {name}" : line;
        });
        File.WriteAllLines(sums, lines);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}

/// <summary>Runs the ops scripts and the silo binary as processes, with PROVMON_SILO pointing at the silo this build made.</summary>
internal static class Scripts
{
    public sealed record Result(int Exit, string Out, string Error)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Error}");
    }

    public static string Repo { get; } = FindRepo();

    /// <summary>The silo's own build output of the configuration these tests were built in.</summary>
    public static string SiloCommand
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var dll = Path.Combine(Repo, "silo", "ProvincialMonitor.Silo", "bin", configuration, "net10.0", "ProvincialMonitor.Silo.dll");
            return File.Exists(dll) ? $"dotnet {dll}" : throw new FileNotFoundException("The silo is not built", dll);
        }
    }

    public static Task<Result> RunAsync(string script, params string[] args) =>
        RunProcessAsync("bash", [Path.Combine(Repo, "ops", script), .. args]);

    public static Task<Result> RunSiloAsync(params string[] args)
    {
        var parts = SiloCommand.Split(' ', 2);
        return RunProcessAsync(parts[0], [parts[1], .. args]);
    }

    private static async Task<Result> RunProcessAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PROVMON_SILO"] = SiloCommand;
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A silo started here without Anchors:PrivateKeyFile makes its key in this folder, not in the real home.
        var config = Directory.CreateTempSubdirectory("provmon-config-").FullName;
        start.Environment["XDG_CONFIG_HOME"] = config;
        try
        {
            return await RunAsync(start, file, args);
        }
        finally
        {
            Directory.Delete(config, recursive: true);
        }
    }

    private static async Task<Result> RunAsync(ProcessStartInfo start, string file, string[] args)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not end within 5 minutes");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (ProvincialMonitor.sln) is not above " + AppContext.BaseDirectory);
    }
}
