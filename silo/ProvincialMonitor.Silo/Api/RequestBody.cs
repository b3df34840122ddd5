using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// Reads a JSON body strictly: JSON only (415), at most 256 KiB (413), well-formed and without unknown
/// members (400 naming the member), so that nothing a user sent is silently dropped.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Member names are camelCase and case-sensitive (<c>Amount</c> beside <c>amount</c> is an unknown member), numbers are
    /// JSON numbers (never read from strings), and a member given twice is refused: one body has one meaning.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new NormalizedText() },
    };

    private static readonly string ControlCharacterMessage = Refusals.FieldControlCharacter.English;

    /// <summary>
    /// Text as users meant it: Unicode normalised to NFC (so that "é" typed two ways is one name), and refused when it
    /// holds control characters (other than tab and line breaks) or bidirectional overrides that can disguise text.
    /// </summary>
    private sealed class NormalizedText : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException("has the wrong type or format");
            var text = reader.GetString()!;
            foreach (var c in text)
                if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                    throw new JsonException(ControlCharacterMessage);
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    public sealed record Read<T>(T? Value, IResult? Problem, string CanonicalText);

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, bool optional = false) where T : class
    {
        var read = await ReadAsync(request, typeof(T), optional);
        return new((T?)read.Value, read.Problem, read.CanonicalText);
    }

    /// <summary>Reads a body of <paramref name="type"/>, as <see cref="ReadAsync{T}"/> does.</summary>
    public static async Task<Read<object>> ReadAsync(HttpRequest request, Type type, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (optional && (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            && string.IsNullOrEmpty(request.ContentType))
            return new(JsonSerializer.Deserialize("{}", type, Options), null, "{}");
        if (!IsJson(request.ContentType))
            return new(null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType,
                "Send JSON.", "The body must be application/json."), "");
        if (request.ContentLength > MaxBytes) return new(null, TooLarge(), "");

        var bytes = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            if (bytes.Length + read > MaxBytes) return new(null, TooLarge(), "");
            bytes.Write(buffer, 0, read);
        }

        if (bytes.Length == 0) return new(null, Problems.Invalid400("body", Refusals.FieldBodyRequired), "");
        try
        {
            var text = StrictUtf8.GetString(bytes.ToArray());
            var value = JsonSerializer.Deserialize(text, type, Options);
            return value is null
                ? new(null, Problems.Invalid400("body", Refusals.FieldNotAJsonObject), "")
                : new(value, null, CanonicalJson.Canonicalize(text));
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return new(null, Problems.Invalid400(field, Describe(ex)), "");
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException or InvalidOperationException or ArgumentException)
        {
            return new(null, Problems.Invalid400("body", Refusals.FieldNotJson, ("message", ex.Message)), "");
        }
    }

    /// <summary>The hash that tells a retry (same route, same body) from a different request under one Idempotency-Key.</summary>
    public static string RequestHash(HttpRequest request, string canonicalBody) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n{canonicalBody}")));

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                                        && contentType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    private static RefusalText Describe(JsonException ex) => ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
        ? Refusals.FieldUnknownMember
        : ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("twice", StringComparison.Ordinal)
            ? Refusals.FieldGivenMoreThanOnce
        : ex.Message.StartsWith(ControlCharacterMessage, StringComparison.Ordinal)
            ? Refusals.FieldControlCharacter
        : ex.InnerException is FormatException or InvalidOperationException || ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? Refusals.FieldWrongFormat
            : Refusals.FieldNotJsonHere;

    private static IResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, Problems.TooLarge,
        "The request is too large.", $"The body may hold at most {MaxBytes / 1024} KiB.");
}
