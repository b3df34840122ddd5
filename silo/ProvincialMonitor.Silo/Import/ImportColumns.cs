using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// The names a header may give a column: its JSON name (<c>amount</c>) or its Dutch label as <see cref="FieldLabels"/> declares
/// it (<c>Bedrag</c>; case and spacing do not matter). A label that belongs to several columns is refused: the English name is
/// needed there.
/// </summary>
public static class ImportColumns
{
    private static readonly Dictionary<string, string[]> ByLabel = ImportAction.KnownColumns
        .Where(c => FieldLabels.Of(c) != c)
        .GroupBy(c => Key(FieldLabels.Of(c)), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>The column a header names: itself when it is a known column, the one column its Dutch label names, or null (unknown) or a problem (several).</summary>
    public static (string? Column, Refusal? Problem) Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ImportAction.KnownColumns.Contains(name)) return (name, null);
        if (!ByLabel.TryGetValue(Key(name), out var columns)) return (null, null);
        return columns.Length == 1
            ? (columns[0], null)
            : (null, Refusal.Of(Refusals.ImportColumnAmbiguous, ("column", name), ("fields", string.Join(", ", columns))));
    }

    /// <summary>The Dutch label of a column, when it names that column alone (the templates show it).</summary>
    public static string? DutchOf(string column) =>
        FieldLabels.Of(column) is var label && label != column && ByLabel.TryGetValue(Key(label), out var columns) && columns.Length == 1 ? label : null;

    private static string Key(string label) => string.Join(' ', label.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
