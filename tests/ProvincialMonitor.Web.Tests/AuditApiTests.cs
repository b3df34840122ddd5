using System.Net;
using System.Text.Json;

namespace ProvincialMonitor.Web.Tests;

/// <summary>What auditors use over HTTP: states as of a date or position, the chain head, verification, replay.</summary>
public sealed class AuditApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<HttpClient> ClientWithRoleAsync(string role, string scope = "")
    {
        var key = await api.PostAsync("/api/admin/apikeys", $$"""{"role":"{{role}}"{{scope}}}""");
        return api.Silo.CreateClientWithKey(key.GetProperty("key").GetString()!);
    }

    private static decimal GrantOf(JsonElement project, string grantRef) =>
        project.GetProperty("grants").GetProperty(grantRef).GetProperty("amount").GetDecimal();

    private async Task<HttpResponseMessage> GetAsync(string path) => await api.Client.GetAsync(new Uri(path, UriKind.Relative));

    [Fact]
    public async Task A_correction_recorded_later_shows_the_difference_between_the_recorded_and_the_effective_basis()
    {
        var id = (await api.PostAsync("/api/projects", """{"title":"Havenhuis","leadProvince":"antwerpen","domain":"spatial-economy","effectiveDate":"2026-01-10"}""")).GetProperty("id").GetString();
        var p = $"/api/projects/{id}";
        var granted = await api.PostAsync($"{p}/subsidies", """{"grantRef":"HH-1","amount":100000,"funder":"province","effectiveDate":"2026-03-01"}""");
        var grantPosition = granted.GetProperty("position").GetInt64();
        var knownThen = (await api.Client.GetJsonAsync("/api/audit/head")).GetProperty("recordedAt").GetDateTimeOffset();
        await Task.Delay(20); // the correction is recorded strictly later
        await api.PostAsync($"{p}/corrections", $$"""{"eventId":"{{granted.GetProperty("eventIds")[0].GetString()}}","changes":[{"field":"amount","newValue":80000}],"reason":"decision amended","effectiveDate":"2026-03-05"}""");

        var now = await api.Client.GetJsonAsync(p);
        var effectiveBefore = await GetAsync($"{p}?asOf=2026-03-02");
        var effectiveAfter = await api.Client.GetJsonAsync($"{p}?asOf=2026-03-10&basis=effective");
        var recordedThen = await api.Client.GetJsonAsync($"{p}?asOf={Uri.EscapeDataString(knownThen.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&basis=recorded");
        var atPosition = await api.Client.GetJsonAsync($"{p}?atPosition={grantPosition}");
        var beforeRegistration = await GetAsync($"{p}?asOf=2026-01-09");

        Assert.Equal(80_000m, GrantOf(now, "HH-1"));
        Assert.Equal(HttpStatusCode.OK, effectiveBefore.StatusCode);
        Assert.Equal(100_000m, GrantOf(await effectiveBefore.JsonAsync(), "HH-1"));
        Assert.Equal("effective", effectiveBefore.Headers.GetValues("X-As-Of-Basis").Single());
        Assert.Equal(80_000m, GrantOf(effectiveAfter, "HH-1"));
        Assert.Equal(100_000m, GrantOf(recordedThen, "HH-1"));
        Assert.Equal(100_000m, GrantOf(atPosition, "HH-1"));
        Assert.Equal(HttpStatusCode.NotFound, beforeRegistration.StatusCode);
    }

    [Theory]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("asOf=2026-02-30", "asOf")]
    [InlineData("asOf=2026-03-01&basis=sideways", "basis")]
    [InlineData("basis=recorded", "asOf")]
    [InlineData("atPosition=-1", "atPosition")]
    public async Task A_bad_as_of_query_is_refused_with_the_field_named(string query, string field)
    {
        var response = await GetAsync($"/api/provinces/limburg?{query}");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Provinces_clusters_campaigns_and_flanders_answer_as_of_a_date_too()
    {
        foreach (var path in new[] { "/api/provinces/limburg", "/api/clusters/vil", "/api/flanders" })
        {
            var response = await GetAsync($"{path}?asOf=2999-01-01");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(long.Parse(response.Headers.GetValues("X-As-Of-Events").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0, path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/campaigns/never-launched?asOf=2026-04-01")).StatusCode);
    }

    [Fact]
    public async Task The_head_is_a_receipt_that_verification_accepts_and_every_verification_is_recorded_in_the_audit_trail()
    {
        var auditor = await ClientWithRoleAsync("auditor");
        var head = await auditor.GetJsonAsync("/api/audit/head");
        var receipt = $$$"""{"receipt":{"position":{{{head.GetProperty("position").GetInt64()}}},"hash":"{{{head.GetProperty("hash").GetString()}}}"}}""";

        var verified = await (await auditor.PostJsonAsync("/api/audit/verify", receipt)).JsonAsync();
        var forged = await (await auditor.PostJsonAsync("/api/audit/verify",
            $$$"""{"receipt":{"position":{{{head.GetProperty("position").GetInt64()}}},"hash":"{{{new string('0', 64)}}}"}}""")).JsonAsync();
        var trail = await api.Client.GetJsonAsync("/api/events?stream=audit-trail&direction=backwards&limit=2");

        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.Contains("unchanged", verified.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(forged.GetProperty("intact").GetBoolean(), forged.ToString());
        var records = trail.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["ChainVerified.v1", "ChainVerified.v1"], records.Select(r => r.GetProperty("eventType").GetString()));
        Assert.Equal(forged.GetProperty("auditPosition").GetInt64(), records[0].GetProperty("position").GetInt64());
        Assert.False(records[0].GetProperty("data").GetProperty("intact").GetBoolean());
        Assert.Equal("auditor", records[0].GetProperty("metadata").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Only_auditors_and_administrators_verify_and_bad_receipts_are_refused()
    {
        var officer = await ClientWithRoleAsync("officer", ""","provinces":["limburg"]""");
        var auditor = await ClientWithRoleAsync("auditor");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync("/api/audit/verify", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/api/audit/head", UriKind.Relative))).StatusCode);
        var bad = await auditor.PostJsonAsync("/api/audit/verify", """{"receipt":{"position":0,"hash":"abc"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("receipt", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownField = await auditor.PostJsonAsync("/api/audit/verify", """{"recipe":1}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
    }

    [Fact]
    public async Task A_projects_history_replays_event_by_event_with_the_state_after_each()
    {
        var steps = await api.Client.GetJsonAsync($"/api/audit/replay/project/{api.Values["project"]}");
        var list = steps.EnumerateArray().ToList();

        Assert.Equal("ProjectRegistered.v1", list[0].GetProperty("eventType").GetString());
        Assert.True(list[0].GetProperty("exists").GetBoolean());
        Assert.Empty(list[0].GetProperty("state").GetProperty("grants").EnumerateObject());
        Assert.Equal(1000m, GrantOf(list[1].GetProperty("state"), "FIX-G"));
        Assert.Equal(Enumerable.Range(1, list.Count).Select(i => (long)i), list.Select(s => s.GetProperty("streamVersion").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/api/audit/replay/planet/x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/audit/replay/project/does-not-exist")).StatusCode);
    }
}
