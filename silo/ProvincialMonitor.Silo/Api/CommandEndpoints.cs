using System.Globalization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>What every action route does: read the body strictly, send it through the dispatcher, answer.</summary>
public static class CommandEndpoints
{
    public sealed record ActionResponse(string StreamId, long Version, long Position, Guid[] EventIds, bool Replayed);

    public sealed record CreatedResponse(string Id, string StreamId, long Version, long Position, Guid[] EventIds, bool Replayed);

    /// <summary>
    /// An action on the aggregate <paramref name="key"/>; <paramref name="adjust"/> puts route values into the
    /// command; with <paramref name="bodyOptional"/> an empty body counts as <c>{}</c>.
    /// </summary>
    public static async Task<IResult> HandleAsync<TGrain, TCommand>(
        HttpContext http, string key, CommandDispatcher dispatcher, Func<TCommand, TCommand>? adjust = null, bool bodyOptional = false)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var (outcome, problem) = await SendAsync<TGrain, TCommand>(http, _ => key, dispatcher, adjust, bodyOptional);
        if (problem is not null) return problem;
        return Respond(outcome!, Results.Ok(new ActionResponse(outcome!.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed)));
    }

    public static async Task<(CommandOutcome? Outcome, IResult? Problem)> SendAsync<TGrain, TCommand>(
        HttpContext http, Func<TCommand, string> keyOf, CommandDispatcher dispatcher, Func<TCommand, TCommand>? adjust = null, bool bodyOptional = false)
        where TGrain : IAggregateGrain<TCommand>
        where TCommand : Command
    {
        var body = await RequestBody.ReadAsync<TCommand>(http.Request, bodyOptional);
        if (body.Problem is not null) return (null, body.Problem);
        if (!TryExpectedVersion(http.Request, out var expected)) return (null, Problems.Invalid400("If-Match", Refusals.FieldNotAVersion));

        var (source, invalidSource) = RequestSources.Of(http);
        if (invalidSource is not null) return (null, invalidSource);

        var command = adjust is null ? body.Value! : adjust(body.Value!);
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var request = new CommandRequest(Principals.Of(http), source, idempotencyKey,
            RequestBody.RequestHash(http.Request, body.CanonicalText), expected, CorrelationId(http));
        var outcome = await dispatcher.SendAsync<TGrain, TCommand>(keyOf(command), command, request);
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
