using ProvincialMonitor.Dashboard.Operations;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The admin page's view of the projections and the cluster, the same as <c>/api/admin/projections</c> and <c>/api/admin/cluster</c>.</summary>
public sealed class OperationsSource(IGrainFactory grains, EventStoreConnector store) : IOperationsSource
{
    public async Task<IReadOnlyList<ProjectionProgress>> ProjectionsAsync(CancellationToken cancellationToken = default) =>
        [.. (await AdminApi.ProjectionStatusesAsync(store)).Select(s => new ProjectionProgress(s.Name, s.Checkpoint, s.Head, s.Role == "building"))];

    public Task StartRebuildAsync(CancellationToken cancellationToken = default) => AdminApi.StartRebuildAsync(grains, store);

    public Task<ClusterOverview> ClusterAsync(CancellationToken cancellationToken = default) => AdminApi.ClusterOverviewAsync(grains);
}
