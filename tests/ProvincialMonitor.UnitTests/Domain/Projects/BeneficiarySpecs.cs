using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>A grant's beneficiary (a pseudonymous id in the event, name and company number outside the chain) and its regulation.</summary>
public sealed class BeneficiarySpecs
{
    private const string Id = "ben_0190000000007000800000000000abcd";

    [Theory]
    [InlineData("0123.456.749")]
    [InlineData("BE0123456749")]
    [InlineData("BE 0123 456 749")]
    [InlineData("0123456749")]
    [InlineData("123.456.749")]
    public void A_company_number_in_a_usual_written_form_is_read_as_its_ten_digits(string written) =>
        Assert.Equal("0123456749", CompanyNumbers.Normalize(written));

    [Theory]
    [InlineData("0123.456.748")]
    [InlineData("2123.456.749")]
    [InlineData("0123.456.74")]
    [InlineData("NL0123456749")]
    [InlineData("0123/456/749")]
    public void Given_a_wrong_company_number_when_a_grant_names_it_then_it_is_refused_by_its_field(string written)
    {
        var errors = new GrantSubsidy("G-1", 10m, "province", null, null, "Bakkerij Peeters", written).Validate();
        var error = Assert.Single(errors);
        Assert.Equal("companyNumber", error.Field);
        Assert.Equal(Refusals.FieldCompanyNumber.Code, error.Code);
        Assert.Contains("ondernemingsnummer", error.Dutch);
    }

    [Fact]
    public void The_check_digits_are_97_minus_the_first_eight_mod_97()
    {
        // 1234567 mod 97 = 48, so the check is 49; 0200.065.765 is another valid one (2000657 mod 97 = 32, 97 − 32 = 65).
        Assert.NotNull(CompanyNumbers.Normalize("0200.065.765"));
        Assert.Null(CompanyNumbers.Normalize("0200.065.766"));
    }

    [Fact]
    public void A_grant_is_normalized_to_the_ten_digits_before_it_is_checked() =>
        Assert.Equal("0123456749", ((GrantSubsidy)new GrantSubsidy("G-1", 10m, "eu", null, null, "X", "BE 0123.456.749").Normalized([])).CompanyNumber);

    [Fact]
    public void A_beneficiary_is_given_by_name_and_number_together()
    {
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, "eu", null, null, "Bakkerij Peeters", null), "companyNumber");
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, "eu", null, null, null, "0123.456.749"), "beneficiaryName");
    }

    [Fact]
    public void A_beneficiary_id_is_ben_and_32_hex_digits() =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, "eu", BeneficiaryId: "Bakkerij Peeters"), "beneficiaryId");

    [Fact]
    public void The_event_holds_the_regulation_and_the_pseudonymous_id_never_the_name_or_number()
    {
        var events = Registered().Then(
            new GrantSubsidy("G-1", 100_000m, "province", "antwerpen", " Reglement economie 2026 ", "Bakkerij Peeters", "0123456749", Id),
            [new SubsidyGranted("G-1", 100_000m, "province", "antwerpen", "Reglement economie 2026", Id)]);
        var stored = EventJson.Serialize(events[0].Event);
        Assert.DoesNotContain("Peeters", stored);
        Assert.DoesNotContain("0123456749", stored);
    }

    [Fact]
    public void An_old_grant_reads_as_before_without_regulation_or_beneficiary()
    {
        var spec = Registered().GivenStored("SubsidyGranted.v2", """{"grantRef":"G-1","amount":10,"funder":"eu","grantingProvince":null}""");
        var grant = spec.History.State.Grants["G-1"];
        Assert.Null(grant.Regulation);
        Assert.Null(grant.BeneficiaryId);
    }

    [Fact]
    public void A_grant_s_beneficiary_is_not_corrected_to_another_id()
    {
        var spec = Registered(Grant with { BeneficiaryId = Id });
        spec.ThenRefused(new CorrectProject(spec.EventIds[1],
            [new CorrectionChange { Field = "beneficiaryId", NewValue = System.Text.Json.JsonDocument.Parse("\"ben_0190000000007000800000000000ffff\"").RootElement }], "x"),
            RefusalKind.Invalid);
    }
}
