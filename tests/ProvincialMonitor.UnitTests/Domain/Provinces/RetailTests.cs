using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class RetailTests
{
    private static readonly GiveRetailPermitAdvice GiveAdvice = new(Hasselt, "OMV_2026012345", 1_250m, "voeding", "conditional");
    private static readonly FileRetailAppeal FileAppeal = new("BER-2026-07", Hasselt, "OMV_2026012345", "applicant");

    [Fact]
    public void A_permit_advice_is_given_for_a_municipality_of_the_province_and_filed_under_retail()
    {
        var events = Registered().Then(GiveAdvice, [Advice], Actors.Officer("limburg"));

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
    }

    [Fact]
    public void A_permit_advice_for_a_municipality_of_another_province_is_a_conflict() =>
        Registered().ThenRefused(GiveAdvice with { Municipality = Gent }, RefusalKind.Conflict);

    [Fact]
    public void A_permit_advice_for_an_unknown_nis_code_is_invalid_and_names_the_municipality()
    {
        // 71022 was Hasselt's code before its merger with Kortessem in 2025.
        var refusal = Registered().ThenRefused(GiveAdvice with { Municipality = "71022" }, RefusalKind.Invalid);
        Assert.Equal("municipality", refusal.Errors.Single().Field);
    }

    [Fact]
    public void A_permit_has_one_advice() =>
        Registered(Advice).ThenRefused(GiveAdvice with { Advice = "favourable" }, RefusalKind.Conflict);

    [Theory]
    [InlineData("municipality")]
    [InlineData("permitRef")]
    [InlineData("netRetailAreaM2")]
    [InlineData("goodsCategory")]
    [InlineData("advice")]
    public void A_permit_advice_needs_every_field_in_its_form(string field)
    {
        var command = field switch
        {
            "municipality" => GiveAdvice with { Municipality = "7107" },
            "permitRef" => GiveAdvice with { PermitRef = null },
            "netRetailAreaM2" => GiveAdvice with { NetRetailAreaM2 = 0 },
            "goodsCategory" => GiveAdvice with { GoodsCategory = " " },
            _ => GiveAdvice with { Advice = "positive" },
        };
        Specs.ThenInvalid(command, field);
    }

    [Fact]
    public void An_appeal_is_filed_and_filed_under_retail()
    {
        var events = Registered().Then(FileAppeal, [Appeal]);
        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
    }

    [Fact]
    public void An_appeal_needs_no_permit_or_appellant() =>
        Registered().Then(FileAppeal with { PermitRef = null, Appellant = null }, [Appeal with { PermitRef = null, Appellant = null }]);

    [Fact]
    public void An_appeal_reference_is_filed_once() =>
        Registered(Appeal).ThenRefused(FileAppeal, RefusalKind.Conflict);

    [Fact]
    public void An_appeal_about_a_municipality_of_another_province_is_a_conflict() =>
        Registered().ThenRefused(FileAppeal with { Municipality = Gent }, RefusalKind.Conflict);

    [Fact]
    public void An_appeal_about_an_unknown_municipality_is_invalid() =>
        Registered().ThenRefused(FileAppeal with { Municipality = "99999" }, RefusalKind.Invalid);

    [Fact]
    public void A_filed_appeal_is_decided_and_filed_under_retail()
    {
        var spec = Registered(Appeal);
        var events = spec.Then(new DecideRetailAppeal("BER-2026-07", "partially-granted"), [new RetailAppealDecided("BER-2026-07", "partially-granted")]);

        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
        Assert.True(spec.History.State.IsDecided("BER-2026-07"));
    }

    [Fact]
    public void An_appeal_that_was_not_filed_is_not_decided() =>
        Registered().ThenRefused(new DecideRetailAppeal("BER-2026-07", "granted"), RefusalKind.Conflict);

    [Fact]
    public void An_appeal_is_decided_once() =>
        Registered(Appeal, new RetailAppealDecided("BER-2026-07", "rejected"))
            .ThenRefused(new DecideRetailAppeal("BER-2026-07", "granted"), RefusalKind.Conflict);

    [Fact]
    public void An_appeal_outcome_is_granted_rejected_or_partially_granted()
    {
        Specs.ThenInvalid(new DecideRetailAppeal("BER-2026-07", "withdrawn"), "outcome");
        Specs.ThenInvalid(new DecideRetailAppeal(null, "granted"), "appealRef");
        Specs.ThenInvalid(FileAppeal with { AppealRef = "" }, "appealRef");
        Specs.ThenInvalid(FileAppeal with { Municipality = null }, "municipality");
    }
}
