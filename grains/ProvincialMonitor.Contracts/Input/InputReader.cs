using System.Globalization;

namespace ProvincialMonitor.Contracts.Input;

/// <summary>A value read from what a person typed or a CSV cell held, or why it could not be read. Empty text is no value and no problem.</summary>
public readonly record struct Reading<T>(T? Value, InputProblem? Problem) where T : struct
{
    public bool IsEmpty => Value is null && Problem is null;
}

/// <summary>
/// The one reader of numbers and dates typed in a form or held by a CSV cell (the API takes JSON numbers and ISO dates).
/// <para>
/// Numbers, Belgian way first. Spaces (also non-breaking) group digits; a leading or trailing € is allowed. Without a
/// declared decimal mark (a form): a comma is the decimal mark and points group thousands (1.000,50); a number with only
/// a point is read with a decimal point (1000.50, 2.5) unless the point is followed by exactly three digits after one to
/// three others (1.000, 12.500), which is refused as ambiguous with both readings, or several points group thousands
/// (1.000.000). A thousands comma before a decimal point (1,000.50) is refused. With a declared mark (a CSV file), that mark
/// is the decimal mark of every cell and the other one is refused (a point in a decimal-comma file is a mistake, not a
/// thousands separator). A whole number takes no decimals; in a form, points grouping thousands are allowed (12.500 is
/// twelve thousand five hundred).
/// </para>
/// </summary>
public static class InputReader
{
    /// <summary>The largest number a field takes (more digits than any amount or measure has).</summary>
    private const decimal Largest = 1_000_000_000_000_000m;

    public static Reading<decimal> Number(string? text, NumberKind kind, DecimalMark? mark = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var s = Clean(text);
        if (s.Length == 0) return default;
        var sign = "";
        if (s[0] is '-' or '+')
        {
            sign = s[0] == '-' ? "-" : "";
            s = s[1..];
        }
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
            return Refuse(kind.IsWhole ? InputProblem.NotWhole() : InputProblem.NotANumber(mark));

        string? integer, fraction;
        if (mark is { } declared)
        {
            var (decimalChar, other) = declared == DecimalMark.Comma ? (',', '.') : ('.', ',');
            var parts = s.Split(decimalChar);
            (integer, fraction) = (parts[0], parts.Length == 2 ? parts[1] : null);
            if (parts.Length > 2 || s.Contains(other, StringComparison.Ordinal) || integer.Length == 0 || fraction is { Length: 0 })
                return Refuse(kind.IsWhole ? InputProblem.NotWhole() : InputProblem.NotANumber(mark));
        }
        else
        {
            var commas = s.Count(c => c == ',');
            var points = s.Count(c => c == '.');
            if (commas > 1) return Refuse(s.Contains('.', StringComparison.Ordinal) ? InputProblem.ThousandsComma() : InputProblem.NotANumber(null));
            if (commas == 1)
            {
                var comma = s.IndexOf(',', StringComparison.Ordinal);
                if (s.LastIndexOf('.') > comma) return Refuse(InputProblem.ThousandsComma());
                integer = Ungroup(s[..comma], '.');
                fraction = s[(comma + 1)..];
                if (integer is null || fraction.Length == 0) return Refuse(InputProblem.NotANumber(null));
            }
            else if (points == 1)
            {
                var point = s.IndexOf('.', StringComparison.Ordinal);
                var (before, after) = (s[..point], s[(point + 1)..]);
                if (before.Length == 0 || after.Length == 0) return Refuse(kind.IsWhole ? InputProblem.NotWhole() : InputProblem.NotANumber(null));
                var groups = Ungroup(s, '.') is not null;
                if (kind.IsWhole)
                {
                    if (!groups) return Refuse(InputProblem.NotWhole());
                    (integer, fraction) = (before + after, null);
                }
                else if (groups)
                {
                    return Refuse(InputProblem.Ambiguous(Parse(sign + before + after, null), Parse(sign + before, after)));
                }
                else
                {
                    (integer, fraction) = (before, after);
                }
            }
            else
            {
                integer = points == 0 ? s : Ungroup(s, '.');
                fraction = null;
                if (integer is null) return Refuse(kind.IsWhole ? InputProblem.NotWhole() : InputProblem.NotANumber(null));
            }
        }

        if (fraction is not null && kind.IsWhole) return Refuse(InputProblem.NotWhole());
        if (fraction is not null && fraction.TrimEnd('0').Length > kind.Decimals) return Refuse(InputProblem.TooManyDecimals(kind));
        if (fraction is not null && fraction.Length > kind.Decimals) fraction = fraction[..kind.Decimals]; // only zeros follow
        if (fraction is { Length: 0 }) fraction = null;
        if (integer.TrimStart('0').Length > 18) return Refuse(InputProblem.OutOfRange());
        var value = Parse(sign + integer, fraction);
        return Math.Abs(value) >= Largest ? Refuse(InputProblem.OutOfRange()) : new(value, null);

        static Reading<decimal> Refuse(InputProblem problem) => new(null, problem);
    }

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    public static Reading<int> WholeNumber(string? text, DecimalMark? mark = null)
    {
        var read = Number(text, NumberKind.Whole, mark);
        if (read.Value is not { } value) return new(null, read.Problem);
        return value is > int.MaxValue or < int.MinValue ? new(null, InputProblem.OutOfRange()) : new((int)value, null);
    }

    /// <summary>A date as 2026-12-31 or as 31/12/2026 (also 1/2/2027); nothing else.</summary>
    public static Reading<DateOnly> Date(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return default;
        return DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new(date, null)
            : new(null, InputProblem.NotADate());
    }

    /// <summary>The formats <see cref="Date"/> reads.</summary>
    /// <summary>A day and time on the wall clock (in Brussels, as a form asks): 31/12/2026 09:30 or 2026-12-31 09:30.</summary>
    public static Reading<DateTime> LocalMoment(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return default;
        return DateTime.TryParseExact(s, MomentFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? new(moment, null)
            : new(null, InputProblem.NotAMoment());
    }

    private static readonly string[] MomentFormats =
        ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static string Clean(string? text)
    {
        if (text is null) return "";
        var s = text.Trim();
        if (s.StartsWith('€')) s = s[1..];
        if (s.EndsWith('€')) s = s[..^1];
        return s.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal);
    }

    /// <summary>The digits of <paramref name="text"/> when it groups them in threes with <paramref name="group"/> (or not at all); null otherwise.</summary>
    private static string? Ungroup(string text, char group)
    {
        if (text.Length == 0) return null;
        if (!text.Contains(group, StringComparison.Ordinal)) return text.All(char.IsAsciiDigit) ? text : null;
        var parts = text.Split(group);
        if (parts[0].Length is < 1 or > 3 || parts[0] == "0" || !parts[0].All(char.IsAsciiDigit)) return null;
        if (parts.Skip(1).Any(p => p.Length != 3 || !p.All(char.IsAsciiDigit))) return null;
        return string.Concat(parts);
    }

    private static decimal Parse(string integer, string? fraction) =>
        decimal.Parse(fraction is null ? integer : $"{integer}.{fraction}", NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
