using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ProvincialMonitor.Grains.Aggregates;

public static class GrainStorage
{
    /// <summary>
    /// Aggregate snapshots: memory in the embedded mode, ADO.NET on PostgreSQL in a cluster. Each grain class
    /// names its state <c>snapshot-{kind}</c>: Orleans' ADO.NET storage keys a row by the state's name and the
    /// grain's key without the grain type, so two kinds with the same key (a province and a campaign both
    /// called "limburg") would share one row under a common name.
    /// </summary>
    public const string Snapshots = "snapshots";

    /// <summary>
    /// Snapshots in memory, written with Orleans' own serializer: the default JSON one does not know the
    /// immutable collections of the states.
    /// </summary>
    /// <remarks>
    /// Memory does not outlive the silo, so an aggregate writes its snapshot only when it is deactivated (see
    /// <see cref="SnapshotSchedule.AtDeactivation"/>): one written every 100 events would be lost in the same crash
    /// as the activation it was for.
    /// </remarks>
    public static ISiloBuilder AddSnapshotsInMemory(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton(SnapshotSchedule.AtDeactivation);
        return silo.AddMemoryGrainStorage(Snapshots, options => options.Configure<Serializer>((o, serializer) =>
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
    }
}

/// <summary>
/// When an aggregate writes its snapshot: always when it is deactivated, and, where the storage outlives the silo,
/// every <see cref="Every"/> events too, so that an activation after a crash reads at most that many events after it.
/// A snapshot copies the whole history (state and facts), so its cost grows with the stream.
/// </summary>
public sealed record SnapshotSchedule(int? Every)
{
    /// <summary>Every 100 events and at deactivation (the default; the ADO.NET storage on PostgreSQL).</summary>
    public static readonly SnapshotSchedule Durable = new(100);

    /// <summary>Only at deactivation (storage in the silo's memory).</summary>
    public static readonly SnapshotSchedule AtDeactivation = new((int?)null);
}
