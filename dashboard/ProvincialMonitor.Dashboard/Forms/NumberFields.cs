using System.Globalization;

namespace ProvincialMonitor.Dashboard.Forms;

/// <summary>How <see cref="NumberField{TValue}"/> reads what was typed: nl-BE, a decimal comma and optional thousands points; anything else is no value.</summary>
public static class NumberFields
{
    public static TValue? Parse<TValue>(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var type = Nullable.GetUnderlyingType(typeof(TValue)) ?? typeof(TValue);
        text = text?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text)) return default;
        if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Number, culture, out var d)) return (TValue)(object)d;
        if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, culture, out var i)) return (TValue)(object)i;
        if (type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, culture, out var l)) return (TValue)(object)l;
        if (type == typeof(double) && double.TryParse(text, NumberStyles.Number, culture, out var f)) return (TValue)(object)f;
        return default;
    }
}
