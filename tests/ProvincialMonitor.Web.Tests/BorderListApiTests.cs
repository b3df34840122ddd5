using System.Net;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The border list's GET: a recorded obstacle with its status; an unknown province a 404.</summary>
public sealed class BorderListApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_border_list_shows_a_recorded_obstacle_with_its_status_and_a_consultation()
    {
        await api.PostAsync("/api/provinces/antwerpen/border/obstacles", """{"obstacleRef":"GROS-A3","title":"Erkenning van diploma's","theme":"education"}""");
        await api.PostAsync("/api/provinces/antwerpen/border/obstacles/GROS-A3/status", """{"status":"in-progress","note":"Werkgroep"}""");
        await api.PostAsync("/api/provinces/antwerpen/border/consultations", """{"consultationRef":"GSO-A1","subject":"Havenarbeid","partners":["Provincie Zeeland"]}""");

        var response = await api.Client.GetAsync("/api/provinces/antwerpen/border");
        var list = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var obstacle = Assert.Single(list.GetProperty("obstacles").EnumerateArray(), o => o.GetProperty("obstacleRef").GetString() == "GROS-A3");
        Assert.Equal("in-progress", obstacle.GetProperty("status").GetString());
        Assert.Contains(list.GetProperty("consultations").EnumerateArray(), c => c.GetProperty("consultationRef").GetString() == "GSO-A1");
    }

    [Fact]
    public async Task A_province_without_border_events_has_an_empty_list_and_an_unknown_province_is_a_404()
    {
        var empty = await api.Client.GetAsync("/api/provinces/vlaams-brabant/border");
        var unknown = await api.Client.GetAsync("/api/provinces/zeeland/border");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(0, (await empty.JsonAsync()).GetProperty("obstacles").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
