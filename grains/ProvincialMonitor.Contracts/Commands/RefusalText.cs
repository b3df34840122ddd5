using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// One entry of the table of refusals (<see cref="Refusals"/>): a stable code (dotted, lower case), the kind it is
/// refused as, and its English (the API's <c>detail</c>) and Dutch (the dashboard) templates. A template names its
/// arguments as <c>{name}</c>; <c>{name:euro}</c> renders an invariant amount as nl-BE euro, <c>{name:number}</c> and
/// <c>{name:decimal}</c> an invariant number as an nl-BE whole number or decimal, and <c>{name:text}</c>
/// renders the entry whose code the argument holds, in the same language and with the same arguments. The arguments
/// of a code are those its English template names; a refusal is built with exactly those.
/// </summary>
public sealed partial record RefusalText(string Code, RefusalKind Kind, string English, string Dutch)
{
    /// <summary>The names of the arguments, in the order the English template names them.</summary>
    public IReadOnlyList<string> Arguments { get; } = [.. Placeholders(English).Select(p => p.Name).Distinct(StringComparer.Ordinal)];

    /// <summary>The arguments as invariant text, checked against <see cref="Arguments"/>: a missing or an unknown one throws.</summary>
    public IReadOnlyDictionary<string, string> Bind(params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (!Arguments.Contains(name)) throw new ArgumentException($"{Code} has no argument '{name}' (it has: {string.Join(", ", Arguments)}).", nameof(arguments));
            if (!bound.TryAdd(name, Invariant(value))) throw new ArgumentException($"{Code}: the argument '{name}' is given twice.", nameof(arguments));
        }
        if (Arguments.FirstOrDefault(a => !bound.ContainsKey(a)) is { } missing)
            throw new ArgumentException($"{Code} needs the argument '{missing}'.", nameof(arguments));
        return bound;
    }

    public string InEnglish(IReadOnlyDictionary<string, string> arguments) => Render(English, arguments, dutch: false);

    public string InDutch(IReadOnlyDictionary<string, string> arguments) => Render(Dutch, arguments, dutch: true);

    /// <summary>An amount of money as an argument: invariant, with cents.</summary>
    public static string Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The placeholders of a template: <c>{name}</c> or <c>{name:format}</c>.</summary>
    public static IEnumerable<(string Name, string? Format)> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null));

    /// <summary>The formats a placeholder may name.</summary>
    public static readonly FrozenSet<string> Formats = FrozenSet.ToFrozenSet(["euro", "number", "decimal", "text"], StringComparer.Ordinal);

    private static string Render(string template, IReadOnlyDictionary<string, string> arguments, bool dutch) =>
        PlaceholderPattern().Replace(template, m =>
        {
            var value = arguments.GetValueOrDefault(m.Groups[1].Value, "");
            return (m.Groups[2].Success ? m.Groups[2].Value : null) switch
            {
                "euro" => Number(value, "€ #,##0.00"),
                "number" => Number(value, "N0"),
                "decimal" => Number(value, "G29"),
                "text" when Refusals.Find(value) is { } nested => dutch ? nested.InDutch(arguments) : nested.InEnglish(arguments),
                _ => value,
            };
        });

    private static string Number(string invariant, string format) =>
        decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString(format, NlBe) : invariant;

    private static readonly CultureInfo NlBe = CultureInfo.GetCultureInfo("nl-BE");

    private static string Invariant(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        RefusalText t => t.Code,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)(?::([a-z]+))?\}")]
    private static partial Regex PlaceholderPattern();
}
