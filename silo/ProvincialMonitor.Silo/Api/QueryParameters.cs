using System.Globalization;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>How a query parameter is written: the API description's schema and <see cref="QueryReader"/>'s parse both follow it.</summary>
public enum QueryKind
{
    /// <summary>Any text (or one of <see cref="QueryParameter.Values"/>).</summary>
    Text,
    /// <summary>A whole number, not negative (<c>int64</c>).</summary>
    Whole,
    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,
    /// <summary>An ISO 8601 time (UTC when it names no offset).</summary>
    Time,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,
}

/// <summary>The query parameters a route reads itself: endpoint metadata that the API description lists.</summary>
public sealed record QueryDescription(params QueryParameter[] Parameters);

/// <summary>
/// One query parameter, declared once: the route's parser reads it by this declaration (<see cref="QueryReader"/>) and the
/// API description describes it from the same one (kind, the values accepted, whether it may be repeated, its default).
/// </summary>
public sealed record QueryParameter(string Name, string Description)
{
    public QueryKind Kind { get; init; }

    /// <summary>The only values accepted, in the order the refusal names them; null when any value of the kind may do.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Given more than once (<c>type=a&amp;type=b</c>), every value counts.</summary>
    public bool Repeatable { get; init; }

    /// <summary>The value when the parameter is not given, as it is written in a query.</summary>
    public string? Default { get; init; }
}

/// <summary>
/// Reads a request's query by the declared parameters, collecting each value's error under the parameter's name. A number,
/// date or time given empty is refused, or taken as not given where <paramref name="emptyIsAbsent"/> (a filter form's empty field).
/// </summary>
public sealed class QueryReader(HttpRequest request, bool emptyIsAbsent = false)
{
    private readonly List<FieldError> _errors = [];

    public bool Failed => _errors.Count > 0;

    /// <summary>The problem (400) naming every parameter that is not valid; null when all are.</summary>
    public IResult? Problem => _errors.Count > 0 ? Problems.From(Refusal.Fields(_errors)) : null;

    public void Refuse(QueryParameter parameter, RefusalText text, params (string Name, object? Value)[] arguments) =>
        _errors.Add(FieldError.Of(parameter.Name, text, arguments));

    /// <summary>The first value as given (an empty one too), else the default.</summary>
    public string? Given(QueryParameter parameter) => Expect(parameter, QueryKind.Text).FirstOrDefault() ?? parameter.Default;

    /// <summary>The first value that is not empty, else the default.</summary>
    public string? Text(QueryParameter parameter) =>
        Expect(parameter, QueryKind.Text).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? parameter.Default;

    /// <summary>Every value that is not empty (of a repeatable parameter).</summary>
    public IReadOnlyList<string> All(QueryParameter parameter) =>
        [.. Expect(parameter, parameter.Kind).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    /// <summary>One of the declared values (the first value as given, else the default), or null with the refusal the route names.</summary>
    public string? OneOf(QueryParameter parameter, RefusalText refusal, params (string Name, object? Value)[] arguments)
    {
        var value = Given(parameter);
        if (value is null || parameter.Values!.Contains(value, StringComparer.Ordinal)) return value;
        Refuse(parameter, refusal, arguments);
        return null;
    }

    public long? Whole(QueryParameter parameter, RefusalText? refusal = null) => Parse(parameter, QueryKind.Whole,
        (string v, out long n) => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out n), refusal ?? Refusals.FieldNotAWholeNumber);

    public DateOnly? Date(QueryParameter parameter) => Parse(parameter, QueryKind.Date,
        (string v, out DateOnly d) => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d), Refusals.FieldNotADate);

    public DateTimeOffset? Time(QueryParameter parameter) => Parse(parameter, QueryKind.Time,
        (string v, out DateTimeOffset t) => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out t), Refusals.FieldNotATime);

    /// <summary>A flag (absent: its default, else false), or null with the refusal the route names.</summary>
    public bool? Flag(QueryParameter parameter, RefusalText refusal, params (string Name, object? Value)[] arguments)
    {
        var text = Expect(parameter, QueryKind.Flag).FirstOrDefault() ?? parameter.Default ?? "false";
        if (bool.TryParse(text, out var value)) return value;
        Refuse(parameter, refusal, arguments);
        return null;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private T? Parse<T>(QueryParameter parameter, QueryKind kind, TryParse<T> parse, RefusalText refusal) where T : struct
    {
        var values = Expect(parameter, kind);
        if ((values.FirstOrDefault(v => !emptyIsAbsent || !string.IsNullOrEmpty(v)) ?? parameter.Default) is not { } text) return null;
        if (parse(text, out var value)) return value;
        Refuse(parameter, refusal);
        return null;
    }

    /// <summary>The parameter's values; reading it as another kind than it is declared is a fault of the route, not of the request.</summary>
    private Microsoft.Extensions.Primitives.StringValues Expect(QueryParameter parameter, QueryKind kind) =>
        parameter.Kind == kind
            ? request.Query[parameter.Name]
            : throw new InvalidOperationException($"The query parameter {parameter.Name} is declared {parameter.Kind} and read as {kind}.");
}

/// <summary>A declared query parameter as the API description shows it.</summary>
public static class QuerySchemas
{
    public static Microsoft.OpenApi.OpenApiParameter Describe(QueryParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var value = parameter.Kind switch
        {
            QueryKind.Whole => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
            QueryKind.Date => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date" },
            QueryKind.Time => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time" },
            QueryKind.Flag => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Boolean },
            // Generators name an enumeration's members after its values: values that are no words (a delimiter) are a pattern.
            _ when parameter.Values?.All(v => v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) == false =>
                new Microsoft.OpenApi.OpenApiSchema
                {
                    Type = Microsoft.OpenApi.JsonSchemaType.String,
                    Pattern = $"^({string.Join('|', parameter.Values.Select(System.Text.RegularExpressions.Regex.Escape))})$",
                },
            _ => new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.String,
                Enum = parameter.Values?.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!).ToList(),
            },
        };
        if (parameter.Default is { } text)
            value.Default = parameter.Kind switch
            {
                QueryKind.Whole => System.Text.Json.Nodes.JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
                QueryKind.Flag => System.Text.Json.Nodes.JsonValue.Create(bool.Parse(text)),
                _ => System.Text.Json.Nodes.JsonValue.Create(text),
            };
        return new Microsoft.OpenApi.OpenApiParameter
        {
            Name = parameter.Name, In = Microsoft.OpenApi.ParameterLocation.Query, Description = parameter.Description,
            Schema = parameter.Repeatable ? new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Array, Items = value } : value,
            // A query's default style (form, exploded): a repeatable parameter is given once for each value.
            Style = Microsoft.OpenApi.ParameterStyle.Form,
            Explode = true,
        };
    }
}
