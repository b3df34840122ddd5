using System.Net;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The projection lag on /health/ready: Healthy within the limits, Degraded (still 200) beyond them.</summary>
public sealed class ProjectionLagHealthTests
{
    [Fact]
    public async Task Ready_reports_the_projection_lag_and_degrades_with_200_beyond_the_limit()
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();
        var ready = await ReadyAsync(client);
        var lag = ready.GetProperty("checks").GetProperty("projection-lag");
        Assert.Contains("events", lag.GetProperty("description").GetString(), StringComparison.Ordinal);

        // A limit no lag can meet: Degraded, and the silo stays in the load balancer.
        await using var strict = SiloFactory.Embedded(settings: new Dictionary<string, string?> { ["Health:ProjectionLag:MaxSeconds"] = "-1" });
        using var strictClient = strict.CreateClient();
        var degraded = await ReadyAsync(strictClient);
        Assert.Equal("Degraded", degraded.GetProperty("checks").GetProperty("projection-lag").GetProperty("status").GetString());
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
