using System.Net;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// The border routes from the catalog: an obstacle recorded and solved through the API, a second solution a 409, bad input
/// a 400 naming the field that writes nothing; a project's programme from the list and its rate checked over HTTP.
/// </summary>
public sealed class BorderApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("""{"obstacleRef":"GROS-W1","title":"Pendel","theme":"weather"}""", "theme")]
    [InlineData("""{"title":"Pendel"}""", "obstacleRef")]
    public async Task Bad_input_on_an_obstacle_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var before = await api.Silo.CountEventsAsync();
        var response = await api.Client.PostJsonAsync("/api/provinces/west-vlaanderen/border/obstacles", body);
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await api.Silo.CountEventsAsync());
    }

    [Fact]
    public async Task An_obstacle_is_solved_once_through_the_catalogs_routes()
    {
        await api.PostAsync("/api/provinces/limburg/border/obstacles", """{"obstacleRef":"GROS-L7","title":"Grensarbeiders en thuiswerk","theme":"tax-social-security"}""");
        await api.PostAsync("/api/provinces/limburg/border/obstacles/GROS-L7/status", """{"status":"escalated","note":"Naar de Benelux"}""");
        await api.PostAsync("/api/provinces/limburg/border/obstacles/GROS-L7/solution", """{"solution":"Akkoord over 34 thuiswerkdagen"}""");

        var twice = await api.Client.PostJsonAsync("/api/provinces/limburg/border/obstacles/GROS-L7/solution", """{"solution":"Nog eens"}""");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("border.obstacle-solved", (await twice.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_project_with_an_unknown_programme_or_a_rate_above_its_maximum_is_a_400_naming_the_field()
    {
        const string Project = """{"title":"Grensarbeid","leadProvince":"oost-vlaanderen","domain":"cross-border","plannedStart":"2024-01-01","plannedEnd":"2026-12-31",""";
        var unknown = await api.Client.PostJsonAsync("/api/projects", Project + "\"crossBorderProgramme\":\"Euregio Scheldemond\"}");
        var above = await api.Client.PostJsonAsync("/api/projects", Project + "\"crossBorderProgramme\":\"interreg-vl-nl-2021\",\"coFinancingRate\":60}");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("crossBorderProgramme", out _));
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        Assert.True((await above.JsonAsync()).GetProperty("errors").TryGetProperty("coFinancingRate", out _));
    }
}
