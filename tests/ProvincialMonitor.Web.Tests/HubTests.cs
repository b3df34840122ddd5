using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The hub as any SignalR client uses it: a real HubConnection over WebSockets to a silo on a real port.</summary>
public sealed class HubTests : IAsyncLifetime, IDisposable
{
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private string _url = "";
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _url = _silo.ServeOnKestrel();
        _api = new HttpClient { BaseAddress = new Uri(_url) };
        _api.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    public void Dispose() => _api.Dispose();

    private HubConnection Connect(string? apiKey = SiloFactory.AdminKey) => new HubConnectionBuilder()
        .WithUrl($"{_url}/hubs/indicators", o => { if (apiKey is not null) o.Headers["X-Api-Key"] = apiKey; })
        .Build();

    private async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await _api.PostJsonAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_subscribed_client_receives_the_new_figure_after_a_subsidy_is_posted()
    {
        var project = (await PostAsync("/api/projects", """{"title":"Eiland Zwijnaarde","leadProvince":"oost-vlaanderen","domain":"spatial-economy"}""")).GetProperty("id").GetString();
        await using var hub = Connect();
        var changes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("ComparisonChanged", c => changes.Writer.TryWrite(c));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "comparison");

        var stored = await PostAsync($"/api/projects/{project}/subsidies", """{"grantRef":"EZ-G1","amount":250000,"funder":"pom"}""");
        var position = stored.GetProperty("position").GetInt64();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        JsonElement change;
        do change = await changes.Reader.ReadAsync(timeout.Token);
        while (change.GetProperty("position").GetInt64() < position);

        var ovl = change.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "province:oost-vlaanderen");
        Assert.Equal(250000m, ovl.GetProperty("measures").GetProperty("granted").GetDecimal());
    }

    [Fact]
    public async Task A_reconnecting_client_gets_what_it_missed_and_snapshots_on_request()
    {
        await using var hub = Connect();
        await hub.StartAsync();
        var comparison = await hub.InvokeAsync<JsonElement>("GetComparison");
        var seen = comparison.GetProperty("position").GetInt64();
        await hub.StopAsync();

        var missed = await PostAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2026,"amount":4321,"decisionRef":"PR-2025-T"}""");
        await hub.StartAsync();
        var events = await hub.InvokeAsync<JsonElement>("GetEventsSince", seen);
        var limburg = await hub.InvokeAsync<JsonElement>("GetProvince", "limburg");

        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("position").GetInt64() == missed.GetProperty("position").GetInt64()
            && e.GetProperty("summary").GetString()!.Contains("4.321,00", StringComparison.Ordinal));
        Assert.Equal(6, comparison.GetProperty("scopes").GetArrayLength());
        Assert.Equal("Limburg", limburg.GetProperty("name").GetString());
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "province:brussel"));
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients()
    {
        await using var hub = Connect(apiKey: null);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
    }

    [Fact]
    public async Task A_campaign_subscriber_receives_the_new_entry_count_and_the_API_and_the_snapshot_agree()
    {
        var today = MonitorClock.System.Today;
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        const string slug = "hub-markt";
        await PostAsync("/api/campaigns", $$"""{"slug":"{{slug}}","name":"Hubmarkt","periodStart":"{{Day(-5)}}","periodEnd":"{{Day(5)}}","provinces":["limburg","antwerpen"],"targets":[{"province":"limburg","municipalities":2,"markets":3,"entries":100}],"effectiveDate":"{{Day(-6)}}"}""");
        await PostAsync($"/api/campaigns/{slug}/municipalities", """{"municipality":"71004"}""");
        await PostAsync($"/api/campaigns/{slug}/markets", """{"marketId":"beringen","name":"Markt Beringen","municipality":"71004","weekday":"saturday","traders":45}""");

        await using var hub = Connect();
        var changes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("CampaignChanged", c => changes.Writer.TryWrite(c));
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", $"campaign:{slug}");

        var at = MonitorClock.System.Now.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var stored = await PostAsync($"/api/campaigns/{slug}/markets/beringen/entries", $$"""{"count":37,"at":"{{at}}"}""");
        var position = stored.GetProperty("position").GetInt64();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        JsonElement change;
        do change = await changes.Reader.ReadAsync(timeout.Token);
        while (change.GetProperty("position").GetInt64() < position);

        static JsonElement Limburg(JsonElement figures) =>
            figures.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "province:limburg");
        Assert.Equal(slug, change.GetProperty("slug").GetString());
        Assert.Equal(37, Limburg(change).GetProperty("entriesTotal").GetInt64());
        Assert.Equal(37, Limburg(change).GetProperty("entriesOnDay").GetInt64());
        Assert.Equal(45, Limburg(change).GetProperty("traders").GetInt32());
        Assert.Equal(100, Limburg(change).GetProperty("target").GetProperty("entries").GetInt64());

        var snapshot = await hub.InvokeAsync<JsonElement>("GetCampaign", slug);
        var http = JsonDocument.Parse(await _api.GetStringAsync(new Uri($"/api/indicators/campaigns/{slug}", UriKind.Relative))).RootElement;
        Assert.Equal(37, Limburg(snapshot).GetProperty("entriesTotal").GetInt64());
        Assert.Equal(37, Limburg(http).GetProperty("entriesTotal").GetInt64());
        Assert.Contains(JsonDocument.Parse(await _api.GetStringAsync(new Uri("/api/indicators/campaigns", UriKind.Relative))).RootElement.EnumerateArray(),
            c => c.GetProperty("slug").GetString() == slug && c.GetProperty("entriesTotal").GetInt64() == 37);

        var missing = await _api.GetAsync(new Uri("/api/indicators/campaigns/no-such-campaign", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("GetCampaign", "no-such-campaign"));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "campaign:Not A Slug"));
    }
}
