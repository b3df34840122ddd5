using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Client;

/// <summary>
/// The HTTP API, typed: an action of the command catalog by its typed method (<see cref="ActionMethods"/>) or by its route
/// (<see cref="SendAsync"/>), the indicators, campaigns
/// and the log. A refusal throws <see cref="ApiProblemException"/>. Made by <see cref="ClientRegistration.AddProvincialMonitorClient"/>
/// or <see cref="Create"/>, whose handlers retry with the same idempotency key.
/// </summary>
public sealed class ProvincialMonitorClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = ClientJson.Reading;
    private static readonly JsonSerializerOptions Body = ClientJson.Writing;
    private ServiceProvider? _owner;

    /// <summary>A client with its own handlers; <paramref name="primary"/> reaches the silo (a socket handler when null).</summary>
    public static ProvincialMonitorClient Create(ProvincialMonitorClientOptions options, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddProvincialMonitorClient(options);
        if (primary is not null) builder.ConfigurePrimaryHttpMessageHandler(primary);
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ProvincialMonitorClient>();
        client._owner = provider;
        return client;
    }

    /// <summary>
    /// A client over an HttpClient that is already set up (its address, its headers, a test server's handler): the
    /// client's handlers run first, then the request goes through <paramref name="inner"/>.
    /// </summary>
    public static ProvincialMonitorClient Over(HttpClient inner, ProvincialMonitorClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new ProvincialMonitorClientOptions();
        options.BaseAddress ??= inner.BaseAddress;
        return Create(options, () => new ForwardingHandler(inner));
    }

    /// <summary>The silo's address.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>
    /// The client's own HttpClient, for a route without a typed method here (an upload, an export, an admin route):
    /// what is sent through it passes the same handlers (the idempotency key, the API key, the retries).
    /// </summary>
    public HttpClient Http => http;

    /// <summary>Sends <paramref name="command"/> as JSON to an action route (e.g. <c>/api/campaigns/{slug}/markets</c>).</summary>
    public Task<CommandResult> SendAsync(string route, object command, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(route, JsonSerializer.Serialize(command, command?.GetType() ?? typeof(object), Body), idempotencyKey, cancellationToken);

    /// <summary>Sends a JSON body as written to an action route; the same <paramref name="idempotencyKey"/> again stores nothing new.</summary>
    public async Task<CommandResult> SendJsonAsync(string route, string json, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(route, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null) request.Headers.Add(IdempotencyKeyHandler.Header, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = JsonSerializer.Deserialize<ActionResponse>(body, Json)!;
        var created = response.StatusCode == System.Net.HttpStatusCode.Created
            ? JsonSerializer.Deserialize<CreatedResponse>(body, Json)!.Id
            : null;
        return new CommandResult(answer, created);
    }

    /// <summary>The live indicators of a province (its slug).</summary>
    public Task<ScopeIndicators> GetProvinceAsync(string slug, CancellationToken cancellationToken = default) =>
        GetAsync<ScopeIndicators>($"/api/indicators/provinces/{Uri.EscapeDataString(slug)}", cancellationToken);

    /// <summary>The live indicators of Flanders.</summary>
    public Task<ScopeIndicators> GetFlandersAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ScopeIndicators>("/api/indicators/flanders", cancellationToken);

    /// <summary>The five provinces and Flanders on one measure, divided <paramref name="per"/> (absolute, capita, municipality).</summary>
    public Task<Comparison> GetComparisonAsync(string measure = "granted", string per = "absolute", CancellationToken cancellationToken = default) =>
        GetAsync<Comparison>($"/api/indicators/comparison?measure={Uri.EscapeDataString(measure)}&per={Uri.EscapeDataString(per)}", cancellationToken);

    /// <summary>The campaigns launched.</summary>
    public Task<CampaignListItem[]> GetCampaignsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<CampaignListItem[]>("/api/indicators/campaigns", cancellationToken);

    /// <summary>One campaign's live figures.</summary>
    public Task<CampaignFigures> GetCampaignAsync(string slug, CancellationToken cancellationToken = default) =>
        GetAsync<CampaignFigures>($"/api/indicators/campaigns/{Uri.EscapeDataString(slug)}", cancellationToken);

    /// <summary>A page of the log after <paramref name="after"/>, optionally of one stream or one campaign.</summary>
    public Task<EventsPage> GetEventsAsync(long after = 0, int limit = 100, string? stream = null, string? campaign = null,
        CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"/api/events?after={after}&limit={limit}"));
        if (stream is not null) query.Append(CultureInfo.InvariantCulture, $"&stream={Uri.EscapeDataString(stream)}");
        if (campaign is not null) query.Append(CultureInfo.InvariantCulture, $"&campaign={Uri.EscapeDataString(campaign)}");
        return GetAsync<EventsPage>(query.ToString(), cancellationToken);
    }

    /// <summary>A GET of any read route, its JSON read as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string route, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(route, UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private static async Task<ApiProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiProblem? problem = null;
        try
        {
            problem = JsonSerializer.Deserialize<ApiProblem>(text, Json);
        }
        catch (JsonException)
        {
            // not a problem document: the text as it came
        }
        var status = (int)response.StatusCode;
        problem = problem is null || problem.Status == 0
            ? (problem ?? new ApiProblem(null, response.ReasonPhrase, status, text, null, null, null, null)) with { Status = status }
            : problem;
        return new ApiProblemException(problem);
    }

    public void Dispose()
    {
        http.Dispose();
        _owner?.Dispose();
    }

    /// <summary>
    /// The innermost handler of <see cref="Over"/>: hands each attempt to an HttpClient that is already set up, as a copy of
    /// the request (an HttpClient sends a request message once; a retry sends the same message again).
    /// </summary>
    private sealed class ForwardingHandler(HttpClient inner) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var attempt = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, Content = request.Content };
            foreach (var (name, values) in request.Headers) attempt.Headers.TryAddWithoutValidation(name, values);
            try
            {
                return await inner.SendAsync(attempt, cancellationToken);
            }
            finally
            {
                attempt.Content = null; // the request's own, reused by the next attempt
            }
        }
    }
}
