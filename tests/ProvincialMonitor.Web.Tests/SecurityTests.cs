using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Web.Tests;

public sealed partial class SecurityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_api_key_is_created_used_listed_revoked_and_then_refused()
    {
        var created = await api.PostAsync("/api/admin/apikeys", """{"role":"officer","provinces":["limburg"],"label":"import script"}""");
        var (keyId, key) = (created.GetProperty("keyId").GetString()!, created.GetProperty("key").GetString()!);
        using var client = api.Silo.CreateClientWithKey(key);

        var used = await client.GetAsync(new Uri("/api/provinces/limburg", UriKind.Relative));
        var listed = await api.Client.GetJsonAsync("/api/admin/apikeys");
        await api.PostAsync($"/api/admin/apikeys/{keyId}/revoke", "{}");
        var afterRevoke = await client.GetAsync(new Uri("/api/provinces/limburg", UriKind.Relative));
        var revokeAgain = await api.Client.PostJsonAsync($"/api/admin/apikeys/{keyId}/revoke", "{}");

        Assert.StartsWith("pmk_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 4 + 43, "256 random bits, base64url");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var entry = listed.EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId);
        Assert.Equal("import script", entry.GetProperty("label").GetString());
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, revokeAgain.StatusCode);
    }

    [Fact]
    public async Task A_key_is_never_stored_in_clear_not_in_the_tables_nor_in_the_log()
    {
        var created = await api.PostAsync("/api/admin/apikeys", """{"role":"auditor"}""");
        var key = created.GetProperty("key").GetString()!;

        var folder = api.Silo.Services.GetRequiredService<ProvincialMonitor.Silo.Hosting.StoreSettings>().DataDirectory;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await ReadAllAsync(Path.Combine(folder, "events.db")) + await ReadAllAsync(Path.Combine(folder, "events.db-wal"));
        var log = new List<string>();
        await foreach (var e in api.Silo.Store.ReadAllAsync()) log.Add(e.Data + e.Metadata);

        Assert.DoesNotContain(key, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(key[4..20], string.Concat(log), StringComparison.Ordinal);
        Assert.Contains(ProvincialMonitor.Silo.Security.ApiKeyAuthentication.Hash(key), bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_logs_in_with_a_cookie_acts_within_scope_and_logs_out()
    {
        await api.PostAsync("/api/admin/users", """{"login":"an.peeters","displayName":"An Peeters","password":"correct horse battery","role":"officer","provinces":["limburg"]}""");
        using var browser = api.Silo.CreateAnonymousClient();

        var refused = await LoginAsync(browser, "an.peeters", "wrong password!!");
        var loggedIn = await LoginAsync(browser, "an.peeters", "correct horse battery");
        var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var own = await browser.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"cross-border","year":2026,"amount":100,"decisionRef":"PR-2025-T"}""");
        var other = await browser.PostJsonAsync("/api/provinces/antwerpen/budgets", """{"domain":"cross-border","year":2026,"amount":100,"decisionRef":"PR-2025-T"}""");
        var logout = await browser.PostAsync(new Uri("/auth/logout", UriKind.Relative), Form(await AntiforgeryAsync(browser, "/"), []));
        var afterLogout = await browser.GetAsync(new Uri("/api/provinces", UriKind.Relative));

        Assert.Contains("fout=1", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/", loggedIn.Headers.Location!.ToString());
        Assert.Contains("An Peeters", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("afgemeld", logout.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_at_the_next_request_and_cannot_log_in()
    {
        await api.PostAsync("/api/admin/users", """{"login":"jan.janssens","password":"another long password","role":"deputy"}""");
        using var browser = api.Silo.CreateAnonymousClient();
        await LoginAsync(browser, "jan.janssens", "another long password");
        var before = await browser.GetAsync(new Uri("/api/provinces", UriKind.Relative));

        await api.PostAsync("/api/admin/users/jan.janssens/disable", "{}");
        var after = await browser.GetAsync(new Uri("/api/provinces", UriKind.Relative));
        var again = await LoginAsync(browser, "jan.janssens", "another long password");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("fout=1", again.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_carry_the_pseudonymous_actor_and_erasing_the_name_keeps_the_chain_intact()
    {
        var user = await api.PostAsync("/api/admin/users", """{"login":"els.claes","displayName":"Els Claes","password":"els her long password","role":"officer","provinces":["limburg"]}""");
        var actorId = user.GetProperty("actorId").GetString()!;
        using var browser = api.Silo.CreateAnonymousClient();
        await LoginAsync(browser, "els.claes", "els her long password");
        var stored = await browser.PostJsonAsync("/api/provinces/limburg/budgets", """{"domain":"circular-economy","year":2026,"amount":7,"decisionRef":"PR-2025-T"}""");
        var position = (await stored.JsonAsync()).GetProperty("position").GetInt64();

        await api.PostAsync("/api/admin/users/els.claes/erase-name", "{}");

        var e = await api.Silo.Store.ReadAllAsync(position, position).SingleAsync();
        Assert.Equal(actorId, e.Tags.Actor);
        Assert.Equal(actorId, JsonDocument.Parse(e.Metadata).RootElement.GetProperty("actor").GetString());
        Assert.DoesNotContain("Els", e.Metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("els.claes", e.Metadata, StringComparison.Ordinal);
        Assert.Null(await api.Silo.Services.GetRequiredService<ProvincialMonitor.Silo.Hosting.EventStoreConnector>().Credentials.FindByLoginAsync("els.claes"));
        Assert.True((await api.Silo.Store.VerifyAsync()).Intact);
        var security = (await api.Client.GetJsonAsync("/api/admin/users")).EnumerateArray().Single(u => u.GetProperty("actorId").GetString() == actorId);
        Assert.True(security.GetProperty("nameErased").GetBoolean());
    }

    [Fact]
    public async Task User_and_key_changes_are_events_of_the_security_stream_without_names_or_secrets()
    {
        await api.PostAsync("/api/admin/users", """{"login":"piet.pieters","displayName":"Piet Pieters","password":"piet his long password","role":"auditor"}""");

        var events = new List<RecordedEvent>();
        await foreach (var e in api.Silo.Store.ReadAllAsync()) if (e.StreamId == "security") events.Add(e);

        Assert.Contains(events, e => e.EventType == "UserRegistered.v1");
        Assert.Contains(events, e => e.EventType == "ApiKeyCreated.v1");
        Assert.All(events, e =>
        {
            Assert.DoesNotContain("piet", e.Data, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", e.Data, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pmk_", e.Data, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_user_of_the_identity_provider_cannot_log_in_with_a_password_here()
    {
        await api.PostAsync("/api/admin/users", """{"login":"oidc:4f1c2a","role":"deputy"}""");
        using var browser = api.Silo.CreateAnonymousClient();

        var attempt = await LoginAsync(browser, "oidc:4f1c2a", "no such user");

        Assert.Contains("fout=1", attempt.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/api/provinces?x=1", "/api/provinces?x=1")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("", "/")]
    public void After_login_only_a_path_of_this_site_is_followed(string returnUrl, string expected) =>
        Assert.Equal(expected, ProvincialMonitor.Silo.Security.LoginEndpoints.LocalOrHome(returnUrl));

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string login, string password)
    {
        var token = await AntiforgeryAsync(browser, "/login");
        return await browser.PostAsync(new Uri("/auth/login", UriKind.Relative), Form(token, [("login", login), ("password", password), ("returnUrl", "/")]));
    }

    private static async Task<string> AntiforgeryAsync(HttpClient browser, string page)
    {
        var html = await (await browser.GetAsync(new Uri(page, UriKind.Relative))).Content.ReadAsStringAsync();
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string token, (string, string)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))]);

    private static async Task<string> ReadAllAsync(string path)
    {
        if (!File.Exists(path)) return "";
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
