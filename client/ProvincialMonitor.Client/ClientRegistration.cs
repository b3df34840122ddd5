using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace ProvincialMonitor.Client;

/// <summary>
/// The client's handlers, outermost first: the idempotency key (once per request), the API key, then the standard
/// resilience handler (retries honouring <c>Retry-After</c> on 429 and 503, timeouts, a circuit breaker); handlers a caller
/// adds to the returned builder run inside it, once per attempt.
/// </summary>
public static class ClientRegistration
{
    public static IHttpClientBuilder AddProvincialMonitorClient(this IServiceCollection services, ProvincialMonitorClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = services.AddHttpClient<ProvincialMonitorClient>(http =>
        {
            http.BaseAddress = options.BaseAddress;
            // The resilience handler's total timeout bounds a request; HttpClient's own would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddHttpMessageHandler(() => new IdempotencyKeyHandler());
        if (options.ApiKey is { } key) builder.AddHttpMessageHandler(() => new ApiKeyHandler(key));
        builder.AddStandardResilienceHandler(o => Configure(o, options));
        return builder;
    }

    private static void Configure(HttpStandardResilienceOptions o, ProvincialMonitorClientOptions options)
    {
        o.Retry.MaxRetryAttempts = options.MaxRetries;
        o.Retry.ShouldRetryAfterHeader = true;
        o.Retry.Delay = TimeSpan.FromMilliseconds(500);
        o.AttemptTimeout.Timeout = options.AttemptTimeout;
        o.TotalRequestTimeout.Timeout = options.TotalTimeout;
        // The breaker must sample at least twice as long as one attempt may take.
        o.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2;
        // A 429 asks the client to slow down (Retry-After says how much): it is retried, but it is no sign of a failing silo.
        o.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        if (options.OnRetry is { } told)
            o.Retry.OnRetry = args =>
            {
                var what = args.Outcome.Result is { } response
                    ? $"{(int)response.StatusCode} {response.ReasonPhrase}"
                    : args.Outcome.Exception?.Message;
                told($"retrying {args.Outcome.Result?.RequestMessage?.RequestUri?.PathAndQuery} in {args.RetryDelay.TotalSeconds:0.#} s ({what})");
                return ValueTask.CompletedTask;
            };
    }
}
