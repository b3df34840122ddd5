using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProvincialMonitor.Bench;

/// <summary>The figures of one run: a JSON object (keys as in issue #11) and the lines of the printed table.</summary>
public sealed class Results
{
    private readonly List<(string Key, string What, string Figure, string Target)> _rows = [];

    public JsonObject Json { get; } = new();

    public void Add(string key, JsonObject values, string what, string figure, string target = "")
    {
        Json[key] = values;
        _rows.Add((key, what, figure, target));
        Console.WriteLine($"  {key,-22} {figure}");
    }

    public void Ratio(string key, double value, string target, bool? met)
    {
        Json[key] = Math.Round(value, 3);
        var verdict = met is null ? "" : met.Value ? "met" : "MISSED";
        _rows.Add((key, "ratio", $"{value:0.000}", $"{target} {verdict}".Trim()));
        Console.WriteLine($"  {key,-22} {value:0.000} {target} {verdict}");
    }

    public void Target(string key, string target, bool met)
    {
        var i = _rows.FindIndex(r => r.Key == key);
        if (i >= 0) _rows[i] = _rows[i] with { Target = $"{target} {(met ? "met" : "MISSED")}" };
    }

    public string Table()
    {
        var w0 = Math.Max(4, _rows.Max(r => r.Key.Length));
        var w1 = Math.Max(6, _rows.Max(r => r.Figure.Length));
        var lines = new List<string> { $"| {"key".PadRight(w0)} | {"figure".PadRight(w1)} | target |", $"|{new string('-', w0 + 2)}|{new string('-', w1 + 2)}|---|" };
        lines.AddRange(_rows.Select(r => $"| {r.Key.PadRight(w0)} | {r.Figure.PadRight(w1)} | {r.Target} |"));
        return string.Join(Environment.NewLine, lines);
    }

    public string ToJson() => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
