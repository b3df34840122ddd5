using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Silo.Import;

/// <summary>Reads one CSV cell as the JSON value of a command's field: numbers and dates through <see cref="InputReader"/>.</summary>
internal static class CellValues
{
    /// <summary>
    /// A correction's new value: a number when the cell reads as one with the file's decimal mark (as every number cell is read),
    /// else JSON when the cell is a JSON value (<c>true</c>, <c>false</c>, <c>null</c>, a quoted string, a list or an object), else the text as it is.
    /// </summary>
    public static JsonNode? CorrectionValue(string value, DecimalMark separator)
    {
        if (InputReader.Number(value, AnyNumber, separator).Value is { } number) return JsonValue.Create(number);
        if (value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.' or ','))
            return JsonValue.Create(value); // a number the file's mark cannot read stays text, never another reading
        try
        {
            return JsonNode.Parse(value) ?? JsonValue.Create((string?)null);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>Any number a corrected field holds: the field's own check (money, a count) says what more it must be.</summary>
    private static readonly NumberKind AnyNumber = NumberKind.Measure(10);

    public static string? Parse(string column, string value, Type type, NumberKind? kind, DecimalMark separator, out JsonNode? node)
    {
        node = null;
        if (type == typeof(string))
        {
            node = JsonValue.Create(value);
            return null;
        }
        if (type == typeof(string[]))
        {
            node = new JsonArray([.. value.Split(RowParser.ListSeparator, StringSplitOptions.TrimEntries).Select(v => (JsonNode?)JsonValue.Create(v))]);
            return null;
        }
        if (type == typeof(decimal) || type == typeof(int) || type == typeof(long))
        {
            var read = InputReader.Number(value, kind ?? NumberKind.Whole, separator);
            if (read.Problem is { } problem) return $"{column} {problem.English}";
            if (type == typeof(int) && read.Value is > int.MaxValue or < int.MinValue) return $"{column} {InputProblem.OutOfRange().English}";
            node = type == typeof(decimal) ? JsonValue.Create(read.Value) : JsonValue.Create((long)read.Value!.Value);
            return null;
        }
        if (type == typeof(DateOnly))
        {
            var date = InputReader.Date(value);
            if (date.Problem is { } problem) return $"{column} {problem.English}";
            node = JsonValue.Create(date.Value!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return null;
        }
        if (type == typeof(Guid))
        {
            if (!Guid.TryParse(value, out var id)) return $"{column} is not an event id (a UUID)";
            node = JsonValue.Create(id);
            return null;
        }
        if (type == typeof(DateTimeOffset))
        {
            var withOffset = value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal) && value.Contains('T', StringComparison.Ordinal);
            if (!withOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
                return $"{column} is not a moment with its offset, such as 2027-04-06T09:30:00+02:00";
            node = JsonValue.Create(moment);
            return null;
        }
        if (type == typeof(CampaignTargetRequest[]))
        {
            var targets = new JsonArray();
            foreach (var item in value.Split(RowParser.ListSeparator, StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':', StringSplitOptions.TrimEntries);
                int? Count(int i) => parts.Length > i && InputReader.WholeNumber(parts[i], separator).Value is >= 0 and var n ? n : null;
                if (parts.Length != 4 || Count(1) is null || Count(2) is null || Count(3) is null)
                    return $"{column} is a list of province:municipalities:markets:entries, such as limburg:20:40:5000|antwerpen:30:60:8000";
                targets.Add(new JsonObject { ["province"] = parts[0], ["municipalities"] = Count(1), ["markets"] = Count(2), ["entries"] = Count(3) });
            }
            node = targets;
            return null;
        }
        if (type == typeof(bool))
        {
            if (!bool.TryParse(value, out var flag)) return $"{column} is not true or false";
            node = JsonValue.Create(flag);
            return null;
        }
        return $"{column} cannot be given in an import";
    }
}
