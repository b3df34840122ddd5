using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The tamper suite on each store: how someone with the file or the database changes it behind the silo's back.</summary>
public sealed class SqliteChainTamperTests : ChainTamperTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-tamper-").FullName;

    protected override string Witness => Path.Combine(_folder, "witness");

    protected override string AnchorsFolder => Path.Combine(_folder, "anchors");

    protected override string PrivateKeyFile => Path.Combine(_folder, "test-anchor-key", AnchorKeys.PrivateKeyFileName);

    protected override string[] StoreArguments => ["--data", _folder];

    protected override SiloFactory StartSilo() =>
        SiloFactory.Embedded(_folder, settings: new Dictionary<string, string?> { ["Anchors:Witnesses:0"] = Witness });

    /// <summary>Another silo of the cluster records the acknowledgement in the audit trail: this silo's banner goes too, its health stays Degraded.</summary>
    [Fact]
    public async Task An_acknowledgement_given_on_another_silo_hides_this_silos_banner()
    {
        var changed = PositionOf("A5");
        await TamperAsync($"UPDATE events SET data = replace(data, 'Tamper-A5', 'Tamper-X5') WHERE position = {changed}");
        await using var silo = StartSilo();
        using var client = silo.CreateClient();
        var guard = silo.Services.GetRequiredService<ChainGuard>();
        for (var waited = 0; guard.Alarm?.Position != changed; waited++)
        {
            Assert.True(waited < 600, $"no alarm at {changed}: {guard.Break}");
            await Task.Delay(100);
        }

        var admin = new ProvincialMonitor.Contracts.Actor("u-admin-elsewhere", "admin", [], []);
        await silo.Services.GetRequiredService<ProvincialMonitor.Silo.Api.AuditTrail>().AcknowledgedAsync(admin, changed, "acknowledged on the other silo");

        for (var waited = 0; guard.Alarm is not null; waited++)
        {
            Assert.True(waited < 300, "the acknowledgement in the audit trail did not reach the guard");
            await Task.Delay(100);
        }
        Assert.Equal(changed, guard.Break?.Position);
    }

    protected override string BlobLiteral(string hex) => $"X'{hex}'";

    protected override async Task TamperAsync(string sql)
    {
        // What someone with the file can do: drop the append-only triggers, then rewrite rows.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "events.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresChainTamperTests : ChainTamperTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-tamper-pg-").FullName;
    private readonly string _database = $"provmon_tamper_{Guid.NewGuid():N}";
    private bool _created;

    protected override SiloFactory StartSilo()
    {
        if (!_created)
        {
            SiloFactory.ExecuteOnServerAsync($"CREATE DATABASE {_database}").GetAwaiter().GetResult();
            AnchorFiles.CreateKeyPair(PrivateKeyFile, Path.Combine(_folder, AnchorKeys.PublicKeyFileName));
            _created = true;
        }
        return SiloFactory.OnPostgres(_database, new Dictionary<string, string?>
        {
            ["Anchors:Folder"] = AnchorsFolder,
            ["Anchors:PrivateKeyFile"] = PrivateKeyFile,
            ["Anchors:Witnesses:0"] = Witness,
        });
    }

    protected override string Witness => Path.Combine(_folder, "witness");

    protected override string AnchorsFolder => Path.Combine(_folder, "anchors");

    protected override string PrivateKeyFile => Path.Combine(_folder, "anchor-signing-key.pem");

    protected override string[] StoreArguments =>
        ["--connection", new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")) { Database = _database }.ConnectionString];

    protected override string BlobLiteral(string hex) => $"'\\x{hex}'::bytea";

    protected override async Task TamperAsync(string sql)
    {
        // What a database administrator can do: switch the append-only triggers off for the session.
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")) { Database = _database, Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SET session_replication_role = replica; " + sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_dba_rewrite_of_an_actor_with_every_later_hash_recomputed_is_found_between_the_anchors()
    {
        var changed = PositionOf("B4");
        await TamperAsync(Recompute(changed, e => e with { Tags = new EventTags("u-someone-else", e.Tags.Source, e.Tags.Provinces, e.Tags.Domain, e.Tags.Clusters, e.Tags.Campaign) }));

        var verified = await StartOnTamperedStoreAsync(null);

        AssertRange(verified, changed);
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_created) await SiloFactory.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        Directory.Delete(_folder, recursive: true);
    }
}
