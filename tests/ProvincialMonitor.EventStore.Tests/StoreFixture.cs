using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Npgsql;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// A store written by an earlier commit (Fixtures/store-&lt;commit&gt;, made by ops/fixtures/make-store-fixture.sh): its
/// SQLite data folder, its backup, its PostgreSQL dump, the receipts kept outside the stores and the answers expected.
/// </summary>
public sealed class StoreFixture(string folder)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Folder { get; } = folder;

    public string Name => Path.GetFileName(Folder);

    public string ExpectedFile => Path.Combine(Folder, "expected.json");

    public static string FixturesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln")))
                    return Path.Combine(dir.FullName, "tests", "ProvincialMonitor.EventStore.Tests", "Fixtures");
            throw new InvalidOperationException("no ProvincialMonitor.sln above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every fixture, by folder name.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetDirectories(FixturesFolder, "store-*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static StoreFixture Named(string name) => new(Path.Combine(FixturesFolder, name));

    /// <summary>The head a backend's store had when the fixture was written (receipts.json: "sqlite" or "postgres").</summary>
    public ChainHead Receipt(string backend)
    {
        var head = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "receipts.json")))![backend]!;
        return new ChainHead(head["position"]!.GetValue<long>(), head["hash"]!.GetValue<string>());
    }

    /// <summary>The heads the signed anchors in an anchor folder vouch for (an anchor that records a break vouches for none).</summary>
    public static IReadOnlyList<ChainHead> AnchorHeads(string anchorsFolder) =>
        [.. Directory.GetFiles(anchorsFolder, "anchors-*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(line => line.Length > 0).Select(line => JsonNode.Parse(line)!)
            .Where(anchor => anchor["brokenAt"] is null)
            .Select(anchor => new ChainHead(anchor["position"]!.GetValue<long>(), anchor["hash"]!.GetValue<string>()))];

    /// <summary>The head a backup's manifest.json recorded.</summary>
    public static ChainHead ManifestHead(string backupFolder)
    {
        var head = JsonNode.Parse(File.ReadAllText(Path.Combine(backupFolder, "manifest.json")))!["head"]!;
        return new ChainHead(head["position"]!.GetValue<long>(), head["hash"]!.GetValue<string>());
    }

    /// <summary>The files whose SHA-256 differs from the backup's SHA256SUMS (none when the backup is whole).</summary>
    public static IReadOnlyList<string> DamagedFiles(string backupFolder) =>
        [.. File.ReadAllLines(Path.Combine(backupFolder, "SHA256SUMS")).Where(line => line.Length > 0)
            .Select(line => (Sum: line[..64], File: line[66..]))
            .Where(entry => !string.Equals(entry.Sum,
                Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(backupFolder, entry.File)))), StringComparison.Ordinal))
            .Select(entry => entry.File)];

    /// <summary>
    /// Runs pg_dump's plain SQL on a database: the statements as one batch, and each COPY's rows through Npgsql's
    /// COPY; psql's own commands (lines starting with a backslash) are not SQL and are left out.
    /// </summary>
    public async Task RestorePostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var statements = new StringBuilder();
        using var dump = new StreamReader(Path.Combine(Folder, "postgres.sql"), Encoding.UTF8);
        while (await dump.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("COPY ", StringComparison.Ordinal) && line.EndsWith("FROM stdin;", StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, statements);
                await using var copy = await connection.BeginTextImportAsync(line[..^";".Length]);
                while (await dump.ReadLineAsync() is { } row && row != "\\.") await copy.WriteLineAsync(row);
            }
            else if (!line.StartsWith('\\'))
            {
                statements.AppendLine(line);
            }
        }
        await ExecuteAsync(connection, statements);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, StringBuilder statements)
    {
        if (statements.ToString().Trim().Length > 0)
        {
            await using var command = new NpgsqlCommand(statements.ToString(), connection);
            await command.ExecuteNonQueryAsync();
        }
        statements.Clear();
    }

    /// <summary>The fixture's copy of a folder, in a fresh temporary folder: a test never opens the committed files themselves.</summary>
    public static string CopyFolder(string source)
    {
        var target = Directory.CreateTempSubdirectory("provmon-fixture-").FullName;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    /// <summary>Positions as runs, in the order given: 1-5,9,12-40 (40-12 backwards).</summary>
    public static string Runs(IReadOnlyList<long> positions)
    {
        var runs = new List<string>();
        for (var i = 0; i < positions.Count;)
        {
            var step = i + 1 < positions.Count && Math.Abs(positions[i + 1] - positions[i]) == 1 ? positions[i + 1] - positions[i] : 0;
            var j = i;
            while (step != 0 && j + 1 < positions.Count && positions[j + 1] - positions[j] == step) j++;
            runs.Add(i == j ? Invariant(positions[i]) : $"{Invariant(positions[i])}-{Invariant(positions[j])}");
            i = j + 1;
        }
        return string.Join(',', runs);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
