namespace ProvincialMonitor.Silo.Import;

/// <summary>How the monitor writes a field into a CSV file it hands out (an audit export, an import report).</summary>
public static class CsvField
{
    /// <summary>
    /// The field as written: quoted (quotes doubled) when it holds the delimiter, a quote or a line break. A field that
    /// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets an apostrophe in front, so that
    /// a spreadsheet shows it as text instead of running it as a formula (a project title such as
    /// <c>=HYPERLINK(…)</c>). The exact text stays in the JSON forms of the same data.
    /// </summary>
    public static string Quote(string value, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
