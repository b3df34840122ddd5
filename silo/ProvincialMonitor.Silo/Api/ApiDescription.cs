using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>), OpenAPI 3.0 so that generators read all of it: the request bodies of the
/// catalog commands (<see cref="CommandSchemas"/>), every problem answer with one shared problem schema, the request and
/// response headers of the action routes, and the three ways to authenticate.
/// </summary>
public static partial class ApiDescription
{
    public const string ProblemSchema = "Problem";
    private const string ProblemJson = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        // The product's API only: the routes under /api/ (not the dashboard's pages, the login, health or a third party's pages).
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        // Values first: the command schemas then take null out of what their checks require.
        options.AddSchemaTransformer(DescribeValue);
        options.AddSchemaTransformer(DescribeRequest);
        options.AddSchemaTransformer(CommandSchemas.TransformAsync);
        options.AddOperationTransformer(DescribeOperation);
        options.AddDocumentTransformer(DescribeDocument);
    }

    /// <summary>
    /// A number is a JSON number (the API reads no number from a string), a decimal exact (<c>format: decimal</c>: a
    /// generator reads it as decimal, not as a double); a JSON value of any kind has no schema.
    /// </summary>
    private static Task DescribeValue(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var value = Nullable.GetUnderlyingType(type) ?? type;
        var nullable = value != type ? JsonSchemaType.Null : 0;
        if (value == typeof(JsonElement))
        {
            schema.OneOf = null;
            schema.AnyOf = null;
            schema.Type = null;
            schema.Description = "Any JSON value.";
        }
        else if (value == typeof(decimal) || value == typeof(double) || value == typeof(float))
            Number(JsonSchemaType.Number, value == typeof(decimal) ? "decimal" : schema.Format);
        else if (value == typeof(int) || value == typeof(long) || value == typeof(short))
            Number(JsonSchemaType.Integer, schema.Format);
        return Task.CompletedTask;

        void Number(JsonSchemaType number, string? format)
        {
            schema.AnyOf = null;
            schema.Pattern = null;
            schema.Type = number | nullable;
            schema.Format = format;
        }
    }

    /// <summary>
    /// A request body read by hand (not a catalog command) needs no member the reader lets be absent: a nullable member
    /// may be left out (the reader takes it as null), whatever the record's constructor says.
    /// </summary>
    private static Task DescribeRequest(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.ParameterDescription?.Source == BindingSource.Body && context.JsonPropertyInfo is null && schema.Required is { Count: > 0 } required)
            foreach (var member in context.JsonTypeInfo.Properties.Where(p => p.IsSetNullable))
                required.Remove(member.Name);
        return Task.CompletedTask;
    }

    /// <summary>The problems a route can answer, its headers in and out, and an id and summary where the route has none.</summary>
    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        // The route as the document's paths write it: a value's name without its constraint ({position:long}: {position}).
        var route = RouteValues().Replace("/" + (description.RelativePath ?? "").TrimStart('/'), "{$1}");
        operation.OperationId ??= OperationId(method, route);
        operation.Summary ??= $"{method} {route}";
        operation.Responses ??= new OpenApiResponses();
        // A route value the handler reads itself (an action's key) is a parameter all the same.
        foreach (var name in RouteValues().Matches(route).Select(m => m.Groups[1].Value)
                     .Where(n => !(operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Path && p.Name == n)).ToList())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = Text() });
        }

        foreach (var header in metadata.OfType<ResponseHeaders>().SelectMany(h => h.Headers))
            foreach (var answer in operation.Responses.Where(r => r.Key[0] == '2').Select(r => r.Value).OfType<OpenApiResponse>())
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = Text() };
            }
        // A text answer (CSV, JSON lines) is a text, whatever type the route declares for its JSON form.
        foreach (var (type, media) in operation.Responses.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()))
            if (type.StartsWith("text/", StringComparison.Ordinal) || type == "application/x-ndjson") media.Schema = Text();

        var statuses = new SortedSet<int> { StatusCodes.Status503ServiceUnavailable };
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (!anonymous) statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        if (route.StartsWith("/api/", StringComparison.Ordinal)) statuses.Add(StatusCodes.Status429TooManyRequests);
        // What the request gives beside the path can be refused (400); a body also for its size and its media type.
        var queries = metadata.OfType<QueryDescription>().SelectMany(q => q.Parameters).ToList();
        if (queries.Count > 0 || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Header))
            statuses.Add(StatusCodes.Status400BadRequest);
        if (operation.RequestBody is not null)
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        if (route.Contains('{', StringComparison.Ordinal)) statuses.Add(StatusCodes.Status404NotFound);
        if (metadata.OfType<CommandEntry>().Any())
        {
            statuses.UnionWith([StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity]);
            operation.Parameters ??= [];
            operation.Parameters.Add(Header("Idempotency-Key", "Sends the action once: a repeat with the same key and body answers the first response (Idempotent-Replayed: true)."));
            operation.Parameters.Add(Header("If-Match", "The stream version the action expects, as the ETag of the last answer (\"3\"); another version answers 412."));
            operation.Parameters.Add(Header("X-Correlation-Id", "A GUID that ties this action to others in the audit trail.", "uuid"));
            operation.Parameters.Add(Header("X-Source", "Where the action comes from (for example an outside system's name), recorded with its events."));
            foreach (var (status, response) in operation.Responses)
                if (status is "200" or "201" && response is OpenApiResponse answer)
                {
                    answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    answer.Headers["ETag"] = new OpenApiHeader { Description = "The stream's version after the action.", Schema = Text() };
                    answer.Headers["Idempotent-Replayed"] = new OpenApiHeader { Description = "true: this answer repeats the first one to the same Idempotency-Key (nothing new was stored).", Schema = Text() };
                }
        }
        foreach (var query in queries.Where(q => !(operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query && p.Name == q.Name)))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(QuerySchemas.Describe(query));
        }
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key)) operation.Responses[key] = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
            if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable && operation.Responses[key] is OpenApiResponse retry)
            {
                retry.Headers ??= new Dictionary<string, IOpenApiHeader>();
                retry.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
            }
        }
        // In the order of their status, whatever the order the route declared them in.
        var ordered = new OpenApiResponses();
        foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal)) ordered[status] = response;
        operation.Responses = ordered;
        return Task.CompletedTask;
    }

    /// <summary>The shared problem schema under every error answer, and the security schemes (any of them will do).</summary>
    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // The same document wherever it is served from (and the copy in the repository): the silo that serves it.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The silo that serves this document." }];
        // A group's root route ("/api/provinces/") answers without its trailing slash too: described without it.
        foreach (var path in document.Paths.Keys.Where(p => p.Length > 1 && p.EndsWith('/')).ToList())
        {
            var item = document.Paths[path];
            document.Paths.Remove(path);
            if (document.Paths.TryGetValue(path.TrimEnd('/'), out var same) && same is OpenApiPathItem { Operations: { } kept } && item.Operations is { } moved)
                foreach (var (method, operation) in moved) kept[method] = operation;
            else document.Paths[path.TrimEnd('/')] = item;
        }
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        // OpenAPI 3.0 has no null type: a nullable reference ("oneOf: null or X") is X, whose schema takes any value.
        foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>())
            foreach (var (name, property) in schema.Properties?.ToList() ?? [])
                if (property is OpenApiSchema { OneOf: { Count: 2 } choices } && choices.Where(c => c.Type != JsonSchemaType.Null).ToList() is [var only])
                    schema.Properties![name] = only;
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthentication.Header,
                Description = "An API key an admin issues (provmon keys create).",
            },
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "An access token of the configured OpenID Connect provider.",
            },
            ["cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AuthenticationSetup.SessionCookie,
                Description = "The dashboard's session, after logging in at /login.",
            },
        };
        document.Security = [.. document.Components.SecuritySchemes.Keys.Select(name =>
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, document)] = [] })];
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []);
        foreach (var operation in operations)
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
                if (status[0] is '4' or '5' && response is OpenApiResponse problem)
                    problem.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    };
        return Task.CompletedTask;
    }

    /// <summary>An RFC 9457 problem as the silo answers it (docs/http-api.md "Errors").</summary>
    private static OpenApiSchema Problem()
    {
        var texts = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Text() };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A refusal (RFC 9457): nothing was stored. code names the rule (docs/http-api.md \"Errors\"), arguments fill its text.",
            Required = new SortedSet<string>(["type", "title", "status"], StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("One of the documented problem types, for example urn:provmon:problem:conflict."),
                ["title"] = Text(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text(),
                ["instance"] = Text(),
                ["traceId"] = Text(),
                ["code"] = Text("The code of the refusal, for example subsidy.overpaid."),
                ["arguments"] = texts,
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object, Description = "The English messages by field (JSON name).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text() },
                },
                ["fieldErrors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new SortedSet<string>(["field", "code", "arguments", "message"], StringComparer.Ordinal),
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["field"] = Text(), ["code"] = Text(), ["arguments"] = texts, ["message"] = Text(),
                        },
                    },
                },
            },
        };
    }

    private static OpenApiParameter Header(string name, string description, string? format = null) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = false, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format },
    };

    private static OpenApiSchema Text(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };

    /// <summary>An id for a route without a name: its method and its path's words, for example get-projects-id-events.</summary>
    private static string OperationId(string method, string route) =>
        string.Join('-', new[] { method.ToLowerInvariant() }.Concat(route.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != "api").Select(s => new string(s.Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray()).ToLowerInvariant())));

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteValues();
}
