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

    /// <summary>Reads CSV as Excel does with <c>;</c>: quoted fields may hold separators, quotes (doubled) and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else field.Append(c);
        }
        return rows;
    }

    [Fact]
    public async Task The_log_exported_as_CSV_parses_back_to_the_same_rows_and_its_chain_head_verifies()
    {
        await api.PostAsync("/api/provinces/limburg/decisions",
            """{"reference":"DEP-EXP-1","decidingBody":"deputatie","title":"Besluit; met \"aanhalingstekens\"\nen een tweede regel","domain":"labour-market","summary":"Samenvatting","decisionRef":"DEP-EXP-1"}""");
        var auditor = await ClientWithRoleAsync("auditor");

        var response = await auditor.GetAsync(new Uri("/api/audit/export?format=csv&province=limburg", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ParseCsv(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)));
        var events = (await api.Client.GetJsonAsync("/api/events?province=limburg&limit=1000")).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("position").GetInt64() <= long.Parse(rows[1][0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["chain_head_position", "chain_head_hash", "chain_head_recorded_at", "exported_at", "what", "filters", "rows"], rows[0]);
        Assert.DoesNotContain(rows[2], f => f.Length > 0);
        var header = rows[3];
        var table = rows.Skip(4).ToList();
        Assert.Equal(events.Count, table.Count);
        Assert.Equal(events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1][6]);
        for (var i = 0; i < events.Count; i++)
        {
            string Column(string name) => table[i][header.IndexOf(name)];
            Assert.Equal(events[i].GetProperty("position").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), Column("position"));
            Assert.Equal(events[i].GetProperty("hash").GetString(), Column("hash"));
            Assert.Equal(events[i].GetProperty("eventType").GetString(), Column("event_type"));
            Assert.True(JsonElement.DeepEquals(events[i].GetProperty("data"), JsonDocument.Parse(Column("data")).RootElement), Column("data"));
        }
        Assert.Contains(table, r => r[header.IndexOf("decision_ref")] == "DEP-EXP-1");

        var receipt = $$$"""{"receipt":{"position":{{{rows[1][0]}}},"hash":"{{{rows[1][1]}}}"}}""";
        var verified = await (await auditor.PostJsonAsync("/api/audit/verify", receipt)).JsonAsync();
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        var trail = await api.Client.GetJsonAsync("/api/events?stream=audit-trail&type=RecordExported.v1&direction=backwards&limit=1");
        var record = trail.GetProperty("events")[0].GetProperty("data");
        Assert.Equal(("log", "csv", "format=csv&province=limburg", events.Count), (record.GetProperty("what").GetString(), record.GetProperty("format").GetString(),
            record.GetProperty("filters").GetString(), record.GetProperty("rows").GetInt32()));
    }

    [Fact]
    public async Task A_field_that_looks_like_a_formula_is_exported_as_text_and_kept_exact_in_the_log()
    {
        await api.PostAsync("/api/provinces/limburg/decisions",
            """{"reference":"=SOM(1;2)","decidingBody":"deputatie","title":"Formule","domain":"labour-market","summary":"Samenvatting","decisionRef":"=SOM(1;2)"}""");
        var auditor = await ClientWithRoleAsync("auditor");

        var csv = await auditor.GetStringAsync(new Uri("/api/audit/export?format=csv&province=limburg&type=DecisionTaken.v1", UriKind.Relative));
        var rows = ParseCsv(csv.TrimStart('\uFEFF'));
        var header = rows[3];
        var events = (await api.Client.GetJsonAsync("/api/events?province=limburg&type=DecisionTaken.v1&limit=1000")).GetProperty("events").EnumerateArray().ToList();

        var row = Assert.Single(rows.Skip(4), r => r[header.IndexOf("decision_ref")].Contains("SOM", StringComparison.Ordinal));
        Assert.Equal("'=SOM(1;2)", row[header.IndexOf("decision_ref")]);
        var stored = Assert.Single(events, e => e.GetProperty("position").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == row[header.IndexOf("position")]);
        Assert.Equal("=SOM(1;2)", stored.GetProperty("metadata").GetProperty("decisionRef").GetString());
    }

    [Fact]
    public async Task A_history_and_an_as_of_state_export_as_JSON_lines_with_the_chain_head_first()
    {
        var project = api.Values["project"];
        var history = await api.Client.GetStringAsync(new Uri($"/api/audit/export?format=jsonl&what=history&kind=project&key={project}", UriKind.Relative));
        var state = await api.Client.GetStringAsync(new Uri($"/api/audit/export?format=jsonl&what=state&kind=project&key={project}&asOf=2999-12-31", UriKind.Relative));

        var lines = history.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines[0].GetProperty("chainHead").GetProperty("position").GetInt64() > 0);
        Assert.Equal(lines.Count - 1, lines[0].GetProperty("rows").GetInt32());
        Assert.Equal("ProjectRegistered.v1", lines[1].GetProperty("event").GetProperty("eventType").GetString());
        Assert.Equal(1000m, GrantOf(lines[2].GetProperty("state"), "FIX-G"));
        var stateLines = state.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, stateLines.Count);
        Assert.Equal("Kanaalkant", stateLines[1].GetProperty("state").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("what=everything", "what")]
    [InlineData("what=history&kind=planet&key=x", "kind")]
    [InlineData("what=history&kind=project", "key")]
    [InlineData("what=state&kind=project&key=x&asOf=tomorrow", "asOf")]
    [InlineData("effectiveFrom=31-12-2026", "effectiveFrom")]
    public async Task A_bad_export_request_is_refused_with_the_field_named(string query, string field)
    {
        var response = await GetAsync($"/api/audit/export?{query}");
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Only_auditors_and_administrators_export()
    {
        var deputy = await ClientWithRoleAsync("deputy");
        Assert.Equal(HttpStatusCode.Forbidden, (await deputy.GetAsync(new Uri("/api/audit/export", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_indicators_as_of_a_date_follow_a_later_correction_only_from_its_effective_date()
    {
        var budget = await api.PostAsync("/api/provinces/west-vlaanderen/budgets", """{"domain":"circular-economy","year":2031,"amount":70000,"effectiveDate":"2026-02-01","decisionRef":"PR-2025-T"}""");
        var knownThen = (await api.Client.GetJsonAsync("/api/audit/head")).GetProperty("recordedAt").GetDateTimeOffset();
        await Task.Delay(20);
        await api.PostAsync("/api/provinces/west-vlaanderen/corrections",
            $$"""{"eventId":"{{budget.GetProperty("eventIds")[0].GetString()}}","changes":[{"field":"amount","newValue":90000}],"reason":"begrotingswijziging","effectiveDate":"2026-02-10"}""");

        async Task<decimal> Budget(string query)
        {
            var comparison = await api.Client.GetJsonAsync($"/api/indicators/comparison?measure=budget.2031&{query}");
            var scope = await api.Client.GetJsonAsync($"/api/indicators/provinces/west-vlaanderen?{query}");
            var row = comparison.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == "province:west-vlaanderen");
            var fromScope = scope.GetProperty("measures").TryGetProperty("budget.2031", out var m) ? m.GetDecimal() : 0m;
            Assert.Equal(row.GetProperty("absolute").GetDecimal(), fromScope);
            return fromScope;
        }

        Assert.Equal(0m, await Budget("asOf=2026-01-31"));
        Assert.Equal(70_000m, await Budget("asOf=2026-02-05"));
        Assert.Equal(90_000m, await Budget("asOf=2026-02-15"));
        Assert.Equal(70_000m, await Budget($"asOf={Uri.EscapeDataString(knownThen.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&basis=recorded"));
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/api/indicators/comparison?asOf=31/01/2026")).StatusCode);
    }
}
