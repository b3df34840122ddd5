using Microsoft.AspNetCore.Diagnostics;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// A request the framework cannot read (a route or query value that is not of its type, a form without a valid
/// antiforgery token, a body over the server's limit) answers the status the framework gives it (400, 413) as a
/// problem with the reason as its detail, not as a fault. In Development the minimal APIs throw these; elsewhere they
/// answer the status without a body, which the status code pages make the same problem without the detail.
/// </summary>
public sealed class BadRequests : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        httpContext.Response.Clear();
        await Problems.OfStatus(bad.StatusCode, bad.Message).ExecuteAsync(httpContext);
        return true;
    }
}
