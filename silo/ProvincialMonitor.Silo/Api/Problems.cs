using Microsoft.AspNetCore.Mvc;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// Every refusal is an RFC 9457 problem with one of these documented types (docs/http-api.md "Errors"), its <c>code</c> and
/// <c>arguments</c> (the table <see cref="Refusals"/>), and for a request that is not valid its <c>errors</c> by field
/// and each error's code (<c>fieldErrors</c>); a refused request writes nothing.
/// </summary>
public static class Problems
{
    public const string Invalid = "urn:provmon:problem:invalid";
    public const string Unauthenticated = "urn:provmon:problem:unauthenticated";
    public const string Forbidden = "urn:provmon:problem:forbidden";
    public const string NotFound = "urn:provmon:problem:not-found";
    public const string Conflict = "urn:provmon:problem:conflict";
    public const string PreconditionFailed = "urn:provmon:problem:precondition-failed";
    public const string IdempotencyKeyReused = "urn:provmon:problem:idempotency-key-reused";
    public const string TooLarge = "urn:provmon:problem:too-large";
    public const string UnsupportedMediaType = "urn:provmon:problem:unsupported-media-type";
    public const string Unavailable = "urn:provmon:problem:unavailable";
    public const string TooManyRequests = "urn:provmon:problem:too-many-requests";
    public const string Fault = "urn:provmon:problem:fault";

    /// <summary>
    /// The type of a problem that a part of the framework answers (a route that does not exist, an unexpected fault,
    /// an error body in another form) by its status; null for a status none of these types describes.
    /// </summary>
    private static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Invalid,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status500InternalServerError => Fault,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => null,
    };

    public static IResult From(Refusal refusal)
    {
        var (status, type, title) = refusal.Kind switch
        {
            RefusalKind.Invalid => (StatusCodes.Status400BadRequest, Invalid, "The request is invalid."),
            RefusalKind.Forbidden => (StatusCodes.Status403Forbidden, Forbidden, "You may not do this."),
            RefusalKind.NotFound => (StatusCodes.Status404NotFound, NotFound, "Not found."),
            RefusalKind.Conflict => (StatusCodes.Status409Conflict, Conflict, "A rule refuses this."),
            RefusalKind.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, PreconditionFailed, "The version has changed."),
            RefusalKind.IdempotencyKeyReused => (StatusCodes.Status422UnprocessableEntity, IdempotencyKeyReused, "The Idempotency-Key was used for another request."),
            _ => (StatusCodes.Status503ServiceUnavailable, Unavailable, "The store is unavailable."),
        };
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = refusal.Message };
        problem.Extensions["code"] = refusal.Code;
        problem.Extensions["arguments"] = refusal.Arguments;
        if (refusal.Errors.Length > 0)
        {
            problem.Extensions["errors"] = refusal.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            problem.Extensions["fieldErrors"] = refusal.Errors.Select(e => new FieldProblem(e.Field, e.Code, e.Arguments, e.Message)).ToArray();
        }
        var result = Results.Problem(problem);
        return refusal.Kind == RefusalKind.Unavailable ? new WithHeader(result, "Retry-After", "5") : result;
    }

    public static IResult Invalid400(string field, RefusalText text, params (string Name, object? Value)[] arguments) => From(Refusal.Invalid(field, text, arguments));

    public static IResult Of(int status, string type, string title, string detail) =>
        Results.Problem(new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail });

    /// <summary>A problem for a status that a part of the framework chose, with the type of <see cref="TypeOf"/>.</summary>
    public static IResult OfStatus(int status, string? detail) => Results.Problem(new ProblemDetails
    {
        Status = status, Type = TypeOf(status), Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), Detail = detail,
    });

    /// <summary>A result with one more response header (Retry-After, ETag).</summary>
    public sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
