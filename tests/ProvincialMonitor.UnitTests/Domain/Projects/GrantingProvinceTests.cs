using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>
/// Whose money a grant of the province or the pom is: the province the author names, else the author's own when they
/// act for exactly one; the lead or a participating province, in the author's scope; its payments inherit it.
/// Kamp C is led by Antwerpen, with Limburg taking part.
/// </summary>
public sealed class GrantingProvinceTests
{
    private static readonly Actor Lead = Actors.Officer("antwerpen");
    private static readonly Actor Participant = Actors.Officer("limburg");
    private static readonly Actor Both = Actors.Officer("antwerpen", "limburg");

    [Theory]
    [InlineData("province")]
    [InlineData("pom")]
    public void An_officer_acting_for_one_province_grants_its_money_by_default(string funder)
    {
        Registered().Then(new GrantSubsidy("G-1", 10m, funder), [new SubsidyGranted("G-1", 10m, funder, "antwerpen")], Lead);
        Registered().Then(new GrantSubsidy("G-1", 10m, funder), [new SubsidyGranted("G-1", 10m, funder, "limburg")], Participant);
    }

    [Fact]
    public void A_participating_province_grants_and_pays_its_own_money_and_its_payments_inherit_it()
    {
        var spec = Registered();
        spec.Then(new GrantSubsidy("G-2", 40_000m, "pom", "limburg"), [new SubsidyGranted("G-2", 40_000m, "pom", "limburg")], Participant);
        spec.Then(new PaySubsidy("G-2", 15_000m, "P-1"), [new SubsidyPaid("G-2", 15_000m, "P-1", PaymentKinds.Advance)], Participant);

        Assert.Equal(new Grains.Projects.Grant(40_000m, "pom", 15_000m, "limburg"), spec.History.State.Grants["G-2"]);
    }

    [Fact]
    public void The_lead_s_officer_pays_a_participating_province_s_grant_and_records_the_other_funders()
    {
        var spec = Registered(new SubsidyGranted("G-2", 40_000m, "pom", "limburg"));
        spec.Then(new PaySubsidy("G-2", 1_000m, "P-1"), [new SubsidyPaid("G-2", 1_000m, "P-1", PaymentKinds.Advance)], Lead);
        spec.Then(new GrantSubsidy("G-3", 70_000m, "eu"), [new SubsidyGranted("G-3", 70_000m, "eu", null)], Lead);
    }

    [Fact]
    public void A_participating_province_records_no_grant_of_the_lead_or_of_the_other_funders_nor_pays_them()
    {
        var spec = Registered(Grant);
        Assert.Equal(Refusals.ScopeNotFundingProvince.Code,
            spec.ThenRefused(new GrantSubsidy("G-2", 10m, "province", "antwerpen"), RefusalKind.Forbidden, Participant).Code);
        spec.ThenRefused(new GrantSubsidy("G-2", 10m, "eu"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new GrantSubsidy("G-2", 10m, "flanders"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new PaySubsidy("G-1", 10m, "P-1"), RefusalKind.Forbidden, Participant);
    }

    [Fact]
    public void The_lead_s_officer_grants_no_money_of_a_province_it_does_not_act_for() =>
        Assert.Equal(Refusals.ScopeNotFundingProvince.Code,
            Registered().ThenRefused(new GrantSubsidy("G-2", 10m, "province", "limburg"), RefusalKind.Forbidden, Lead).Code);

    [Fact]
    public void An_author_acting_for_more_than_one_province_or_for_all_names_the_granting_province_when_the_project_has_participants()
    {
        foreach (var author in new[] { Both, Actors.Admin })
        {
            var refusal = Registered().ThenRefused(new GrantSubsidy("G-2", 10m, "province"), RefusalKind.Invalid, author);
            Assert.Equal(("grantingProvince", Refusals.FieldGrantingProvinceRequired.Code), (refusal.Errors.Single().Field, refusal.Errors.Single().Code));
        }
        Registered().Then(new GrantSubsidy("G-2", 10m, "pom", "limburg"), [new SubsidyGranted("G-2", 10m, "pom", "limburg")], Both);
        Registered().Then(new GrantSubsidy("G-2", 10m, "province", "antwerpen"), [new SubsidyGranted("G-2", 10m, "province", "antwerpen")], Actors.Admin);
    }

    [Fact]
    public void On_a_project_without_participants_the_lead_is_the_default_for_any_author()
    {
        var alone = New().Given(KampC with { ParticipatingProvinces = [] });
        alone.Then(new GrantSubsidy("G-2", 10m, "province"), [new SubsidyGranted("G-2", 10m, "province", "antwerpen")], Actors.Admin);
        alone.Then(new GrantSubsidy("G-3", 10m, "pom"), [new SubsidyGranted("G-3", 10m, "pom", "antwerpen")], Both);
    }

    [Fact]
    public void The_granting_province_is_the_lead_or_a_participating_province()
    {
        var refusal = Registered().ThenRefused(new GrantSubsidy("G-2", 10m, "province", "west-vlaanderen"), RefusalKind.Invalid, Actors.Admin);
        Assert.Equal(("grantingProvince", Refusals.FieldGrantingProvinceNotOnProject.Code), (refusal.Errors.Single().Field, refusal.Errors.Single().Code));
    }

    [Fact]
    public void An_officer_outside_the_project_is_refused_before_any_default() =>
        Registered().ThenRefused(new GrantSubsidy("G-2", 10m, "province"), RefusalKind.Forbidden, Actors.Officer("oost-vlaanderen"));

    [Theory]
    [InlineData("flanders")]
    [InlineData("eu")]
    public void Only_a_grant_of_the_province_or_the_pom_names_a_granting_province(string funder) =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, funder, "antwerpen"), "grantingProvince");

    [Fact]
    public void A_granting_province_is_a_known_province() =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, "province", "brussel"), "grantingProvince");

    [Fact]
    public void The_API_the_import_and_the_form_read_the_granting_province_from_the_catalog_s_field()
    {
        var entry = CommandCatalog.ByAction["grant-subsidy"];
        Assert.Equal(typeof(string), entry.Fields["grantingProvince"]);
        Assert.Equal(entry, CommandCatalog.Of(typeof(GrantSubsidy)));
    }
}
