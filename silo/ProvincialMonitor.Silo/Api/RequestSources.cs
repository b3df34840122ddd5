using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Security;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The source recorded in an event's metadata. A client may say how its request came about with
/// <c>X-Source: api | import | simulator</c> (default <c>api</c>); nothing else is accepted, so that
/// <c>form</c>, <c>reference</c> and <c>demo</c> stay with the silo's own writers. Only the silo's demo
/// simulation (<see cref="InProcessKey"/>) may send <c>X-Source: demo</c>.
/// </summary>
public static class RequestSources
{
    public const string Header = "X-Source";

    public static readonly IReadOnlyList<string> FromClients = [Sources.Api, Sources.Import, Sources.Simulator];

    /// <summary>The source of the request, or a 400 problem for a value outside the allowed set.</summary>
    public static (string Source, IResult? Problem) Of(HttpContext http)
    {
        var header = http.Request.Headers[Header].FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(header)) return (Sources.Api, null);
        if (FromClients.Contains(header)) return (header, null);
        if (header == Sources.Demo && InProcessKey.IsInProcess(http.User)) return (header, null);
        return (Sources.Api, Problems.Invalid400(Header, Refusals.FieldNotListed, ("options", string.Join(", ", FromClients))));
    }
}
