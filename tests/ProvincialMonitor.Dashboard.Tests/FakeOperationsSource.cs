using ProvincialMonitor.Dashboard.Operations;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Projections at the head of a 1,200-event log; a started rebuild shows the new ones at 300 until <see cref="FinishRebuild"/>.</summary>
internal sealed class FakeOperationsSource : IOperationsSource
{
    private bool _building;

    public int RebuildsStarted { get; private set; }

    public void FinishRebuild() => _building = false;

    public Task<IReadOnlyList<ProjectionProgress>> ProjectionsAsync(CancellationToken cancellationToken = default)
    {
        List<ProjectionProgress> list = [new("indicators", 1200, 1200, false), new("campaigns", 1200, 1200, false)];
        if (_building) list.AddRange([new("indicators.next", 300, 1200, true), new("campaigns.next", 300, 1200, true)]);
        return Task.FromResult<IReadOnlyList<ProjectionProgress>>(list);
    }

    public Task StartRebuildAsync(CancellationToken cancellationToken = default)
    {
        RebuildsStarted++;
        _building = true;
        return Task.CompletedTask;
    }

    public Task<ClusterOverview> ClusterAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new ClusterOverview(
            [new SiloMember("127.0.0.1:11111", "Silo_a", "Active", new DateTime(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc)),
             new SiloMember("127.0.0.1:11112", "Silo_b", "Dead", new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc))],
            "127.0.0.1:11111"));
}
