using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// <c>/metrics</c> (Prometheus text, for admins and keys of the metrics role) after real traffic: commands, a replay with the same
/// Idempotency-Key, a refusal and a hub connection; and the Orleans dashboard, for admins only.
/// </summary>
public sealed class MetricsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    /// <summary>Our instruments as the Prometheus exporter prints them (dots become underscores, counters end in _total, units become suffixes).</summary>
    public static readonly string[] OurMetrics =
    [
        "provmon_events_appended_total",
        "provmon_append_batch_size_bucket",
        "provmon_append_latency_milliseconds_bucket",
        "provmon_projection_lag_events",
        "provmon_projection_lag_seconds",
        "provmon_projection_saves_total",
        "provmon_hub_connections",
        "provmon_push_latency_milliseconds_bucket",
        "provmon_idempotent_replays_total",
        "provmon_commands_refused_total",
        "provmon_chain_intact",
    ];

    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private string _url = "";
    private HttpClient _admin = null!;

    public Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        _admin = Client(SiloFactory.AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    public void Dispose() => _admin.Dispose();

    private HttpClient Client(string? key)
    {
        // Redirects are not followed, so that a redirect to the login page shows as such.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_url) };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<JsonElement> PostAsync(string path, string json, params (string, string)[] headers)
    {
        var response = await _admin.PostJsonAsync(path, json, headers);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<string> DeputyKeyAsync() =>
        (await PostAsync("/api/admin/apikeys", """{"role":"deputy"}""")).GetProperty("key").GetString()!;

    [Fact]
    public async Task After_traffic_the_metrics_endpoint_shows_every_metric_of_ours_and_Orleans_metrics()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl($"{_url}/hubs/indicators", o => o.Headers["X-Api-Key"] = SiloFactory.AdminKey)
            .Build();
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "comparison");

        var project = (await PostAsync("/api/projects", """{"title":"Meetpunt","leadProvince":"limburg","domain":"labour-market"}""")).GetProperty("id").GetString();
        var key = ("Idempotency-Key", $"metrics-{Guid.NewGuid():N}");
        var first = await PostAsync($"/api/projects/{project}/subsidies", """{"grantRef":"M-G1","amount":1000,"funder":"province"}""", key);
        var again = await PostAsync($"/api/projects/{project}/subsidies", """{"grantRef":"M-G1","amount":1000,"funder":"province"}""", key);
        Assert.Equal(first.GetProperty("position").GetInt64(), again.GetProperty("position").GetInt64());
        var refused = await _admin.PostJsonAsync("/api/projects/no-such-project/outputs", """{"metric":"jobs-created","value":1,"period":"2026"}""");
        Assert.False(refused.IsSuccessStatusCode);

        // The lag gauges are sampled in the background and by the ready check; the push flushes every 50 ms.
        var text = "";
        var missing = OurMetrics.ToList();
        for (var attempt = 0; attempt < 60 && missing.Count > 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(500);
            Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            var response = await _admin.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            missing = missing.Where(name => !HasSeries(text, name)).ToList();
        }
        output.WriteLine(string.Join('\n', text.Split('\n').Where(l => l.StartsWith("provmon_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal))));

        Assert.Empty(missing);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("provmon_commands_refused_total{", StringComparison.Ordinal) && l.Contains("kind=\"", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("provmon_hub_connections", StringComparison.Ordinal) && !l.TrimEnd().EndsWith(" 0", StringComparison.Ordinal));
    }

    private static bool HasSeries(string text, string name) =>
        text.Split('\n').Any(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal));

    [Fact]
    public async Task The_metrics_endpoint_asks_for_a_login_and_refuses_non_admins()
    {
        using var anonymous = Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var deputy = Client(await DeputyKeyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await deputy.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    private HttpClient Bearer(string key)
    {
        var client = Client(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>What a Prometheus server does with <c>authorization: { type: Bearer, credentials_file: … }</c> (docs/operations.md).</summary>
    [Fact]
    public async Task A_key_of_the_metrics_role_scrapes_with_a_bearer_token_and_reads_nothing_else()
    {
        var key = (await PostAsync("/api/admin/apikeys", """{"role":"metrics","label":"prometheus"}""")).GetProperty("key").GetString()!;
        using var prometheus = Bearer(key);
        using var adminBearer = Bearer(SiloFactory.AdminKey);

        var scrape = await prometheus.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await scrape.Content.ReadAsStringAsync();
        var read = await prometheus.GetAsync(new Uri("/api/provinces", UriKind.Relative));
        var write = await prometheus.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2031,"amount":1,"decisionRef":"PR-2025-T"}""");
        var page = await prometheus.GetAsync(new Uri("/", UriKind.Relative));
        var hub = await prometheus.PostAsync(new Uri("/hubs/indicators/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains(text.Split('\n'), l => l.StartsWith("# TYPE ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        // An admin key still reads everything, as X-Api-Key and as a bearer token.
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminBearer.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminBearer.GetAsync(new Uri("/api/provinces", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_for_admins_only()
    {
        // A page: without a login the browser goes to the login page; with a key of another role it is forbidden.
        using var anonymous = Client(null);
        var unauthenticated = await anonymous.GetAsync(new Uri("/orleans-dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, unauthenticated.StatusCode);
        Assert.StartsWith("/login", unauthenticated.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var deputy = Client(await DeputyKeyAsync());
        foreach (var path in new[] { "/orleans-dashboard/", "/orleans-dashboard/index.min.js", "/orleans-dashboard/DashboardCounters" })
            Assert.Equal(HttpStatusCode.Forbidden, (await deputy.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        var page = await _admin.GetAsync(new Uri("/orleans-dashboard/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"{(int)page.StatusCode} {html}");
        Assert.Contains("index.min.js", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(new Uri("/orleans-dashboard/index.min.js", UriKind.Relative))).StatusCode);
        var counters = await _admin.GetAsync(new Uri("/orleans-dashboard/DashboardCounters", UriKind.Relative));
        Assert.True(counters.IsSuccessStatusCode, $"{(int)counters.StatusCode} {await counters.Content.ReadAsStringAsync()}");
    }
}
