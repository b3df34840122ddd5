using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ProvincialMonitor.Grains.Aggregates;

public static class GrainStorage
{
    /// <summary>Aggregate snapshots: memory in the embedded mode, ADO.NET on PostgreSQL in a cluster.</summary>
    public const string Snapshots = "snapshots";

    /// <summary>
    /// Snapshots in memory, written with Orleans' own serializer: the default JSON one does not know the
    /// immutable collections of the states.
    /// </summary>
    public static ISiloBuilder AddSnapshotsInMemory(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(Snapshots, options => options.Configure<Serializer>((o, serializer) =>
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
}
