namespace ProvincialMonitor.Client;

/// <summary>Where the silo is, the API key to send, and how patient a request may be.</summary>
public sealed class ProvincialMonitorClientOptions
{
    /// <summary>The silo's address, for example <c>http://localhost:5080/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key (<c>pmk_…</c>), sent as <c>X-Api-Key</c>; none for the anonymous routes.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Retries after the first attempt, of a 408, 429, 5xx or a lost connection (each with the same idempotency key).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The longest one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a request may take, its retries and their pauses included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Told of each retry: what failed and how long the pause before the next attempt is.</summary>
    public Action<string>? OnRetry { get; set; }
}
