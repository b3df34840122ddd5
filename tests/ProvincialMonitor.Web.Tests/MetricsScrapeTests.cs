using System.Net;
using System.Net.Http.Headers;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// A Prometheus server's scrape where it differs from an admin's: with OpenID Connect on (a bearer token that is an API
/// key still goes to the API-key handler), and on PostgreSQL (Npgsql's metrics beside ours).
/// </summary>
public sealed class MetricsScrapeTests
{
    private static async Task<string> MetricsKeyAsync(HttpClient admin)
    {
        var created = await admin.PostJsonAsync("/api/admin/apikeys", """{"role":"metrics","label":"prometheus"}""");
        Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        return (await created.JsonAsync()).GetProperty("key").GetString()!;
    }

    private static HttpClient Bearer(SiloFactory silo, string key)
    {
        var client = silo.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task With_OpenID_Connect_on_a_bearer_API_key_still_scrapes()
    {
        // An identity provider nobody can reach: a bearer token sent to it would fail, so a 200 shows the key was not.
        await using var silo = SiloFactory.Embedded(settings: new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = "https://idp.provmon.invalid/realms/provincie",
            ["Auth:Oidc:ClientId"] = "provmon",
        });
        using var admin = silo.CreateClient();
        using var prometheus = Bearer(silo, await MetricsKeyAsync(admin));

        var scrape = await prometheus.GetAsync(new Uri("/metrics", UriKind.Relative));
        var read = await prometheus.GetAsync(new Uri("/api/provinces", UriKind.Relative));

        Assert.True(scrape.StatusCode == HttpStatusCode.OK, $"{(int)scrape.StatusCode} {await scrape.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("urn:provmon:problem:forbidden", (await read.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task On_PostgreSQL_the_scrape_has_Npgsql_metrics()
    {
        await using var silo = await SiloFactory.OnPostgresAsync();
        using var admin = silo.CreateClient();
        using var prometheus = Bearer(silo, await MetricsKeyAsync(admin));
        Assert.True((await admin.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"labour-market","year":2031,"amount":5,"decisionRef":"PR-2025-T"}""")).IsSuccessStatusCode);

        var lines = (await prometheus.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');

        // Npgsql's meter: its connection pool and its commands, labelled with the data source.
        Assert.Contains(lines, l => l.StartsWith("db_client_", StringComparison.Ordinal) && !l.StartsWith('#'));
    }
}
