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
        var repository = Repository();
        Environment.SetEnvironmentVariable("PROVMON_SILO_DLL", SiloDll(repository));
        var options = new ScenarioOptions
        {
            Repository = repository,
            Silos = 3,
            Load = TimeSpan.FromSeconds(15),
            PerSecond = 50,
            BasePort = FreeBasePort(basePort),
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

    /// <summary>
    /// The first base port from <paramref name="preferred"/> on (in steps of 10) whose silo ports are all free.
    /// The preferred ports lie below the kernel's ephemeral range (32768 and up), where no outgoing connection
    /// can take them between this check and the silos' start, or while a killed silo is down.
    /// </summary>
    private static int FreeBasePort(int preferred)
    {
        for (var basePort = preferred; basePort < preferred + 100; basePort += 10)
            if (Enumerable.Range(1, 3).SelectMany(i => new[] { basePort + i, basePort + 1000 + i, basePort + 2000 + i }).All(Free))
                return basePort;
        throw new InvalidOperationException($"no free silo ports from {preferred} to {preferred + 100}");

        static bool Free(int port)
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, port);
            try { listener.Start(); return true; }
            catch (System.Net.Sockets.SocketException) { return false; }
            finally { listener.Stop(); }
        }
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ProvincialMonitor.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>The silo built in the same configuration as these tests (bin/Debug or bin/Release).</summary>
    private static string SiloDll(string repository)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(repository, "silo", "ProvincialMonitor.Silo", "bin", configuration, "net10.0", "ProvincialMonitor.Silo.dll");
        Assert.True(File.Exists(dll), $"the silo is not built at {dll}");
        return dll;
    }
}
