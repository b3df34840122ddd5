using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The single GETs answer view records mapped from the grain's state (read-your-writes, ETag = stream version, no internal
/// fields), also as of a date; the cluster and campaign lists come from the catalog read model (docs/http-api.md).
/// </summary>
public sealed class ReadModelApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Internal = ["registered", "launched", "breaches", "membershipBreaches", "key", "appealDecisions"];

    private static void HasNoInternalFields(JsonElement view)
    {
        foreach (var name in Internal) Assert.False(view.TryGetProperty(name, out _), $"'{name}' is internal: {view}");
    }

    [Theory]
    [InlineData("/api/projects/{project}")]
    [InlineData("/api/provinces/limburg")]
    [InlineData("/api/clusters/vil")]
    [InlineData("/api/flanders")]
    public async Task A_single_get_answers_the_view_record_with_its_version_as_etag_live_and_as_of(string route)
    {
        var path = api.Fill(route);
        var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        var asOf = await api.Client.GetAsync(new Uri($"{path}?asOf={MonitorClock.System.Today:yyyy-MM-dd}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOf.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var live = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var then = JsonDocument.Parse(await asOf.Content.ReadAsStringAsync()).RootElement;
        HasNoInternalFields(live);
        HasNoInternalFields(then);
        Assert.Equal(live.EnumerateObject().Select(p => p.Name), then.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_get_after_a_post_sees_the_post_and_its_version()
    {
        var p = api.Fill("/api/projects/{project}");
        var posted = await api.PostAsync($"{p}/milestones", """{"milestone":"Leesbaar na schrijven"}""");

        var response = await api.Client.GetAsync(new Uri(p, UriKind.Relative));
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal($"\"{posted.GetProperty("version").GetInt64()}\"", response.Headers.ETag!.Tag);
        Assert.Contains("Leesbaar na schrijven", view.GetProperty("milestones").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1000m, view.GetProperty("grants").GetProperty("FIX-G").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task The_cluster_list_comes_from_the_read_model_as_cluster_views()
    {
        await api.PostAsync("/api/clusters", """{"slug":"lijst-t","name":"Lijstcluster","sector":"logistiek","kind":"provincial","province":"limburg"}""");

        var list = await api.Client.GetJsonWhenAsync("/api/clusters", l => l.EnumerateArray().Any(c => c.GetProperty("slug").GetString() == "lijst-t"));

        var cluster = list.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "lijst-t");
        Assert.Equal("Lijstcluster", cluster.GetProperty("name").GetString());
        HasNoInternalFields(cluster);
        var single = await api.Client.GetJsonAsync("/api/clusters/lijst-t");
        Assert.Equal(single.EnumerateObject().Select(p => p.Name), cluster.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_campaign_list_and_a_campaign_answer_campaign_views_without_breaches()
    {
        var today = MonitorClock.System.Today;
        var start = today.AddDays(30);
        await api.PostAsync("/api/campaigns", $$"""{"slug":"lijst-campagne","name":"Lijstcampagne","periodStart":"{{start:yyyy-MM-dd}}","periodEnd":"{{start.AddDays(20):yyyy-MM-dd}}","provinces":["limburg"]}""");

        var list = await api.Client.GetJsonWhenAsync("/api/campaigns", l => l.EnumerateArray().Any(c => c.GetProperty("slug").GetString() == "lijst-campagne"));
        var single = await api.Client.GetJsonAsync("/api/campaigns/lijst-campagne");

        var item = list.EnumerateArray().Single(c => c.GetProperty("slug").GetString() == "lijst-campagne");
        Assert.Equal("Lijstcampagne", item.GetProperty("name").GetString());
        HasNoInternalFields(item);
        HasNoInternalFields(single);
        Assert.Equal(single.EnumerateObject().Select(p => p.Name), item.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_market_answers_its_view_record_as_of_a_date_too()
    {
        var start = MonitorClock.System.Today.AddDays(30);
        await api.PostAsync("/api/campaigns", $$"""{"slug":"markt-view","name":"Marktview","periodStart":"{{start:yyyy-MM-dd}}","periodEnd":"{{start.AddDays(20):yyyy-MM-dd}}","provinces":["limburg"]}""");
        await api.PostAsync("/api/campaigns/markt-view/municipalities", """{"municipality":"71004"}""");
        await api.PostAsync("/api/campaigns/markt-view/markets", """{"marketId":"beringen","name":"Markt Beringen","municipality":"71004","weekday":"saturday","traders":45}""");

        var market = await api.Client.GetJsonAsync("/api/campaigns/markt-view/markets/beringen");
        var then = await api.Client.GetJsonAsync($"/api/campaigns/markt-view/markets/beringen?asOf={MonitorClock.System.Today:yyyy-MM-dd}");
        var campaign = await api.Client.GetJsonAsync("/api/campaigns/markt-view");

        HasNoInternalFields(market);
        Assert.Equal("beringen", market.GetProperty("marketId").GetString());
        Assert.Equal(0, market.GetProperty("totalEntries").GetInt32());
        Assert.Equal(market.EnumerateObject().Select(p => p.Name), then.EnumerateObject().Select(p => p.Name));
        Assert.Equal(45, campaign.GetProperty("markets").GetProperty("beringen").GetProperty("traders").GetInt32());
    }

    [Fact]
    public async Task The_dashboards_lists_timeline_and_ticker_come_from_the_catalog()
    {
        var source = api.Silo.Services.GetRequiredService<IIndicatorSource>();
        var id = api.Fill("{project}");
        var posted = await api.PostAsync($"/api/projects/{id}/milestones", """{"milestone":"Tijdlijn"}""");
        var position = posted.GetProperty("position").GetInt64();
        var deadline = MonitorClock.System.Now.UtcDateTime.AddSeconds(15);
        var project = await source.ProjectAsync(id);
        while (project!.Timeline[^1].Position < position && MonitorClock.System.Now.UtcDateTime < deadline)
        {
            await Task.Delay(100);
            project = await source.ProjectAsync(id);
        }

        var clusters = await source.ClustersAsync();
        var recent = await source.RecentEventsAsync(5);

        Assert.Equal(position, project.Timeline[^1].Position);
        Assert.Contains("Tijdlijn", project.Timeline[^1].Summary, StringComparison.Ordinal);
        Assert.Equal(posted.GetProperty("version").GetInt64(), project.Version);
        Assert.Contains(clusters, c => c.Slug == "vil");
        Assert.True(recent.Count is > 0 and <= 5);
        Assert.True(recent[0].Position >= position);
        Assert.False(await source.HasDemoDataAsync());
    }
}
