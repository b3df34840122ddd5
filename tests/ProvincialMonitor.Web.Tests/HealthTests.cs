using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task The_embedded_silo_is_live_and_ready_with_its_store()
    {
        await using var silo = SiloFactory.Embedded();
        using var client = silo.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await ReadAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("cluster-membership").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("event-store").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("chain").GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(silo.Services.GetRequiredService<ProvincialMonitor.Silo.Hosting.StoreSettings>().SqlitePath)));
    }

    [Fact]
    public async Task A_silo_on_postgres_is_ready_and_reports_a_lost_database_as_degraded_with_200()
    {
        await using var silo = await SiloFactory.OnPostgresAsync();
        using var client = silo.CreateClient();
        var before = await ReadAsync(client, "/health/ready");

        await SiloFactory.ExecuteOnServerAsync($"DROP DATABASE {silo.Database} WITH (FORCE)");
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var after = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await SiloFactory.ExecuteOnServerAsync($"CREATE DATABASE {silo.Database}"); // so that disposal finds what it drops

        Assert.Equal("Healthy", before.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", after.GetProperty("status").GetString());
        Assert.Equal("Degraded", after.GetProperty("checks").GetProperty("event-store").GetProperty("status").GetString());
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
