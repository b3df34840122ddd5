using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Dashboard.Formatting;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>A correction's new value as JSON, of the kind the field has now: a number in nl-BE (decimal comma), true/false, or text.</summary>
public static class CorrectionValues
{
    /// <summary>The JSON of <paramref name="text"/>; null when the field holds a number and the text is none.</summary>
    public static string? ToJson(string text, string? currentJson)
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
                return decimal.TryParse(trimmed, NumberStyles.Number, NlBe.Culture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case JsonValueKind.True or JsonValueKind.False when trimmed is "true" or "false" or "ja" or "nee":
                return trimmed is "true" or "ja" ? "true" : "false";
            case JsonValueKind.Array or JsonValueKind.Object:
                try { return JsonDocument.Parse(trimmed).RootElement.GetRawText(); }
                catch (JsonException) { return JsonSerializer.Serialize(trimmed); }
            default:
                return JsonSerializer.Serialize(trimmed);
        }
    }
}
