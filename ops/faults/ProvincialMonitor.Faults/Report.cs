using System.Globalization;

namespace ProvincialMonitor.Faults;

/// <summary>A scenario's figures and the checks it makes; it passes when every check does.</summary>
public sealed class Report(string scenario)
{
    private readonly List<(string Name, string Value)> _figures = [];
    private readonly List<(string Name, bool Passed, string Detail)> _checks = [];

    public string Scenario { get; } = scenario;
    public IReadOnlyList<(string Name, string Value)> Figures => _figures;
    public IReadOnlyList<(string Name, bool Passed, string Detail)> Checks => _checks;
    public bool Passed => _checks.Count > 0 && _checks.All(c => c.Passed);

    public void Figure(string name, FormattableString value) => _figures.Add((name, value.ToString(CultureInfo.InvariantCulture)));

    public void Check(string name, bool passed, string detail = "") => _checks.Add((name, passed, detail));

    public override string ToString()
    {
        var width = Math.Max(_figures.Select(f => f.Name.Length).DefaultIfEmpty(0).Max(), 10);
        var lines = new List<string> { $"== {Scenario}" };
        lines.AddRange(_figures.Select(f => $"  {f.Name.PadRight(width)}  {f.Value}"));
        lines.AddRange(_checks.Select(c => $"  [{(c.Passed ? "ok" : "FAILED")}] {c.Name}{(c.Detail.Length > 0 ? ": " + c.Detail : "")}"));
        lines.Add(Passed ? $"== {Scenario}: passed" : $"== {Scenario}: FAILED");
        return string.Join(Environment.NewLine, lines);
    }
}
