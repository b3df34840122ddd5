using System.Diagnostics;
using System.Globalization;

namespace ProvincialMonitor.Faults;

/// <summary>
/// A cluster on this machine, run through the operator's own scripts (ops/cluster/*.sh): the scenarios
/// start, kill and restart silos and stop PostgreSQL exactly as an operator would.
/// </summary>
public sealed class ClusterControl : IAsyncDisposable
{
    private readonly string _repo;
    private readonly Action<string> _log;
    private readonly Dictionary<string, string> _environment;

    public ClusterControl(string repo, string directory, int basePort, int silos, Action<string> log, IReadOnlyDictionary<string, string>? environment = null)
    {
        _repo = repo;
        Directory = directory;
        BasePort = basePort;
        Silos = silos;
        _log = log;
        _environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    public string Directory { get; }
    public int BasePort { get; }
    public int Silos { get; }
    public string ApiKey { get; private set; } = "";
    public string Connection { get; private set; } = "";

    /// <summary>The silo in its own network namespace (partition scenario) and its address.</summary>
    public (int Silo, string Address)? Namespaced { get; init; }

    public Uri Url(int silo) => new(string.Create(CultureInfo.InvariantCulture,
        $"http://{(Namespaced is { } ns && ns.Silo == silo ? ns.Address : "127.0.0.1")}:{BasePort + silo}"));

    /// <summary>The silo's endpoint as Orleans names it (silo port BasePort+1000+I).</summary>
    public int SiloOfPort(int siloPort) => siloPort - BasePort - 1000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ScriptAsync("start.sh", [Silos.ToString(CultureInfo.InvariantCulture), "--dir", Directory, "--base-port", BasePort.ToString(CultureInfo.InvariantCulture), "--no-build"], cancellationToken);
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(Directory, "cluster.env"), cancellationToken))
        {
            if (line.StartsWith("API_KEY=", StringComparison.Ordinal)) ApiKey = line["API_KEY=".Length..];
            if (line.StartsWith("CONNECTION=", StringComparison.Ordinal)) Connection = line["CONNECTION=".Length..].Trim('\'');
        }
        if (ApiKey.Length == 0 || Connection.Length == 0) throw new InvalidOperationException("start.sh wrote no API key or connection");
    }

    public Task KillAsync(int silo, CancellationToken cancellationToken) => ScriptAsync("silo.sh", ["kill", Silo(silo), "--dir", Directory], cancellationToken);

    public Task StartSiloAsync(int silo, CancellationToken cancellationToken) => ScriptAsync("silo.sh", ["start", Silo(silo), "--dir", Directory], cancellationToken);

    public async Task<bool> IsRunningAsync(int silo, CancellationToken cancellationToken) =>
        await RunAsync("bash", [Path.Combine(_repo, "ops", "cluster", "silo.sh"), "status", Silo(silo), "--dir", Directory], quiet: true, cancellationToken) == 0;

    public async Task<int?> PidAsync(int silo)
    {
        var file = Path.Combine(Directory, $"silo-{silo}.pid");
        return File.Exists(file) && int.TryParse((await File.ReadAllTextAsync(file)).Trim(), out var pid) ? pid : null;
    }

    public Task StopPostgresAsync(CancellationToken cancellationToken) => ScriptAsync("postgres.sh", ["stop", "--dir", Directory], cancellationToken);

    public Task StartPostgresAsync(CancellationToken cancellationToken) => ScriptAsync("postgres.sh", ["start", "--dir", Directory], cancellationToken);

    /// <summary>Leave the cluster running at the end (to look at it; stop it with ops/cluster/stop.sh --dir).</summary>
    public bool KeepRunning { get; init; }

    public async ValueTask DisposeAsync()
    {
        if (KeepRunning) return;
        if (File.Exists(Path.Combine(Directory, "cluster.env")))
            await ScriptAsync("stop.sh", ["--dir", Directory, "--keep"], CancellationToken.None);
    }

    private static string Silo(int silo) => silo.ToString(CultureInfo.InvariantCulture);

    private async Task ScriptAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var code = await RunAsync("bash", [Path.Combine(_repo, "ops", "cluster", script), .. arguments], quiet: false, cancellationToken);
        if (code != 0) throw new InvalidOperationException($"ops/cluster/{script} {string.Join(' ', arguments)} exited with {code}");
    }

    private async Task<int> RunAsync(string file, string[] arguments, bool quiet, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (!quiet)
            foreach (var line in ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                _log("  | " + line);
        return process.ExitCode;
    }
}
