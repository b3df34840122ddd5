using System.Globalization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>The action routes, one per command of the catalog: read the body strictly, send it through the dispatcher, answer.</summary>
public static class CommandEndpoints
{
    private static Notice[]? NoticesOf(CommandOutcome outcome) =>
        outcome.Notices is { Length: > 0 } notices ? [.. notices.Select(n => new Notice(n.Field, n.Code, n.Arguments, n.Message, n.Dutch))] : null;

    /// <summary>
    /// Maps every route of the <see cref="CommandCatalog"/>: its handler reads the body as the entry's command, sends it to the
    /// aggregate the route (or, for a new aggregate, the command) names, and answers 200, or 201 Created with the new address.
    /// </summary>
    public static IEndpointRouteBuilder MapCommandRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var entry in CommandCatalog.All.Where(e => e.Route is not null))
        {
            var created = entry.NewKey is not null;
            app.MapMethods(entry.Route!, [entry.Method], (HttpContext http, CommandDispatcher dispatcher) => HandleAsync(http, entry, dispatcher))
                .WithTags(entry.Kind.Tag)
                .WithName(entry.Action ?? entry.Command.Name)
                .WithSummary(entry.Label)
                .WithMetadata(entry)
                .Accepts(entry.Command, entry.BodyOptional, "application/json")
                .Produces(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, created ? typeof(CreatedResponse) : typeof(ActionResponse))
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }
        return app;
    }

    /// <summary>One action of the catalog: read strictly, sent through the dispatcher, answered with the stream's ETag.</summary>
    public static async Task<IResult> HandleAsync(HttpContext http, CommandEntry entry, CommandDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(entry);
        var (outcome, problem) = await SendAsync(http, entry, dispatcher);
        if (problem is not null) return problem;
        if (entry.NewKey is null)
            return Respond(outcome!, Results.Ok(new ActionResponse(outcome!.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed,
                NoticesOf(outcome))));
        // On a replay the stream is the first request's (a new project's id is the first one's).
        var key = StreamIds.KeyPart(outcome!.StreamId);
        return Respond(outcome, Results.Created($"{entry.Route}/{key}",
            new CreatedResponse(key, outcome.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed, NoticesOf(outcome))));
    }

    private static async Task<(CommandOutcome? Outcome, IResult? Problem)> SendAsync(HttpContext http, CommandEntry entry, CommandDispatcher dispatcher)
    {
        var body = await RequestBody.ReadAsync(http.Request, entry.Command, entry.BodyOptional);
        if (body.Problem is not null) return (null, body.Problem);
        if (!TryExpectedVersion(http.Request, out var expected)) return (null, Problems.Invalid400("If-Match", Refusals.FieldNotAVersion));

        var (source, invalidSource) = RequestSources.Of(http);
        if (invalidSource is not null) return (null, invalidSource);

        string RouteValue(string name) => http.Request.RouteValues[name] as string ?? "";
        var command = (Command)body.Value!;
        if (entry.FromRoute is { } fromRoute) command = fromRoute(command, RouteValue);
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var request = new CommandRequest(Principals.Of(http), source, idempotencyKey,
            RequestBody.RequestHash(http.Request, body.CanonicalText), expected, CorrelationId(http));
        var outcome = await dispatcher.SendAsync(entry.KeyOf(command, RouteValue), command, request);
        return outcome.Refusal is { } refusal ? (null, Problems.From(refusal)) : (outcome, null);
    }

    /// <summary>Adds the stream version as ETag, and marks a replayed first response.</summary>
    public static IResult Respond(CommandOutcome outcome, IResult result)
    {
        result = new Problems.WithHeader(result, "ETag", ETag(outcome.Version));
        return outcome.Replayed ? new Problems.WithHeader(result, "Idempotent-Replayed", "true") : result;
    }

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static bool TryExpectedVersion(HttpRequest request, out long? expected)
    {
        expected = null;
        var header = request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(header)) return true;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        if (long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expected = version;
            return true;
        }
        return false;
    }

    private static Guid? CorrelationId(HttpContext http) =>
        Guid.TryParse(http.Request.Headers["X-Correlation-Id"].FirstOrDefault(), out var id) ? id : null;
}
