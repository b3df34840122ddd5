using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units,
/// no insignificant white space, strings with the minimal escapes, numbers as ECMAScript prints them.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical text of a JSON document.</summary>
    /// <exception cref="FormatException">The text is not JSON, repeats a member name, or holds a number outside IEEE 754 double range.</exception>
    public static string Canonicalize(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var builder = new StringBuilder(json.Length);
            Write(builder, document.RootElement);
            return builder.ToString();
        }
    }

    /// <summary>The canonical text of a JSON object; anything else is refused.</summary>
    public static string CanonicalizeObject(string json, string what)
    {
        var canonical = Canonicalize(json);
        if (canonical.Length == 0 || canonical[0] != '{')
            throw new FormatException($"{what} must be a JSON object.");
        return canonical;
    }

    public static void Write(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var property in element.EnumerateObject())
                    members.Add((property.Name, property.Value));
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                            throw new FormatException($"The member name '{members[i].Name}' appears twice.");
                        builder.Append(',');
                    }
                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) builder.Append(',');
                    first = false;
                    Write(builder, item);
                }
                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(ExactDouble(element)));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                throw new FormatException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    /// <summary>Below 2^53 every integer is exact; decimals must also survive the double (15 significant digits).</summary>
    public const double MaxMagnitude = 9007199254740992;

    /// <summary>
    /// The number as a double, refusing what a double would change: RFC 8785 works on doubles, and a stored
    /// number that no longer reads back as the decimal the domain expects would make an event unreadable.
    /// </summary>
    private static double ExactDouble(JsonElement element)
    {
        var raw = element.GetRawText();
        if (!element.TryGetDouble(out var number) || !double.IsFinite(number) || Math.Abs(number) >= MaxMagnitude)
            throw new FormatException($"The number {raw} is too large: its magnitude must stay below 2^53.");
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) != exact)
            throw new FormatException($"The number {raw} has more than 15 significant digits.");
        return number;
    }

    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }

    /// <summary>ECMAScript's Number.prototype.toString for a finite double (RFC 8785 section 3.2.2.3).</summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value)) throw new FormatException("JSON has no NaN or Infinity.");
        if (value == 0) return "0"; // also -0
        if (value < 0) return "-" + FormatNumber(-value);

        // The shortest digits that round-trip, and the exponent n such that value = 0.d1d2…dk × 10^n.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (digits, n) = Decompose(shortest);
        var k = digits.Length;

        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;

        var exponent = n - 1;
        var sign = exponent < 0 ? "-" : "+";
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static (string Digits, int N) Decompose(string text)
    {
        // .NET prints "R" as d.dddE+xx or as a plain decimal; bring both to digits and a point position.
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fractionPart = point >= 0 ? text[(point + 1)..] : "";
        var all = integerPart + fractionPart;
        var pointPosition = integerPart.Length + exponent;

        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0') leading++;
        all = all[leading..];
        pointPosition -= leading;
        all = all.TrimEnd('0');
        if (all.Length == 0) all = "0";
        return (all, pointPosition);
    }
}
