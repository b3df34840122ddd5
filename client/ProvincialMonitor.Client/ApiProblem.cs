using System.Net;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Client;

/// <summary>
/// A refusal as the API answers it (RFC 9457 problem details): its type, the refusal's <see cref="Code"/> and
/// <see cref="Arguments"/>, and for a request that is not valid the errors by field (<see cref="FieldErrors"/>).
/// </summary>
public sealed record ApiProblem(
    string? Type, string? Title, int Status, string? Detail, string? Code,
    IReadOnlyDictionary<string, string>? Arguments, IReadOnlyDictionary<string, string[]>? Errors, FieldProblem[]? FieldErrors)
{
    /// <summary>The fields the refusal names.</summary>
    public IEnumerable<string> Fields => FieldErrors?.Select(e => e.Field) ?? Errors?.Keys ?? [];
}

/// <summary>The API refused the request (or was still unavailable after the retries): the problem it answered.</summary>
public sealed class ApiProblemException(ApiProblem problem)
    : Exception($"{problem.Status} {problem.Title}: {problem.Detail}".TrimEnd(' ', ':'))
{
    public ApiProblem Problem { get; } = problem;

    public HttpStatusCode StatusCode => (HttpStatusCode)Problem.Status;
}
