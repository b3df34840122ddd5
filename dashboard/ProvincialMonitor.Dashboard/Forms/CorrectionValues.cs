using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>A correction's new value as JSON, of the kind the field has now: a number read as a form reads one (InputReader), true/false, or text.</summary>
public static class CorrectionValues
{
    /// <summary>Any number a corrected field holds: the field's own check (money, a count) says what more it must be.</summary>
    private static readonly NumberKind AnyNumber = NumberKind.Measure(10);

    /// <summary>The JSON of <paramref name="text"/>, or why a number field cannot take it (in Dutch).</summary>
    public static (string? Json, string? Problem) ToJson(string text, string? currentJson)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var kind = JsonValueKind.String;
        if (currentJson is not null)
        {
            try { kind = JsonDocument.Parse(currentJson).RootElement.ValueKind; }
            catch (JsonException) { kind = JsonValueKind.String; }
        }
        switch (kind)
        {
            case JsonValueKind.Number:
                var read = InputReader.Number(trimmed, AnyNumber);
                return read.Value is { } number ? (number.ToString(CultureInfo.InvariantCulture), null) : (null, read.Problem?.Dutch);
            case JsonValueKind.True or JsonValueKind.False when trimmed is "true" or "false" or "ja" or "nee":
                return (trimmed is "true" or "ja" ? "true" : "false", null);
            case JsonValueKind.Array or JsonValueKind.Object:
                try { return (JsonDocument.Parse(trimmed).RootElement.GetRawText(), null); }
                catch (JsonException) { return (JsonSerializer.Serialize(trimmed), null); }
            default:
                return (JsonSerializer.Serialize(trimmed), null);
        }
    }

    /// <summary>A field's value (JSON) as a reader reads it: codes by their Dutch labels (those of <paramref name="record"/>), numbers in nl-BE, nothing as –.</summary>
    public static string Reading(Type? record, string field, string json)
    {
        try
        {
            using var value = JsonDocument.Parse(json);
            return Reading(record, field, value.RootElement);
        }
        catch (JsonException) { return json; }
    }

    private static string Reading(Type? record, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => FieldLabels.Value(record, field, value.GetString() ?? ""),
        JsonValueKind.Number when IsYear(field) => value.GetRawText(),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString("#,##0.##########", NlBe.Culture) : value.GetRawText(),
        JsonValueKind.True => "ja",
        JsonValueKind.False => "nee",
        JsonValueKind.Null or JsonValueKind.Undefined => "–",
        JsonValueKind.Array when value.GetArrayLength() == 0 => "(geen)",
        JsonValueKind.Array => string.Join(value.EnumerateArray().Any(i => i.ValueKind == JsonValueKind.Object) ? "; " : ", ",
            value.EnumerateArray().Select(item => Reading(record, field, item))),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(m => $"{FieldLabels.Of(m.Name)}: {Reading(record, m.Name, m.Value)}")),
        _ => value.GetRawText(),
    };

    /// <summary>A year (<c>year</c>, <c>referenceYear</c>) reads without a thousands separator.</summary>
    private static bool IsYear(string field) => field == "year" || field.EndsWith("Year", StringComparison.Ordinal);
}
