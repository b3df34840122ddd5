using System.Net;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The campaign routes as a coordinator uses them during April.</summary>
public sealed class CampaignApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<HttpClient> CoordinatorAsync(string campaign)
    {
        var key = await api.PostAsync("/api/admin/apikeys", $$"""{"role":"coordinator","campaigns":["{{campaign}}"]}""");
        return api.Silo.CreateClientWithKey(key.GetProperty("key").GetString()!);
    }

    [Fact]
    public async Task A_coordinator_runs_a_campaign_from_launch_to_close_and_nothing_is_recorded_after_it()
    {
        const string slug = "mvdm-test-2026";
        using var coordinator = await CoordinatorAsync(slug);
        async Task<HttpResponseMessage> Post(string path, string json) => await coordinator.PostJsonAsync(path, json);

        var launched = await Post("/api/campaigns", $$"""{"slug":"{{slug}}","name":"Maand van de Markt test","periodStart":"2026-11-01","periodEnd":"2026-11-30","provinces":["limburg","antwerpen"],"targets":[{"province":"limburg","municipalities":20,"markets":30,"entries":10000}],"effectiveDate":"2026-10-15"}""");
        var municipality = await Post($"/api/campaigns/{slug}/municipalities", """{"municipality":"71004","effectiveDate":"2026-10-20"}""");
        var market = await Post($"/api/campaigns/{slug}/markets", """{"marketId":"beringen-zaterdag","name":"Markt Beringen","municipality":"71004","weekday":"saturday","traders":45,"effectiveDate":"2026-10-21"}""");
        var day = await Post($"/api/campaigns/{slug}/markets/beringen-zaterdag/days", """{"date":"2026-11-21","tradersPresent":41}""");
        var entries = await Post($"/api/campaigns/{slug}/markets/beringen-zaterdag/entries", """{"count":37,"at":"2026-11-21T09:30:00+01:00"}""");
        var unknownMarket = await Post($"/api/campaigns/{slug}/markets/nowhere/entries", """{"count":1,"at":"2026-11-21T09:30:00+01:00"}""");
        var outside = await Post($"/api/campaigns/{slug}/municipalities", """{"municipality":"44021"}""");
        var closed = await coordinator.PostAsync(new Uri($"/api/campaigns/{slug}/close", UriKind.Relative), null);
        var afterClose = await Post($"/api/campaigns/{slug}/markets/beringen-zaterdag/entries", """{"count":5,"at":"2026-11-21T10:30:00+01:00"}""");

        Assert.Equal(HttpStatusCode.Created, launched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, municipality.StatusCode);
        Assert.True(market.StatusCode == HttpStatusCode.OK, await market.Content.ReadAsStringAsync());
        Assert.True(day.StatusCode == HttpStatusCode.OK, await day.Content.ReadAsStringAsync());
        Assert.True(entries.StatusCode == HttpStatusCode.OK, await entries.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownMarket.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode); // Gent lies in Oost-Vlaanderen, not a participating province
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        var events = await api.Client.GetJsonAsync($"/api/campaigns/{slug}/markets/beringen-zaterdag/events");
        Assert.Equal(["MarketRegistered.v1", "MarketDayHeld.v1", "EntriesRegistered.v1", "MarketClosed.v1"],
            events.EnumerateArray().Select(e => e.GetProperty("eventType").GetString()));
    }

    [Fact]
    public async Task A_coordinator_acts_only_for_campaigns_in_scope_and_an_officer_not_at_all()
    {
        using var coordinator = await CoordinatorAsync("another-campaign");
        var officerKey = await api.PostAsync("/api/admin/apikeys", """{"role":"officer","provinces":["limburg"]}""");
        using var officer = api.Silo.CreateClientWithKey(officerKey.GetProperty("key").GetString()!);
        const string body = """{"slug":"not-mine-2026","name":"Niet de mijne","periodStart":"2026-11-01","periodEnd":"2026-11-30","provinces":["limburg"]}""";

        var coordinatorOut = await coordinator.PostJsonAsync("/api/campaigns", body);
        var officerOut = await officer.PostJsonAsync("/api/campaigns", body);

        Assert.Equal(HttpStatusCode.Forbidden, coordinatorOut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerOut.StatusCode);
    }
}
