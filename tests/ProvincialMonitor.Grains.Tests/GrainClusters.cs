using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.TestingHost;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>Real Orleans silos in process (TestingHost) over a real event store shared by all of them.</summary>
public abstract class GrainCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public RelationalEventStore Store { get; private set; } = null!;
    public CommandDispatcher Dispatcher { get; private set; } = null!;

    protected abstract int Silos { get; }
    protected abstract Task<RelationalEventStore> OpenStoreAsync();

    /// <summary>The monitor's clock, which tells the grains "now" and "today" (Orleans keeps the system's).</summary>
    protected virtual MonitorClock Clock => MonitorClock.System;

    public async Task InitializeAsync()
    {
        Store = await OpenStoreAsync();
        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSilo((_, silo) => silo
            .AddSnapshotsInMemory()
            .ConfigureServices(services => services.AddWireRecords().AddSingleton<IEventStore>(Store).AddSingleton(Store.Projections).AddSingleton(Clock)));
        builder.ConfigureClient(client => client.Services.AddWireRecords());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Dispatcher = new CommandDispatcher(Cluster.Client, Clock, NullLogger<CommandDispatcher>.Instance);
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Store.DisposeAsync();
    }
}

/// <summary>The embedded mode: one silo on a SQLite file.</summary>
public class SqliteCluster : GrainCluster
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-grains-").FullName;

    protected override int Silos => 1;

    protected override async Task<RelationalEventStore> OpenStoreAsync() =>
        await SqliteEventStore.OpenAsync(Path.Combine(_folder, "events.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Two silos on PostgreSQL, reached through a proxy that a test can cut to stop the database.</summary>
public sealed class PostgresCluster : GrainCluster
{
    private readonly string _database = $"provmon_grains_{Guid.NewGuid():N}";

    public TcpProxy Proxy { get; private set; } = null!;

    protected override int Silos => 2;

    private static string Server => Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh.");

    protected override async Task<RelationalEventStore> OpenStoreAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {_database}");
        var server = new NpgsqlConnectionStringBuilder(Server);
        Proxy = TcpProxy.Start(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(Server)
        {
            Database = _database, Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3, CommandTimeout = 5,
        };
        return await PostgresEventStore.OpenAsync(viaProxy.ConnectionString, new EventStoreOptions(), NullLogger.Instance);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Proxy.Dispose();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
