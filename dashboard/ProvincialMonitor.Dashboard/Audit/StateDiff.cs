using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Dashboard.Audit;

/// <summary>One difference between two states: a path (<c>grants.KC-01-G1.amount</c>, <c>milestones[2]</c>) and its old and new value.</summary>
public sealed record StateChange(string Path, StateChangeKind Kind, string? Old, string? New);

public enum StateChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// Compares two JSON documents leaf by leaf: objects by member name, arrays by index. A value that changes its kind
/// (an object becoming a number) is one change at its path. Values are shown as their JSON text, strings without quotes.
/// </summary>
public static class StateDiff
{
    public static IReadOnlyList<StateChange> Compare(string? beforeJson, string afterJson)
    {
        using var after = JsonDocument.Parse(afterJson);
        if (string.IsNullOrWhiteSpace(beforeJson))
        {
            var added = new List<StateChange>();
            Leaves(after.RootElement, "", (path, value) => added.Add(new StateChange(path, StateChangeKind.Added, null, value)));
            return added;
        }
        using var before = JsonDocument.Parse(beforeJson);
        var changes = new List<StateChange>();
        Walk(before.RootElement, after.RootElement, "", changes);
        return changes;
    }

    private static void Walk(JsonElement old, JsonElement now, string path, List<StateChange> changes)
    {
        if (old.ValueKind == JsonValueKind.Object && now.ValueKind == JsonValueKind.Object)
        {
            var oldMembers = old.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            foreach (var member in now.EnumerateObject())
            {
                var child = Join(path, member.Name);
                if (oldMembers.Remove(member.Name, out var previous)) Walk(previous, member.Value, child, changes);
                else Leaves(member.Value, child, (p, v) => changes.Add(new StateChange(p, StateChangeKind.Added, null, v)));
            }
            foreach (var (name, value) in oldMembers)
                Leaves(value, Join(path, name), (p, v) => changes.Add(new StateChange(p, StateChangeKind.Removed, v, null)));
            return;
        }
        if (old.ValueKind == JsonValueKind.Array && now.ValueKind == JsonValueKind.Array)
        {
            var oldItems = old.EnumerateArray().ToList();
            var newItems = now.EnumerateArray().ToList();
            for (var i = 0; i < Math.Max(oldItems.Count, newItems.Count); i++)
            {
                var child = $"{path}[{i}]";
                if (i >= oldItems.Count) Leaves(newItems[i], child, (p, v) => changes.Add(new StateChange(p, StateChangeKind.Added, null, v)));
                else if (i >= newItems.Count) Leaves(oldItems[i], child, (p, v) => changes.Add(new StateChange(p, StateChangeKind.Removed, v, null)));
                else Walk(oldItems[i], newItems[i], child, changes);
            }
            return;
        }
        var (oldText, newText) = (Text(old), Text(now));
        if (old.ValueKind != now.ValueKind || !string.Equals(oldText, newText, StringComparison.Ordinal))
            changes.Add(new StateChange(path.Length == 0 ? "(geheel)" : path, StateChangeKind.Changed, oldText, newText));
    }

    /// <summary>Every leaf under a value; an empty object or array is a leaf of its own.</summary>
    private static void Leaves(JsonElement value, string path, Action<string, string> leaf)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.EnumerateObject().Any():
                foreach (var member in value.EnumerateObject()) Leaves(member.Value, Join(path, member.Name), leaf);
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                var i = 0;
                foreach (var item in value.EnumerateArray()) Leaves(item, $"{path}[{i++}]", leaf);
                break;
            default:
                leaf(path.Length == 0 ? "(geheel)" : path, Text(value));
                break;
        }
    }

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}

/// <summary>Dutch labels for the members of the aggregates' states: <see cref="FieldLabels"/>.</summary>
public static class StateLabels
{
    public static string Of(string member) => FieldLabels.Of(member);

    public static string Path(string path) => FieldLabels.Path(path);
}
