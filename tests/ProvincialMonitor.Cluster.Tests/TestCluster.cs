namespace ProvincialMonitor.Cluster.Tests;

/// <summary>Where the repository and the silo build are, and free ports for a cluster of real silo processes.</summary>
internal static class TestCluster
{
    /// <summary>The repository's root; sets PROVMON_SILO_DLL to the silo built in the tests' configuration, which ops/cluster starts.</summary>
    public static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) continue;
            Environment.SetEnvironmentVariable("PROVMON_SILO_DLL", SiloDll(dir.FullName));
            return dir.FullName;
        }
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

    /// <summary>
    /// The first base port from <paramref name="preferred"/> on (in steps of 10) whose ports for <paramref name="silos"/>
    /// silos are all free. The preferred ports lie below the kernel's ephemeral range (32768 and up), where no outgoing
    /// connection can take them between this check and the silos' start, or while a killed silo is down.
    /// </summary>
    public static int FreeBasePort(int preferred, int silos)
    {
        for (var basePort = preferred; basePort < preferred + 100; basePort += 10)
            if (Enumerable.Range(1, silos).SelectMany(i => new[] { basePort + i, basePort + 1000 + i, basePort + 2000 + i }).All(Free))
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
}
