using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>SubsidyGranted.v2 names the granting province; a grant stored as v1 is read through its upcaster.</summary>
public sealed class GrantVersionTests
{
    /// <summary>Kamp C's grant G-1 exactly as silos before SubsidyGranted.v2 stored it.</summary>
    private const string GrantV1 = """{"amount":100000,"funder":"province","grantRef":"G-1"}""";

    [Theory]
    [InlineData("province", "antwerpen")]
    [InlineData("pom", "antwerpen")]
    [InlineData("flanders", null)]
    [InlineData("eu", null)]
    public void A_grant_of_the_province_or_the_pom_names_the_lead_s_officer_s_province_and_other_grants_name_none(string funder, string? granting) =>
        Registered().Then(new GrantSubsidy("G-1", 10m, funder), [new SubsidyGranted("G-1", 10m, funder, granting)], Actors.Officer("antwerpen"));

    [Fact]
    public void A_grant_stored_as_v1_counts_for_the_lead_province_and_is_paid_like_any_grant()
    {
        var spec = Registered().GivenStored("SubsidyGranted.v1", GrantV1);

        Assert.Equal(new SubsidyGranted("G-1", 100_000m, "province", null), EventJson.Deserialize("SubsidyGranted.v1", GrantV1));
        Assert.Equal("antwerpen", spec.History.State.Grants["G-1"].GrantingProvince);
        spec.Then(new PaySubsidy("G-1", 100_000m, "P-1"), [new SubsidyPaid("G-1", 100_000m, "P-1", PaymentKinds.Advance)]);
        spec.ThenRefused(new PaySubsidy("G-1", 0.01m, "P-2"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_v1_grant_of_the_eu_names_no_province() =>
        Assert.Null(Registered().GivenStored("SubsidyGranted.v1", """{"amount":5,"funder":"eu","grantRef":"G-1"}""").History.State.Grants["G-1"].GrantingProvince);

    [Fact]
    public void A_grant_stored_as_v1_is_corrected_by_the_members_it_has_and_read_as_v2_after()
    {
        var spec = Registered().GivenStored("SubsidyGranted.v1", GrantV1);

        spec.Then(new CorrectProject(spec.EventIds[1], [new() { Field = "funder", NewValue = JsonDocument.Parse("\"eu\"").RootElement }], "the EU granted it"),
            [new ProjectCorrected(spec.EventIds[1], [new FieldCorrection("funder", "\"province\"", "\"eu\"")], "the EU granted it")]);

        Assert.Equal(new Grains.Projects.Grant(100_000m, "eu", 0m, null), spec.History.State.Grants["G-1"]);
    }

    [Fact]
    public void Which_province_grants_is_not_corrected()
    {
        var spec = Registered(Grant);
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[1], [new() { Field = "grantingProvince", NewValue = JsonDocument.Parse("\"limburg\"").RootElement }], "x"),
            RefusalKind.Invalid);
        Assert.Equal("changes[0].field", refusal.Errors.Single().Field);
    }
}
