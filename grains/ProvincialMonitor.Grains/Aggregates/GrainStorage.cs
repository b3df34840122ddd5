namespace ProvincialMonitor.Grains.Aggregates;

public static class GrainStorage
{
    /// <summary>Aggregate snapshots: memory in the embedded mode, ADO.NET on PostgreSQL in a cluster.</summary>
    public const string Snapshots = "snapshots";
}
