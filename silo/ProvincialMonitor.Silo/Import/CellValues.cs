using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Silo.Import;

/// <summary>Reads one cell (of a CSV file or a workbook) as the JSON value of a command's field: numbers and dates through <see cref="InputReader"/>.</summary>
internal static class CellValues
{
    /// <summary>
    /// A correction's new value: a number when the cell reads as one with the file's decimal mark (as every number cell is read),
    /// else JSON when the cell is a JSON value (<c>true</c>, <c>false</c>, <c>null</c>, a quoted string, a list or an object), else the text as it is.
    /// </summary>
    public static JsonNode? CorrectionValue(string value, DecimalMark? separator)
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

    public static FieldError? Parse(string column, string value, Type type, NumberKind? kind, DecimalMark? separator, out JsonNode? node)
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
            if (read.Problem is { } problem) return problem.For(column);
            if (type == typeof(int) && read.Value is > int.MaxValue or < int.MinValue) return InputProblem.OutOfRange().For(column);
            node = type == typeof(decimal) ? JsonValue.Create(read.Value) : JsonValue.Create((long)read.Value!.Value);
            return null;
        }
        if (type == typeof(DateOnly))
        {
            var date = InputReader.Date(value);
            if (date.Problem is { } problem) return problem.For(column);
            node = JsonValue.Create(date.Value!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return null;
        }
        if (type == typeof(Guid))
        {
            if (!Guid.TryParse(value, out var id)) return FieldError.Of(column, Refusals.ImportNotAnEventId);
            node = JsonValue.Create(id);
            return null;
        }
        if (type == typeof(DateTimeOffset))
        {
            var withOffset = value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > value.IndexOf('T', StringComparison.Ordinal) && value.Contains('T', StringComparison.Ordinal);
            if (!withOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
                return InputProblem.NotAMoment().For(column);
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
                    return FieldError.Of(column, Refusals.ImportNotTargetList);
                targets.Add(new JsonObject { ["province"] = parts[0], ["municipalities"] = Count(1), ["markets"] = Count(2), ["entries"] = Count(3) });
            }
            node = targets;
            return null;
        }
        if (type == typeof(Contracts.Events.RetailCategoryArea[]))
        {
            // Retail categories: code:m² items, e.g. food:1200|other-bulky:800 (the area read with the file's decimal mark).
            var areas = new JsonArray();
            foreach (var item in value.Split(RowParser.ListSeparator, StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(':', StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || InputReader.Number(parts[1], kind ?? NumberKind.Measure(2), separator).Value is not { } area)
                    return FieldError.Of(column, Refusals.ImportNotRetailCategories);
                areas.Add(new JsonObject { ["category"] = parts[0], ["areaM2"] = area });
            }
            node = areas;
            return null;
        }
        if (type == typeof(bool))
        {
            if (!bool.TryParse(value, out var flag)) return FieldError.Of(column, Refusals.ImportNotAFlag);
            node = JsonValue.Create(flag);
            return null;
        }
        return FieldError.Of(column, Refusals.ImportNotImportable);
    }
}
