using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// A fault of the parts behind the silo, not of the request: the database is down or restarting, or the
/// silo that hosted a grain died and the cluster has not settled yet. The client gets 503 with
/// <c>Retry-After</c>, the same problem as a refused append, and may send the same request again with the
/// same <c>Idempotency-Key</c>; nothing was stored, or it was stored once and the retry replays it.
/// Any other exception stays a 500 without details.
/// </summary>
public sealed class Unavailability(ILogger<Unavailability> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || httpContext.Response.HasStarted) return false;
        logger.LogWarning("{Method} {Path}: 503, a part behind the silo is unavailable: {Reason}",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.Clear();
        await Problems.From(Refusal.Of(Refusals.SystemUnavailable))
            .ExecuteAsync(httpContext);
        return true;
    }

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        EventStoreUnavailableException => true,
        DbException db => db.IsTransient || db is Npgsql.NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException },
        SiloUnavailableException or OrleansMessageRejectionException => true,
        TimeoutException => true,
        OrleansException orleans when orleans.InnerException is { } inner => IsUnavailable(inner),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
