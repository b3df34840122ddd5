using System.Globalization;
using ProvincialMonitor.Faults;

// ops/faults/run.sh SCENARIO [--silos N] [--seconds S] [--rate R] [--base-port P] [--dir DIR]
// Prints the scenario's figures and checks; exits 0 when every check passed, 1 otherwise, 2 on bad usage.
var scenarios = new List<string>();
var options = new ScenarioOptions { Repository = FindRepository() };
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
    try
    {
        switch (args[i])
        {
            case "--silos": options = options with { Silos = Number() }; break;
            case "--seconds": options = options with { Load = TimeSpan.FromSeconds(Number()) }; break;
            case "--rate": options = options with { PerSecond = Number() }; break;
            case "--base-port": options = options with { BasePort = Number() }; break;
            case "--dir": options = options with { Directory = Value() }; break;
            case "--keep-running": options = options with { KeepRunning = true }; break;
            case "all": scenarios.AddRange(Scenarios.Names); break;
            case var name when Scenarios.Names.Contains(name): scenarios.Add(name); break;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        scenarios.Clear();
        break;
    }
}
if (scenarios.Count == 0)
{
    Console.Error.WriteLine($"usage: ops/faults/run.sh ({string.Join(" | ", Scenarios.Names)} | all) [--silos 3] [--seconds 20] [--rate 100] [--base-port 15100] [--dir DIR] [--keep-running]");
    return 2;
}
if (options.Silos < 3 && scenarios.Any(s => s is "kill-silo" or "partition"))
{
    Console.Error.WriteLine("kill-silo and partition need at least 3 silos (a dead silo is declared by the votes of two others)");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var failed = 0;
foreach (var scenario in scenarios)
{
    var report = await Scenarios.RunAsync(scenario, options, cancel.Token);
    Console.WriteLine(report);
    if (!report.Passed) failed++;
}
Console.WriteLine($"{scenarios.Count - failed} of {scenarios.Count} scenarios passed");
return failed == 0 ? 0 : 1;

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) return dir.FullName;
    throw new InvalidOperationException("Cannot find the repository (ProvincialMonitor.sln) above " + AppContext.BaseDirectory);
}
