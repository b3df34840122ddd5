using ProvincialMonitor.Faults;
using Xunit.Abstractions;

namespace ProvincialMonitor.Cluster.Tests;

/// <summary>
/// The fault scenarios of ops/faults in a reduced form (3 silos, 15 seconds of load at 50 actions/s), each on
/// its own cluster of real silo processes and a throwaway PostgreSQL, started by ops/cluster/start.sh. A
/// scenario passes when nothing acknowledged was lost, nothing was stored twice, every silo's figures equal
/// the totals recomputed from the store, and the dashboards of the silos that stayed up kept updating.
/// </summary>
[Collection(nameof(FaultScenarioTests))]
public sealed class FaultScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public Task A_silo_killed_with_SIGKILL_under_load_loses_and_doubles_nothing_and_rejoins() => RunAsync("kill-silo", 12100);

    [Fact]
    public Task PostgreSQL_stopped_for_10_seconds_gives_503_with_Retry_After_and_the_silos_recover_by_themselves() => RunAsync("stop-postgres", 12200);

    [Fact]
    public Task When_the_projector_host_dies_the_projections_resume_elsewhere_without_counting_twice() => RunAsync("kill-projector-host", 12300);

    [Fact]
    public Task A_partitioned_silo_is_declared_dead_stops_itself_and_rejoins_when_restarted() => RunAsync("partition", 12400);

    private async Task RunAsync(string scenario, int basePort)
    {
        var repository = TestCluster.Repository();
        var options = new ScenarioOptions
        {
            Repository = repository,
            Silos = 3,
            Load = TimeSpan.FromSeconds(15),
            PerSecond = 50,
            BasePort = TestCluster.FreeBasePort(basePort, 3),
            Directory = Path.Combine(Path.GetTempPath(), $"provmon-test-{scenario}-{Guid.NewGuid():N}"),
            Log = line => output.WriteLine(line),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var report = await Scenarios.RunAsync(scenario, options, timeout.Token);
        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        try { Directory.Delete(options.Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
