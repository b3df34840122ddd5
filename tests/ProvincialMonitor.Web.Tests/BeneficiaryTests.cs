using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Web.Tests;

/// <summary>A grant's beneficiary: its name and company number outside the hash chain, shown on the project and in the audit export until an admin erases them.</summary>
public sealed class BeneficiaryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_erased_beneficiary_s_name_is_gone_from_the_project_and_the_audit_export_while_the_chain_still_verifies()
    {
        var project = api.Fill("/api/projects/{project}");
        var granted = await api.PostAsync($"{project}/subsidies",
            """{"grantRef":"BEN-G","amount":5000,"funder":"province","regulation":"Reglement starters 2026","beneficiaryName":"Bakkerij Vermeulen","companyNumber":"BE 0200.065.765"}""");
        var position = granted.GetProperty("position").GetInt64();

        var before = (await api.Client.GetJsonAsync(project)).GetProperty("grants").GetProperty("BEN-G");
        var beneficiaryId = before.GetProperty("beneficiaryId").GetString()!;
        var exportBefore = await api.Client.GetStringAsync(new Uri("/api/audit/export?format=csv&province=limburg", UriKind.Relative));

        Assert.StartsWith("ben_", beneficiaryId, StringComparison.Ordinal);
        Assert.Equal(("Bakkerij Vermeulen", "0200.065.765", "Reglement starters 2026"),
            (before.GetProperty("beneficiaryName").GetString(), before.GetProperty("companyNumber").GetString(), before.GetProperty("regulation").GetString()));
        Assert.Contains("Bakkerij Vermeulen (0200.065.765)", exportBefore, StringComparison.Ordinal);

        var erased = await EraseAsync(beneficiaryId);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var stored = await api.Silo.Store.ReadAllAsync(position, position).SingleAsync();
        var erasure = Assert.Single(await ErasuresAsync(), e => e.GetProperty("data").GetProperty("beneficiaryId").GetString() == beneficiaryId);
        Assert.Equal((SecurityIds.Key, stored.Tags.Actor), (erasure.GetProperty("streamId").GetString(), erasure.GetProperty("tags").GetProperty("actor").GetString()));
        Assert.StartsWith(SecurityIds.KeyActorPrefix, stored.Tags.Actor, StringComparison.Ordinal);
        Assert.Single(erasure.GetProperty("data").EnumerateObject());
        var after = (await api.Client.GetJsonAsync(project)).GetProperty("grants").GetProperty("BEN-G");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("beneficiaryName").ValueKind);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("companyNumber").ValueKind);
        Assert.Equal(beneficiaryId, after.GetProperty("beneficiaryId").GetString());
        var exportAfter = await api.Client.GetStringAsync(new Uri("/api/audit/export?format=csv&province=limburg", UriKind.Relative));
        Assert.DoesNotContain("Vermeulen", exportAfter, StringComparison.Ordinal);
        Assert.DoesNotContain("0200065765", exportAfter, StringComparison.Ordinal);
        Assert.Contains(beneficiaryId, stored.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("Vermeulen", stored.Data, StringComparison.Ordinal);
        Assert.True((await api.Silo.Store.VerifyAsync()).Intact);

        var again = await EraseAsync(beneficiaryId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(Refusals.BeneficiaryNameErased.Code, (await again.JsonAsync()).GetProperty("code").GetString());
        var erasures = (await ErasuresAsync()).Count;
        var unknown = await EraseAsync($"ben_{new string('0', 32)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(erasures, (await ErasuresAsync()).Count);
    }

    [Fact]
    public async Task An_erasure_on_record_whose_row_was_not_erased_is_completed_by_a_retry()
    {
        var project = api.Fill("/api/projects/{project}");
        await api.PostAsync($"{project}/subsidies",
            """{"grantRef":"BEN-R","amount":700,"funder":"province","beneficiaryName":"Schrijnwerkerij Claes","companyNumber":"0203.201.340"}""");
        var beneficiaryId = (await api.Client.GetJsonAsync(project)).GetProperty("grants").GetProperty("BEN-R").GetProperty("beneficiaryId").GetString()!;
        // The event is stored, as if the update of the row then failed.
        var outcome = await api.Silo.Services.GetRequiredService<CommandDispatcher>().SendAsync<ISecurityGrain, SecurityCommand>(
            SecurityIds.Key, new EraseBeneficiaryName(beneficiaryId), new CommandRequest(Actor.System, Sources.Api));
        Assert.Null(outcome.Refusal);
        Assert.Equal("Schrijnwerkerij Claes", (await api.Silo.Store.Beneficiaries.FindAsync(beneficiaryId))?.Name);

        var retry = await EraseAsync(beneficiaryId);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(new(beneficiaryId, null, null), await api.Silo.Store.Beneficiaries.FindAsync(beneficiaryId));
        Assert.Single(await ErasuresAsync(), e => e.GetProperty("data").GetProperty("beneficiaryId").GetString() == beneficiaryId);
    }

    private Task<HttpResponseMessage> EraseAsync(string beneficiaryId) =>
        api.Client.PostAsync(new Uri($"/api/admin/beneficiaries/{beneficiaryId}/erase-name", UriKind.Relative), null);

    /// <summary>The beneficiaries' erasures in the log, as <c>GET /api/events</c> lists them.</summary>
    private async Task<List<JsonElement>> ErasuresAsync() =>
        [.. (await api.Client.GetJsonAsync($"/api/events?stream={SecurityIds.Key}&type=BeneficiaryNameErased.v1&limit=1000")).GetProperty("events").EnumerateArray()];

    [Fact]
    public async Task A_wrong_company_number_is_refused_by_its_field_and_nothing_is_stored()
    {
        var before = await api.Silo.CountEventsAsync();
        var refused = await api.Client.PostJsonAsync(api.Fill("/api/projects/{project}/subsidies"),
            """{"grantRef":"BEN-X","amount":10,"funder":"eu","beneficiaryName":"Iemand","companyNumber":"0123.456.748"}""");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single((await refused.JsonAsync()).GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("companyNumber", "field.company-number"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal(before, await api.Silo.CountEventsAsync());
    }

    [Fact]
    public async Task A_balance_closes_the_grant_and_a_recovery_makes_paid_net()
    {
        var project = api.Fill("/api/projects/{project}");
        await api.PostAsync($"{project}/subsidies", """{"grantRef":"BAL-G","amount":1000,"funder":"eu"}""");
        await api.PostAsync($"{project}/payments", """{"grantRef":"BAL-G","amount":400,"paymentRef":"BAL-1","kind":"advance"}""");
        await api.PostAsync($"{project}/payments", """{"grantRef":"BAL-G","amount":600,"paymentRef":"BAL-2","kind":"balance"}""");
        var closed = await api.Client.PostJsonAsync($"{project}/payments", """{"grantRef":"BAL-G","amount":1,"paymentRef":"BAL-3"}""");
        await api.PostAsync($"{project}/recoveries", """{"grantRef":"BAL-G","amount":150,"recoveryRef":"BAL-T"}""");
        var tooMuch = await api.Client.PostJsonAsync($"{project}/recoveries", """{"grantRef":"BAL-G","amount":850.01,"recoveryRef":"BAL-T2"}""");

        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("grant.closed", (await closed.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal("grant.over-recovered", (await tooMuch.JsonAsync()).GetProperty("code").GetString());
        var grant = (await api.Client.GetJsonAsync(project)).GetProperty("grants").GetProperty("BAL-G");
        Assert.Equal((850m, 150m, true), (grant.GetProperty("paid").GetDecimal(), grant.GetProperty("recovered").GetDecimal(), grant.GetProperty("closed").GetBoolean()));
    }
}
