using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Faults;

/// <summary>What became of one action of the load.</summary>
public sealed record ActionOutcome(long Number, string DecisionRef, string Province, decimal Amount, bool Acknowledged,
    long Position, int Attempts, double Milliseconds, int? FinalStatus);

/// <summary>One HTTP answer (or failure to get one) seen by the load, for the figures of a fault window.</summary>
public sealed record Answer(DateTime At, int Silo, int Status, bool RetryAfter);

/// <summary>
/// A steady write load: budget allocations of the five provinces, spread over the silos, each with its own
/// Idempotency-Key (also its decisionRef, so that the store can be searched for it). A failure is retried,
/// on the next silo, with the same key, until it is acknowledged (2xx) or refused (4xx) or time runs out.
/// </summary>
public sealed class WriteLoad(ClusterControl cluster, string runId, Func<int, bool> siloUp)
{
    public static readonly string[] Provinces = ["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"];

    private static readonly string[] Domains = [.. PolicyDomains.DutchNames.Keys];

    private readonly ConcurrentQueue<ActionOutcome> _outcomes = new();
    private readonly ConcurrentQueue<Answer> _answers = new();

    public IReadOnlyCollection<ActionOutcome> Outcomes => _outcomes;
    public IReadOnlyCollection<Answer> Answers => _answers;
    public string Prefix => $"LOAD-{runId}-";

    public async Task RunAsync(TimeSpan duration, int perSecond, TimeSpan drain, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = 32,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        var clock = Stopwatch.StartNew();
        var total = (long)(duration.TotalSeconds * perSecond);
        var deadline = duration + drain;
        long next = -1;
        var workers = Enumerable.Range(0, 48).Select(async _ =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= total) return;
                var due = TimeSpan.FromSeconds((double)n / perSecond);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
                _outcomes.Enqueue(await SendAsync(http, n, clock, deadline, cancellationToken));
            }
        });
        await Task.WhenAll(workers);
    }

    private async Task<ActionOutcome> SendAsync(HttpClient http, long n, Stopwatch clock, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var province = Provinces[n % Provinces.Length];
        var amount = 1000m + n;
        var decisionRef = Prefix + n.ToString(CultureInfo.InvariantCulture);
        // A credit is allocated once per province, domain and year: action n takes its own domain and year (distinct for 3,885 actions).
        var k = n / Provinces.Length;
        var domain = Domains[(int)(k % Domains.Length)];
        var year = 1990 + (int)(k / Domains.Length % 111);
        var body = JsonSerializer.Serialize(new { domain, year, amount, decisionRef, body = "provincieraad" });
        var started = clock.Elapsed;
        int? lastStatus = null;
        for (var attempt = 1; ; attempt++)
        {
            // Round the silos, skipping those the scenario has taken down; the first try goes to silo n mod N.
            var silo = (int)((n + attempt - 1) % cluster.Silos) + 1;
            for (var skip = 0; skip < cluster.Silos && !siloUp(silo); skip++) silo = silo % cluster.Silos + 1;
            var wait = TimeSpan.FromMilliseconds(200);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Url(silo), $"/api/provinces/{province}/budgets"))
                {
                    Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", decisionRef);
                using var response = await http.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                lastStatus = status;
                _answers.Enqueue(new Answer(MonitorClock.System.Now.UtcDateTime, silo, status, response.Headers.RetryAfter is not null));
                if (response.IsSuccessStatusCode)
                {
                    var ack = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    return new ActionOutcome(n, decisionRef, province, amount, true, ack.GetProperty("position").GetInt64(), attempt,
                        (clock.Elapsed - started).TotalMilliseconds, status);
                }
                if (status is >= 400 and < 500 && status != (int)HttpStatusCode.TooManyRequests)
                    return new ActionOutcome(n, decisionRef, province, amount, false, 0, attempt, (clock.Elapsed - started).TotalMilliseconds, status);
                if (response.Headers.RetryAfter?.Delta is { } delta) wait = delta < TimeSpan.FromSeconds(2) ? delta : TimeSpan.FromSeconds(2);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                lastStatus = 0;
                _answers.Enqueue(new Answer(MonitorClock.System.Now.UtcDateTime, silo, 0, false));
            }
            if (clock.Elapsed > deadline)
                return new ActionOutcome(n, decisionRef, province, amount, false, 0, attempt, (clock.Elapsed - started).TotalMilliseconds, lastStatus);
            await Task.Delay(wait, cancellationToken);
        }
    }
}
