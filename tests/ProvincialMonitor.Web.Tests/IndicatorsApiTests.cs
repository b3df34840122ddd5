using System.Net;
using System.Text.Json;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

public sealed class IndicatorsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_recorded_subsidy_shows_in_the_comparison_with_the_position_it_reflects()
    {
        // The figure before, once the projector holds every event the fixture recorded (its own grant among them).
        var head = await api.Silo.CountEventsAsync();
        var before = await api.Client.GetJsonWhenAsync("/api/indicators/comparison?measure=granted", c => c.GetProperty("position").GetInt64() >= head);
        var limburgBefore = Row(before, "province:limburg").GetProperty("absolute").GetDecimal();

        // Limburg's own money (the project has no participating province: the lead's, unnamed).
        var stored = await api.PostAsync(api.Fill("/api/projects/{project}/subsidies"), """{"grantRef":"CMP-1","amount":12345.67,"funder":"province"}""");
        var position = stored.GetProperty("position").GetInt64();
        var after = await api.Client.GetJsonWhenAsync("/api/indicators/comparison?measure=granted", c => c.GetProperty("position").GetInt64() >= position);

        Assert.True(after.GetProperty("position").GetInt64() >= position, "the projector caught up");
        Assert.Equal(limburgBefore + 12345.67m, Row(after, "province:limburg").GetProperty("absolute").GetDecimal());
        var capita = await api.Client.GetJsonAsync("/api/indicators/comparison?measure=granted&per=capita");
        Assert.Equal(2024, Row(capita, "province:limburg").GetProperty("denominators").GetProperty("populationYear").GetInt32());
    }

    [Fact]
    public async Task The_per_capita_comparison_answers_euro_per_inhabitant_with_Vlaanderen_as_the_unranked_total()
    {
        var capita = await api.Client.GetJsonAsync("/api/indicators/comparison?measure=granted&per=capita");
        var jobs = await api.Client.GetJsonAsync("/api/indicators/comparison?measure=granted-per-job");

        Assert.Equal("€ per inwoner", capita.GetProperty("unit").GetString());
        foreach (var row in capita.GetProperty("rows").EnumerateArray())
        {
            var inhabitants = row.GetProperty("denominators").GetProperty("inhabitants").GetInt64();
            Assert.Equal(decimal.Round(row.GetProperty("absolute").GetDecimal() / inhabitants, 2), row.GetProperty("value").GetDecimal());
        }
        var flanders = Row(capita, "flanders");
        Assert.Equal(JsonValueKind.Null, flanders.GetProperty("rank").ValueKind);
        Assert.Equal(capita.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("scope").GetString() != "flanders")
            .Sum(r => r.GetProperty("denominators").GetProperty("inhabitants").GetInt64()), flanders.GetProperty("denominators").GetProperty("inhabitants").GetInt64());
        Assert.Equal(JsonValueKind.Null, jobs.GetProperty("unit").ValueKind);
    }

    [Fact]
    public async Task Province_indicators_and_the_project_list_answer_and_bad_parameters_are_400()
    {
        var limburg = await api.Client.GetJsonAsync("/api/indicators/provinces/limburg");
        var projects = await api.Client.GetJsonWhenAsync("/api/projects?province=limburg&text=kanaal", p => p.GetProperty("total").GetInt32() > 0);
        var unknown = await api.Client.GetAsync(new Uri("/api/indicators/provinces/brussel", UriKind.Relative));
        var badPer = await api.Client.GetAsync(new Uri("/api/indicators/comparison?per=hectare", UriKind.Relative));
        var badSort = await api.Client.GetAsync(new Uri("/api/projects?sort=colour", UriKind.Relative));

        Assert.Equal("Limburg", limburg.GetProperty("name").GetString());
        Assert.Equal("Kanaalkant", projects.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    [Fact]
    public async Task A_cluster_s_figures_count_its_own_projects_and_an_unknown_cluster_is_404()
    {
        var list = await api.Client.GetJsonWhenAsync("/api/projects?cluster=vil", p => p.GetProperty("total").GetInt32() > 0);
        var vil = await api.Client.GetJsonAsync("/api/indicators/clusters/vil");
        var unknown = await api.Client.GetAsync(new Uri("/api/indicators/clusters/no-such-cluster", UriKind.Relative));

        Assert.Equal(list.GetProperty("total").GetInt32(), vil.GetProperty("measures").GetProperty("projects").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_measure_catalog_names_each_figure_s_events_and_attribution()
    {
        var measures = await api.Client.GetJsonAsync("/api/indicators/measures");

        var granted = measures.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "granted");
        Assert.Equal("Toegekend", granted.GetProperty("label").GetString());
        Assert.Equal("SubsidyGranted.v2", granted.GetProperty("eventTypes")[0].GetString());
        Assert.Equal("GrantingProvince", granted.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task The_filtered_log_pages_by_position_and_names_bad_parameters()
    {
        var page = await api.Client.GetJsonAsync("/api/events?province=limburg&type=ProvinceRegistered.v1&limit=5");
        var bad = await api.Client.GetAsync(new Uri("/api/events?effectiveFrom=gisteren&limit=0", UriKind.Relative));
        var problem = await bad.JsonAsync();

        Assert.Equal("province-limburg", page.GetProperty("events")[0].GetProperty("streamId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("effectiveFrom", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    private static JsonElement Row(JsonElement comparison, string scope) =>
        comparison.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == scope);
}
