using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Audit;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// Verbs that open a store directly instead of asking a silo over HTTP (docs/operations.md "Backup and restore"):
/// <list type="bullet">
/// <item><c>verify --data DIR | --connection CS [--head POSITION:HASH | --manifest FILE] [--anchors DIR --public-key FILE]</c>:
/// checks the hash chain of the store, every signed anchor and the head a backup recorded, with the store's own
/// verification (<see cref="ReceiptVerification"/>); exit 0 only when all of it holds.</item>
/// <item><c>store-head --data DIR | --connection CS</c>: prints <c>head POSITION HASH</c>.</item>
/// <item><c>backup-sqlite --data DIR --out FILE</c>: SQLite's online backup of <c>DIR/events.db</c> into FILE, safe
/// while a silo writes (WAL readers do not block the writer), then prints the head of the copy.</item>
/// </list>
/// </summary>
public static class StoreCommands
{
    public static bool Handles(string verb, CliOptions options) =>
        verb is "store-head" or "backup-sqlite" || (verb == "verify" && (options.Get("data") is not null || options.Get("connection") is not null));

    public static async Task<int> RunAsync(string verb, CliOptions options, CancellationToken cancellationToken = default)
    {
        var data = options.Get("data");
        var connection = options.Get("connection");
        if ((data is null) == (connection is null)) return CliVerbs.Usage($"{verb} needs exactly one of --data DIR (SQLite) or --connection CS (PostgreSQL)");
        try
        {
            return verb switch
            {
                "backup-sqlite" => await BackupSqliteAsync(data, options.Get("out"), cancellationToken),
                "store-head" => await PrintHeadAsync(data, connection, cancellationToken),
                _ => await VerifyAsync(data, connection, options, cancellationToken),
            };
        }
        catch (ArgumentException ex)
        {
            return CliVerbs.Usage(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static async Task<RelationalEventStore> OpenAsync(string? data, string? connection, CancellationToken cancellationToken)
    {
        if (connection is not null) return await PostgresEventStore.OpenAsync(connection, cancellationToken: cancellationToken);
        var path = new StoreSettings(StoreKind.Sqlite, data!, null).SqlitePath;
        // Opening creates a missing file: refuse, so that a mistyped folder is not reported as an empty, intact store.
        if (!File.Exists(path)) throw new IOException($"There is no store at {Path.GetFullPath(path)}.");
        return await SqliteEventStore.OpenAsync(path, cancellationToken: cancellationToken);
    }

    private static async Task<int> PrintHeadAsync(string? data, string? connection, CancellationToken cancellationToken)
    {
        await using var store = await OpenAsync(data, connection, cancellationToken);
        var head = await store.GetHeadAsync(cancellationToken);
        Console.WriteLine($"head {head.Position.ToString(CultureInfo.InvariantCulture)} {head.Hash}");
        return 0;
    }

    private static async Task<int> BackupSqliteAsync(string? data, string? output, CancellationToken cancellationToken)
    {
        if (output is null) throw new ArgumentException("backup-sqlite needs --out FILE");
        var source = new StoreSettings(StoreKind.Sqlite, data!, null).SqlitePath;
        if (!File.Exists(source)) throw new IOException($"There is no store at {Path.GetFullPath(source)}.");
        if (File.Exists(output)) throw new IOException($"{output} exists already; a backup never overwrites a file.");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sourceConnection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(source), Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString();
        var targetConnection = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(output), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        await using (var from = new SqliteConnection(sourceConnection))
        await using (var to = new SqliteConnection(targetConnection))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            // One step over all pages, inside one read transaction of the source: a consistent snapshot.
            from.BackupDatabase(to);
            await using var single = to.CreateCommand();
            single.CommandText = "PRAGMA journal_mode = DELETE";
            await single.ExecuteNonQueryAsync(cancellationToken);
        }
        var copyFolder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        // Read the copy's head with the store itself (the copy is events.db-shaped; open it where it lies).
        await using (var copy = await SqliteEventStore.OpenAsync(output, cancellationToken: cancellationToken))
        {
            var head = await copy.GetHeadAsync(cancellationToken);
            Console.Error.WriteLine($"Copied {Path.GetFullPath(source)} to {copyFolder} in {watch.Elapsed.TotalSeconds:0.0} s.");
            Console.WriteLine($"head {head.Position.ToString(CultureInfo.InvariantCulture)} {head.Hash}");
        }
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<int> VerifyAsync(string? data, string? connection, CliOptions options, CancellationToken cancellationToken)
    {
        var receipts = new List<ChainHead>();
        ChainHead? recorded = null;
        if (options.Get("head") is { } headText) recorded = ParseHead(headText);
        if (options.Get("manifest") is { } manifest)
        {
            if (recorded is not null) throw new ArgumentException("give --head or --manifest, not both");
            recorded = ReadManifestHead(manifest);
        }
        if (recorded is not null) receipts.Add(recorded);

        // Anchors: given, or (for a data folder) the embedded silo's own folder and public key when they exist.
        var anchorsFolder = options.Get("anchors");
        var publicKeyFile = options.Get("public-key");
        if (data is not null && anchorsFolder is null && publicKeyFile is null)
        {
            var (folder, key) = (Path.Combine(data, "anchors"), Path.Combine(data, Anchoring.PublicKeyFileName));
            if (File.Exists(key)) (anchorsFolder, publicKeyFile) = (folder, key);
        }
        var witnesses = options.GetAll("witness");
        if ((anchorsFolder is null) != (publicKeyFile is null)) throw new ArgumentException("--anchors and --public-key go together");
        if (witnesses.Count > 0 && anchorsFolder is null) throw new ArgumentException("--witness needs --anchors and --public-key");
        var anchorCount = 0;
        if (anchorsFolder is not null)
        {
            var evidence = await AnchorArguments.ReadAsync(anchorsFolder, publicKeyFile!, witnesses, cancellationToken);
            if (evidence.Problems.Count > 0) return 1;
            anchorCount = evidence.Heads.Count;
            receipts.AddRange(evidence.Heads);
        }
        else
        {
            Console.WriteLine("No anchors checked (no --anchors/--public-key, and no anchor public key in the data folder).");
        }

        await using var store = await OpenAsync(data, connection, cancellationToken);
        var head = await store.GetHeadAsync(cancellationToken);
        Console.WriteLine($"Verifying {(data is not null ? Path.GetFullPath(data) : "the PostgreSQL store")} up to position {head.Position:N0}…");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await store.VerifyAgainstAsync(1, null, receipts, cancellationToken: cancellationToken);
        if (!result.Intact)
        {
            Console.WriteLine($"NOT VERIFIED: {result.Break} at position {result.BreakPosition}: {result.Detail}");
            return 1;
        }
        if (recorded is not null)
            Console.WriteLine($"The head recorded at backup time ({recorded.Position}:{recorded.Hash}) is in the store; the store's head is {head.Position}:{head.Hash}.");
        Console.WriteLine($"Verified: the chain of {result.VerifiedUpTo:N0} events is intact, with {anchorCount} anchor(s) and {(recorded is null ? "no" : "the")} recorded head ({watch.Elapsed.TotalSeconds:0.0} s).");
        return 0;
    }

    private static ChainHead ParseHead(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position) || parts[1].Length != 64)
            throw new ArgumentException("--head must be POSITION:HASH (e.g. 1234:9f86d0…)");
        return new ChainHead(position, parts[1]);
    }

    /// <summary>The head in a backup's manifest.json (written by ops/backup.sh).</summary>
    private static ChainHead ReadManifestHead(string path)
    {
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(path));
            var head = manifest.RootElement.GetProperty("head");
            var hash = head.GetProperty("hash").GetString() ?? "";
            return ParseHead($"{head.GetProperty("position").GetInt64().ToString(CultureInfo.InvariantCulture)}:{hash}");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"--manifest {path}: no head in it ({ex.Message})");
        }
    }
}
