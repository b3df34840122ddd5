using System.Net;
using System.Reflection;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Silo.Hosting;

public enum MembershipKind { Localhost, Postgres }

/// <summary>
/// How this silo finds the others. <c>Cluster:Mode</c> is <c>Localhost</c> (one silo, the embedded mode) or
/// <c>Postgres</c> (any number of silos sharing membership, aggregate snapshots and reminders through
/// Orleans' ADO.NET providers); <c>Cluster:AdvertisedAddress</c>, <c>Cluster:PoolSize</c>,
/// <c>Cluster:Membership:*</c> (Orleans' ClusterMembershipOptions); <c>Orleans:ClusterId</c>,
/// <c>Orleans:ServiceId</c>, <c>Orleans:SiloPort</c>, <c>Orleans:GatewayPort</c>; <c>ConnectionStrings:Orleans</c>
/// (default: the event store's database with a pool of <c>Cluster:PoolSize</c> connections). The section
/// <c>Orleans:Clustering</c> is left to Orleans, which reads its own provider settings there.
/// </summary>
public sealed record ClusterSettings(
    MembershipKind Membership, string ClusterId, string ServiceId, int SiloPort, int GatewayPort,
    IPAddress? AdvertisedAddress, string? ConnectionString, bool Kubernetes = false)
{
    public const int DefaultPoolSize = 8;

    public static ClusterSettings From(IConfiguration configuration, StoreSettings store)
    {
        var section = configuration.GetSection("Orleans");
        var cluster = configuration.GetSection("Cluster");
        var kindText = cluster["Mode"] ?? nameof(MembershipKind.Localhost);
        if (!Enum.TryParse<MembershipKind>(kindText, ignoreCase: true, out var kind))
            throw new ConfigurationException($"Cluster:Mode must be 'Localhost' or 'Postgres', not '{kindText}'.");
        if (kind == MembershipKind.Postgres && store.Kind != StoreKind.Postgres)
            throw new ConfigurationException("Cluster:Mode=Postgres needs Store=Postgres: a cluster shares one PostgreSQL store; SQLite is the single-silo mode.");
        IPAddress? advertised = null;
        var advertisedText = cluster["AdvertisedAddress"];
        if (!string.IsNullOrWhiteSpace(advertisedText) && !IPAddress.TryParse(advertisedText, out advertised))
            throw new ConfigurationException($"Cluster:AdvertisedAddress must be an IP address, not '{advertisedText}'.");
        string? connectionString = null;
        if (kind == MembershipKind.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Orleans") ?? store.ConnectionString);
            if (configuration.GetConnectionString("Orleans") is null) builder.MaxPoolSize = cluster.GetValue("PoolSize", DefaultPoolSize);
            // The schema keeps UTC in `timestamp` columns (ops/postgres/orleans.sql says why).
            builder.Timezone = "UTC";
            connectionString = builder.ConnectionString;
        }
        var kubernetes = cluster.GetValue("Kubernetes", false);
        if (kubernetes && kind != MembershipKind.Postgres)
            throw new ConfigurationException("Cluster:Kubernetes=true needs Cluster:Mode=Postgres: Orleans' Kubernetes hosting does not keep the membership.");
        if (kubernetes && advertised is null && IPAddress.TryParse(Environment.GetEnvironmentVariable("POD_IP"), out var podIp)) advertised = podIp;
        return new ClusterSettings(kind,
            section["ClusterId"] ?? "provincialmonitor",
            section["ServiceId"] ?? "provincialmonitor",
            section.GetValue("SiloPort", 11111),
            section.GetValue("GatewayPort", 30000),
            advertised,
            connectionString,
            kubernetes);
    }
}

public static class Clustering
{
    private const string Invariant = "Npgsql";

    /// <summary>Localhost clustering with memory snapshots and reminders, or the ADO.NET providers on PostgreSQL.</summary>
    public static void Configure(ISiloBuilder silo, ClusterSettings settings, IConfiguration configuration)
    {
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
        silo.Services.AddWireRecords();
        if (settings.Membership == MembershipKind.Localhost)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId)
                .UseInMemoryReminderService()
                .AddSnapshotsInMemory();
            return;
        }

        silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            })
            .ConfigureEndpoints(settings.AdvertisedAddress ?? IPAddress.Loopback, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true)
            .UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = settings.ConnectionString;
            })
            .UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = settings.ConnectionString;
            })
            .AddAdoNetGrainStorage(GrainStorage.Snapshots, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = settings.ConnectionString;
            });
        // In a pod: the silo is named after the pod, advertises the pod's IP, takes its ids from the pod's labels
        // (ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID) and has silos whose pod is gone declared dead at once.
        if (settings.Kubernetes) silo.UseKubernetesHosting();
        // The states hold immutable collections that only Orleans' own serializer knows.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(GrainStorage.Snapshots)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
    }

    /// <summary>The schema the ADO.NET providers read their queries from: ops/postgres/orleans.sql, embedded in the silo.</summary>
    public static string SchemaScript()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ProvincialMonitor.Silo.orleans.sql")
            ?? throw new InvalidOperationException("The embedded schema script orleans.sql is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Applies the script, one silo at a time (an advisory lock), before Orleans starts.</summary>
    public static async Task ApplySchemaAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLock})", connection))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(SchemaScript(), connection, transaction))
                await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Orleans schema applied (clustering, snapshots, reminders, data protection keys)");
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLock})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Distinct from the event store's advisory locks (EventStore/Postgres/PostgresSchema.cs).</summary>
    private const long SchemaLock = 0x4F524C45414E53; // "ORLEANS"
}

/// <summary>Applies ops/postgres/orleans.sql before Orleans' hosted service starts (it is registered first).</summary>
internal sealed class OrleansSchema(ClusterSettings settings, ILogger<OrleansSchema> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Membership != MembershipKind.Postgres) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Clustering.ApplySchemaAsync(settings.ConnectionString!, logger, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < 10)
            {
                logger.LogWarning(ex, "PostgreSQL is not reachable to apply the Orleans schema (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
