using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// An event stored as an older version (the bytes an older silo wrote) is read as the current record by every
/// reader, while the stored row, its type name and the hash chain stay as they were (docs/event-evolution.md).
/// </summary>
public sealed class EventEvolutionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>A grant exactly as silos before <c>SubsidyGranted.v2</c> stored it.</summary>
    private const string GrantV1 = """{"amount":40000.5,"funder":"province","grantRef":"OUD-1"}""";

    private static decimal Granted(JsonElement comparison, string province) => comparison.GetProperty("rows").EnumerateArray()
        .Single(r => r.GetProperty("scope").GetString() == $"province:{province}").GetProperty("absolute").GetDecimal();

    [Fact]
    public async Task A_grant_stored_as_v1_is_read_as_the_current_record_by_the_grain_the_projection_and_the_replay_and_stays_as_stored()
    {
        var id = (await api.PostAsync("/api/projects",
            """{"title":"Oude toekenning","leadProvince":"oost-vlaanderen","participatingProvinces":["limburg"],"domain":"spatial-economy"}"""))
            .GetProperty("id").GetString()!;
        var stream = $"project-{id}";
        var head = await api.Silo.CountEventsAsync();
        var before = await api.Client.GetJsonWhenAsync("/api/indicators/comparison?measure=granted", c => c.GetProperty("position").GetInt64() >= head);

        var old = await api.Silo.Store.AppendAsync(stream, ExpectedVersion.Any,
            [new EventToAppend("SubsidyGranted.v1", GrantV1, """{"actor":"u-old","role":"officer","source":"api"}""", MonitorClock.System.Today,
                new EventTags("u-old", "api", ["oost-vlaanderen", "limburg"], "spatial-economy"))]);
        // The grain learns of the row it did not write when its next append meets the new version; then it pays the old grant.
        await api.PostAsync($"/api/projects/{id}/milestones", """{"milestone":"start"}""");
        await api.PostAsync($"/api/projects/{id}/payments", """{"grantRef":"OUD-1","amount":1000,"paymentRef":"B-1"}""");

        var grant = (await api.Client.GetJsonAsync($"/api/projects/{id}")).GetProperty("grants").GetProperty("OUD-1");
        Assert.Equal(40000.5m, grant.GetProperty("amount").GetDecimal());
        Assert.Equal(1000m, grant.GetProperty("paid").GetDecimal());
        Assert.Equal("oost-vlaanderen", grant.GetProperty("grantingProvince").GetString());

        var after = await api.Client.GetJsonWhenAsync("/api/indicators/comparison?measure=granted", c => c.GetProperty("position").GetInt64() >= old.ToPosition);
        Assert.Equal(Granted(before, "oost-vlaanderen") + 40000.5m, Granted(after, "oost-vlaanderen"));

        var steps = (await api.Client.GetJsonAsync($"/api/audit/replay/project/{id}")).EnumerateArray().ToList();
        var replayed = Assert.Single(steps, s => s.GetProperty("position").GetInt64() == old.ToPosition);
        Assert.Equal("SubsidyGranted.v1", replayed.GetProperty("eventType").GetString());
        Assert.Equal("oost-vlaanderen", replayed.GetProperty("state").GetProperty("grants").GetProperty("OUD-1").GetProperty("grantingProvince").GetString());

        var stored = Assert.Single(await api.Silo.Store.ReadStreamAsync(stream), e => e.Position == old.ToPosition);
        Assert.Equal("SubsidyGranted.v1", stored.EventType);
        Assert.Equal(GrantV1, stored.Data);
        // The log shows the row as stored, and a filter on grants of the current version lists it.
        var listed = Assert.Single((await api.Client.GetJsonAsync($"/api/events?stream={stream}&type=SubsidyGranted.v2")).GetProperty("events").EnumerateArray());
        Assert.Equal("SubsidyGranted.v1", listed.GetProperty("eventType").GetString());
        Assert.False(listed.GetProperty("data").TryGetProperty("grantingProvince", out _));
        var key = (await api.PostAsync("/api/admin/apikeys", """{"role":"auditor"}""")).GetProperty("key").GetString()!;
        var verified = await (await api.Silo.CreateClientWithKey(key).PostJsonAsync("/api/audit/verify", "{}")).JsonAsync();
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    [Fact]
    public async Task A_grant_recorded_now_is_stored_as_the_newest_version_naming_the_lead_province()
    {
        var id = (await api.PostAsync("/api/projects", """{"title":"Nieuwe toekenning","leadProvince":"limburg","domain":"spatial-economy"}"""))
            .GetProperty("id").GetString()!;
        await api.PostAsync($"/api/projects/{id}/subsidies", """{"grantRef":"NIEUW-1","amount":500,"funder":"pom"}""");
        await api.PostAsync($"/api/projects/{id}/subsidies", """{"grantRef":"NIEUW-2","amount":700,"funder":"eu"}""");

        var grants = (await api.Silo.Store.ReadStreamAsync($"project-{id}")).Where(e => e.EventType.StartsWith("SubsidyGranted.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["SubsidyGranted.v2", "SubsidyGranted.v2"], grants.Select(e => e.EventType));
        Assert.Equal("limburg", JsonDocument.Parse(grants[0].Data).RootElement.GetProperty("grantingProvince").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(grants[1].Data).RootElement.GetProperty("grantingProvince").ValueKind);
    }
}
