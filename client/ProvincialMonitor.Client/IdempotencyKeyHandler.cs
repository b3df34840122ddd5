namespace ProvincialMonitor.Client;

/// <summary>
/// Gives every write request an <c>Idempotency-Key</c> unless it has one. It sits outside (before) the resilience handler,
/// so each retry of the request carries the same key and the silo stores the command once.
/// </summary>
public sealed class IdempotencyKeyHandler : DelegatingHandler
{
    public const string Header = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && !request.Headers.Contains(Header))
            request.Headers.Add(Header, Guid.NewGuid().ToString("N"));
        return base.SendAsync(request, cancellationToken);
    }
}
