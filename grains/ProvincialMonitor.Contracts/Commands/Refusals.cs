using System.Collections.Frozen;
using System.Reflection;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// The table of refusals, keyed by code: every reason a command, a request or an import row is refused for, with its
/// English and Dutch text (docs/http-api.md "Errors"). Each entry is written once, as a field of this class (its files by area);
/// <see cref="All"/> is read from those fields.
/// </summary>
public static partial class Refusals
{
    private static FrozenDictionary<string, RefusalText>? _all;

    /// <summary>Every entry by its code (read once the fields, in whichever file, are set).</summary>
    public static FrozenDictionary<string, RefusalText> All => _all ??= typeof(Refusals)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(RefusalText))
        .Select(f => (RefusalText)f.GetValue(null)!)
        .ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    public static RefusalText? Find(string code) => All.GetValueOrDefault(code);

    /// <summary>The entry of a code; a code the table does not hold (from a newer silo) reads as its own text.</summary>
    public static RefusalText Get(string code) => Find(code) ?? new RefusalText(code, RefusalKind.Invalid, code, code);
}
