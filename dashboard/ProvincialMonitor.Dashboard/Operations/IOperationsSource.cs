namespace ProvincialMonitor.Dashboard.Operations;

/// <summary>A projection's progress: its checkpoint against the head of the log; <see cref="Building"/> for one rebuilt beside the serving one.</summary>
public sealed record ProjectionProgress(string Name, long Checkpoint, long Head, bool Building)
{
    public double Percent => Head == 0 ? 100 : Math.Min(100, Checkpoint * 100.0 / Head);
}

/// <summary>One silo as the cluster's membership knows it (the latest incarnations first).</summary>
public sealed record SiloMember(string Address, string Name, string Status, DateTime StartedAt);

/// <summary>The cluster's silos and the silo the projector runs on.</summary>
public sealed record ClusterOverview(IReadOnlyList<SiloMember> Silos, string ProjectorHost);

/// <summary>What the admin page (<c>/beheer</c>) shows and starts; the silo implements it in-process, as <c>/api/admin</c> does.</summary>
public interface IOperationsSource
{
    Task<IReadOnlyList<ProjectionProgress>> ProjectionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts building the projections beside the serving ones (nothing when a rebuild runs already).</summary>
    Task StartRebuildAsync(CancellationToken cancellationToken = default);

    Task<ClusterOverview> ClusterAsync(CancellationToken cancellationToken = default);
}
