using System.Globalization;

namespace ProvincialMonitor.Silo.Import;

/// <summary>How a workbook writes numbers, dates and cell addresses; numbers stay decimal from the cell's text, never a double.</summary>
internal static class ExcelCells
{
    /// <summary>The number as plain text (1.5E-2 as 0.015), exact; null when it is not a number a decimal holds.</summary>
    public static string? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A date cell's serial number as <c>yyyy-MM-dd</c> (with <c>THH:mm:ss</c> when it has a time of day). In the 1900 date system day 1 is
    /// 1900-01-01 and day 60 the 29 February 1900 that never was (null); in the 1904 system day 0 is 1904-01-01. Null when it is no date.
    /// </summary>
    public static string? Date(string text, bool date1904)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial >= 2_958_466) return null;
        var days = (int)decimal.Truncate(serial);
        DateOnly date;
        if (date1904) date = new DateOnly(1904, 1, 1).AddDays(days);
        else if (days is 0 or 60) return null;
        else date = days < 60 ? new DateOnly(1899, 12, 31).AddDays(days) : new DateOnly(1899, 12, 30).AddDays(days);
        var seconds = (int)decimal.Round((serial - days) * 86_400m);
        if (seconds == 0) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (seconds >= 86_400) return null;
        return $"{date:yyyy-MM-dd}T{TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)):HH:mm:ss}";
    }

    /// <summary>The column (0-based) of a cell reference such as <c>AB12</c>; -1 when it has no letters.</summary>
    public static int Column(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3) return -1;
        }
        return letters == 0 ? -1 : column - 1;
    }

    /// <summary>The letters of a column (0-based): 0 is A, 27 is AB.</summary>
    public static string Letters(int column)
    {
        var letters = "";
        for (column++; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// Whether a number format shows a date: the built-in date and time formats (14 to 22, 45 to 47, and the East Asian 27 to 36 and
    /// 50 to 58), or a custom code with day, month, year, hour or second outside quotes, escapes and brackets.
    /// </summary>
    public static bool IsDateFormat(uint id, string? code)
    {
        if (code is null) return id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;
        var bare = new System.Text.StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') i = Math.Max(i, code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length);
            else if (c == '[') i = Math.Max(i, code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length);
            else if (c is '\\' or '_' or '*') i++;
            else bare.Append(char.ToLowerInvariant(c));
        }
        var text = bare.ToString();
        return !text.Contains("general", StringComparison.Ordinal) && text.IndexOfAny(['d', 'm', 'y', 'h', 's']) >= 0;
    }
}
