using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Client;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Web.Tests;

/// <summary>ProvincialMonitor.Client against a real silo on a real port: retries, refusals and the typed hub.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private const string NewProject = """{"title":"Eiland Zwijnaarde","leadProvince":"oost-vlaanderen","domain":"spatial-economy"}""";
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private Uri _url = null!;

    public Task InitializeAsync()
    {
        _url = new Uri(_silo.ServeOnKestrel());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private ProvincialMonitorClientOptions Options => new() { BaseAddress = _url, ApiKey = SiloFactory.AdminKey };

    [Fact]
    public async Task A_429_and_a_503_with_Retry_After_are_retried_with_the_same_key_and_the_command_is_stored_once()
    {
        var flaky = new FlakyFront(TimeSpan.FromSeconds(2));
        var services = new ServiceCollection();
        services.AddProvincialMonitorClient(Options).AddHttpMessageHandler(() => flaky);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ProvincialMonitorClient>();

        var result = await client.SendJsonAsync("/api/projects", NewProject);

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created], flaky.Answers);
        var key = Assert.Single(flaky.Keys.Distinct());
        Assert.False(string.IsNullOrWhiteSpace(key));
        // Retry-After: 2 is honoured, not the handler's own 0.5 s and 1 s pauses.
        Assert.All(flaky.Pauses, pause => Assert.True(pause >= TimeSpan.FromSeconds(1.9), $"paused only {pause}"));
        // The 503 hid a stored command: the third attempt is its replay, and the log holds one event of the new project.
        Assert.True(result.Replayed);
        Assert.NotNull(result.CreatedId);
        var stream = await client.GetEventsAsync(stream: result.Answer.StreamId);
        var stored = Assert.Single(stream.Events);
        Assert.Equal("ProjectRegistered.v1", stored.EventType);
        var all = await client.GetEventsAsync(limit: 1000);
        Assert.Single(all.Events, e => e.StreamId == result.Answer.StreamId);
    }

    [Fact]
    public async Task Over_an_HttpClient_that_is_set_up_the_retries_go_through_it_with_the_same_key()
    {
        var flaky = new FlakyFront(TimeSpan.FromSeconds(1)) { InnerHandler = new SocketsHttpHandler() };
        using var inner = new HttpClient(flaky) { BaseAddress = _url };
        inner.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        using var client = ProvincialMonitorClient.Over(inner);

        var result = await client.SendJsonAsync("/api/projects", NewProject);

        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created], flaky.Answers);
        Assert.Single(flaky.Keys.Distinct());
        Assert.True(result.Replayed);
        Assert.Single((await client.GetEventsAsync(stream: result.Answer.StreamId)).Events);
    }

    [Fact]
    public async Task A_refusal_comes_back_as_typed_problem_details_naming_the_field()
    {
        using var client = ProvincialMonitorClient.Create(Options);
        var project = await client.SendJsonAsync("/api/projects", NewProject);

        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => client.SendAsync(
            $"/api/projects/{project.CreatedId}/subsidies", new { grantRef = "B-1", amount = -5, funder = "province" }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("request.invalid", refused.Problem.Code);
        var error = Assert.Single(refused.Problem.FieldErrors!);
        Assert.Equal(("amount", "field.not-positive"), (error.Field, error.Code));
        Assert.Equal(["amount"], refused.Problem.Fields);
        Assert.Single(await EventsOfAsync(client, project.Answer.StreamId));
    }

    [Fact]
    public async Task The_typed_hub_client_receives_the_event_and_the_new_figures_after_a_command()
    {
        using var client = ProvincialMonitorClient.Create(Options);
        await using var hub = new IndicatorsHubClient(_url, SiloFactory.AdminKey);
        var recorded = Channel.CreateUnbounded<EventSummary>();
        var province = Channel.CreateUnbounded<ScopeIndicators>();
        hub.EventRecorded += e => recorded.Writer.TryWrite(e);
        hub.ProvinceChanged += s => province.Writer.TryWrite(s);
        await hub.StartAsync();
        await hub.SubscribeAsync(IndicatorsTopics.Events);
        await hub.SubscribeAsync(IndicatorsTopics.Province("oost-vlaanderen"));

        var project = await client.SendJsonAsync("/api/projects", NewProject);
        var subsidy = await client.SendAsync($"/api/projects/{project.CreatedId}/subsidies", new { grantRef = "EZ-G1", amount = 250000, funder = "pom" });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        EventSummary e;
        do e = await recorded.Reader.ReadAsync(timeout.Token);
        while (e.Position < subsidy.Position);
        Assert.Equal(subsidy.Position, e.Position);
        Assert.Equal(subsidy.Answer.StreamId, e.StreamId);
        ScopeIndicators figures;
        do figures = await province.Reader.ReadAsync(timeout.Token);
        while (figures.Position < subsidy.Position);
        Assert.Equal(250000m, figures.Measures["granted"]);
        Assert.Equal(250000m, (await client.GetProvinceAsync("oost-vlaanderen")).Measures["granted"]);
    }

    [Fact]
    public void The_client_and_its_records_reference_no_Orleans_assembly()
    {
        foreach (var assembly in new[] { typeof(ProvincialMonitorClient).Assembly, typeof(ScopeIndicators).Assembly })
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Orleans", StringComparison.Ordinal));
    }

    private static async Task<IEnumerable<EventResponse>> EventsOfAsync(ProvincialMonitorClient client, string stream) =>
        (await client.GetEventsAsync(stream: stream)).Events;

    /// <summary>
    /// In front of the real API, once per attempt of a POST: the first is answered 429 and never reaches the silo; the second reaches
    /// it (the command is stored) but its answer is lost to a 503; both say Retry-After. The third passes.
    /// </summary>
    private sealed class FlakyFront(TimeSpan retryAfter) : DelegatingHandler
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private TimeSpan? _last;

        public List<HttpStatusCode> Answers { get; } = [];
        public List<string> Keys { get; } = [];
        public List<TimeSpan> Pauses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post) return await base.SendAsync(request, cancellationToken);
            var now = _watch.Elapsed;
            if (_last is { } last) Pauses.Add(now - last);
            _last = now;
            Keys.Add(request.Headers.TryGetValues(IdempotencyKeyHandler.Header, out var keys) ? string.Join(",", keys) : "");
            HttpResponseMessage answer;
            if (Answers.Count == 0) answer = Refuse(HttpStatusCode.TooManyRequests);
            else if (Answers.Count == 1)
            {
                (await base.SendAsync(request, cancellationToken)).Dispose();
                answer = Refuse(HttpStatusCode.ServiceUnavailable);
            }
            else answer = await base.SendAsync(request, cancellationToken);
            Answers.Add(answer.StatusCode);
            return answer;
        }

        private HttpResponseMessage Refuse(HttpStatusCode status)
        {
            var response = new HttpResponseMessage(status);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
            return response;
        }
    }
}
