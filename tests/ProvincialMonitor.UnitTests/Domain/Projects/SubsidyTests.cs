using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class SubsidyTests
{
    [Fact]
    public void A_subsidy_is_granted() =>
        Registered().Then(new GrantSubsidy("G-1", 100_000m, "province", "antwerpen") { DecisionRef = "DEP-2026-114", Body = "deputatie" }, [Grant]);

    [Fact]
    public void A_grant_reference_is_granted_once() =>
        Registered(Grant).ThenRefused(new GrantSubsidy("G-1", 5m, "pom"), RefusalKind.Conflict);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.005)]
    public void Money_is_euro_with_at_most_two_decimals_and_more_than_zero(double amount) =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", (decimal)amount, "province"), "amount");

    [Fact]
    public void A_funder_is_the_province_the_pom_flanders_or_the_eu() =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", 10m, "bank"), "funder");

    [Fact]
    public void A_missing_amount_is_named() =>
        Specs.ThenInvalid(new GrantSubsidy("G-1", null, "province"), "amount");

    [Fact]
    public void A_grant_is_paid_in_parts_up_to_its_amount()
    {
        var spec = Registered(Grant);
        spec.Then(new PaySubsidy("G-1", 60_000m, "P-1"), [new SubsidyPaid("G-1", 60_000m, "P-1", PaymentKinds.Advance)]);
        spec.Then(new PaySubsidy("G-1", 40_000m, "P-2"), [new SubsidyPaid("G-1", 40_000m, "P-2", PaymentKinds.Advance)]);

        Assert.Equal(100_000m, spec.History.State.Grants["G-1"].Paid);
    }

    [Fact]
    public void A_grant_cannot_be_paid_more_than_it_granted() =>
        Registered(Grant, new SubsidyPaid("G-1", 60_000m, "P-1")).ThenRefused(new PaySubsidy("G-1", 40_000.01m, "P-2"), RefusalKind.Conflict);

    [Fact]
    public void A_payment_names_a_granted_subsidy() =>
        Registered().ThenRefused(new PaySubsidy("G-9", 1m, "P-1"), RefusalKind.Conflict);
}
