using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts.Input;

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
}
