using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The codes no Dutch page may show as text, taken from the catalogs themselves: every stored event type name (and its
/// class name), every code of the label tables whose Dutch label is another word, every refusal code, every command
/// and state field's JSON name whose label is another word, and every import action. A code its own Dutch label uses as
/// a word (<c>auditor</c>, <c>status</c>, <c>budget</c> in "Totaal budget", <c>reserve</c> in "Reserve bij de laatste
/// meting (ha)") is Dutch already. Matched as whole, case-sensitive words: a
/// letter, digit, hyphen or underscore on either side (or a dot before, or a colon and more after: an actor's
/// <c>key:…</c>) makes it part of another word or identifier.
/// </summary>
internal static class RawCodes
{
    public static IReadOnlySet<string> Tokens { get; } = new HashSet<string>(
        EventTypes.All
            .Concat(EventTypes.Current.Values.Select(t => t.Name))
            .Concat(DutchLabels.All.SelectMany(t => t.Options).Where(o => !SameWord(o.Key, o.Value)).Select(o => o.Key))
            .Concat(Refusals.All.Keys)
            .Concat(CommandCatalog.All.SelectMany(c => c.Fields.Keys).Concat(FieldLabels.Names).Where(f => !SameWord(f, FieldLabels.Of(f))))
            .Concat(CommandCatalog.All.Select(c => c.Action).OfType<string>()),
        StringComparer.Ordinal);

    private static readonly Regex Pattern = new(
        @"(?<![\p{L}\p{N}_.\-])(" + string.Join("|", Tokens.OrderByDescending(t => t.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}_\-]|:\S)",
        RegexOptions.CultureInvariant);

    /// <summary>Each raw code in a page's text, with a little of the text around it.</summary>
    public static IEnumerable<(string Code, string Context)> Find(string text) =>
        Pattern.Matches(text).Select(m => (m.Value, Around(text, m.Index, m.Length)));

    private static bool SameWord(string code, string label) =>
        Regex.IsMatch(label, @"(?<![\p{L}\p{N}])" + Regex.Escape(code) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Around(string text, int index, int length)
    {
        var start = Math.Max(0, index - 40);
        var end = Math.Min(text.Length, index + length + 40);
        return text[start..end].ReplaceLineEndings(" ⏎ ");
    }
}
