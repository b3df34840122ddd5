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
    public static ISiloBuilder AddSnapshotsInMemory(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(Snapshots, options => options.Configure<Serializer>((o, serializer) =>
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
}
