using System.Net;
using System.Text;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Rate limits per user and per key, security headers, and text that is normalised or refused.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private SiloFactory _silo = null!;

    /// <summary>The bootstrap key's id, which the silo derives from the key's hash.</summary>
    private static string BootstrapKeyId => "k-bootstrap-" + ProvincialMonitor.Silo.Security.ApiKeyAuthentication.Hash(SiloFactory.AdminKey)[..8];

    public Task InitializeAsync()
    {
        // A tight default for everyone; the admin's bootstrap key gets its own limit in the configuration, as the
        // simulator's, an import's or a benchmark's key would.
        _silo = SiloFactory.Embedded(settings: new Dictionary<string, string?>
        {
            ["RateLimits:PerSecond"] = "2", ["RateLimits:Burst"] = "3", [$"RateLimits:Keys:{BootstrapKeyId}"] = "100000",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static async Task<(string KeyId, string Key)> NewKeyAsync(HttpClient admin, string role = "officer")
    {
        var response = await admin.PostJsonAsync("/api/admin/apikeys", $$"""{"role":"{{role}}","provinces":["limburg"]}""");
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("key").GetString()!);
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_nothing_is_stored()
    {
        using var admin = _silo.CreateClient();
        var (_, key) = await NewKeyAsync(admin);
        using var officer = _silo.CreateClientWithKey(key);
        var before = await _silo.CountEventsAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
            answers.Add(await officer.PostJsonAsync("/api/provinces/limburg/budgets", $$"""{"domain":"labour-market","year":{{2030 + i}},"amount":{{100 + i}},"decisionRef":"PR-{{i}}"}"""));
        var stored = await _silo.CountEventsAsync() - before;

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Equal(answers.Count(a => a.IsSuccessStatusCode), stored);
        Assert.True(int.Parse(limited[0].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var problem = await limited[0].JsonAsync();
        Assert.Equal("urn:provmon:problem:too-many-requests", problem.GetProperty("type").GetString());

        // Another key has its own bucket.
        var (_, other) = await NewKeyAsync(admin);
        using var second = _silo.CreateClientWithKey(other);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/provinces/limburg", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_key_with_its_own_limit_in_the_configuration_is_not_held_to_the_default()
    {
        // A key made later gets its limit the same way: its id in the configuration of the next start.
        var folder = Directory.CreateTempSubdirectory("provmon-ratelimit-").FullName;
        string keyId, key;
        await using (var first = SiloFactory.Embedded(folder))
        {
            using var admin = first.CreateClient();
            (keyId, key) = await NewKeyAsync(admin);
        }
        await using var silo = SiloFactory.Embedded(folder, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PerSecond"] = "1", ["RateLimits:Burst"] = "1", [$"RateLimits:Keys:{keyId}"] = "1000",
        });
        using var fast = silo.CreateClientWithKey(key);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) answers.Add((await fast.GetAsync(new Uri("/api/provinces/limburg", UriKind.Relative))).StatusCode);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var anonymous = _silo.CreateClient();
        anonymous.DefaultRequestHeaders.Remove("X-Api-Key");
        var login = await anonymous.GetAsync(new Uri("/login", UriKind.Relative));
        var api = await anonymous.GetAsync(new Uri("/api/provinces", UriKind.Relative));

        foreach (var response in new[] { login, api })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Text_is_normalised_to_NFC_and_control_or_direction_override_characters_are_refused()
    {
        using var admin = _silo.CreateClient();
        // "Genk é" with a combining accent (e + U+0301) is stored as the single character U+00E9.
        var decomposed = "Ge\u0301nk-project";
        var registered = await admin.PostJsonAsync("/api/projects", JsonSerializer.Serialize(new { title = decomposed, leadProvince = "limburg", domain = "labour-market" }));
        var id = (await registered.JsonAsync()).GetProperty("id").GetString();
        var state = await admin.GetJsonAsync($"/api/projects/{id}");
        var before = await _silo.CountEventsAsync();
        var hidden = await admin.PostJsonAsync("/api/projects", "{\"title\":\"Invoice \\u202Egnp.exe\",\"leadProvince\":\"limburg\",\"domain\":\"labour-market\"}");
        var control = await admin.PostJsonAsync("/api/projects", "{\"title\":\"Bell \\u0007\",\"leadProvince\":\"limburg\",\"domain\":\"labour-market\"}");

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal("G\u00e9nk-project", state.GetProperty("title").GetString());
        foreach (var refused in new[] { hidden, control })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.JsonAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty("title", out var errors), problem.ToString());
            Assert.Contains("control or direction-override", errors[0].GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await _silo.CountEventsAsync());
    }
}
