using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>Advances, the balance that closes a grant, and recoveries (terugvordering): Given events, When a command, Then events or a refusal.</summary>
public sealed class GrantPaymentSpecs
{
    private static readonly SubsidyPaid Advance = new("G-1", 60_000m, "P-1", PaymentKinds.Advance);

    [Fact]
    public void A_payment_is_an_advance_unless_it_says_balance() =>
        Registered(Grant).Then(new PaySubsidy("G-1", 10_000m, "P-1"), [new SubsidyPaid("G-1", 10_000m, "P-1", PaymentKinds.Advance)]);

    [Fact]
    public void Given_advances_when_the_balance_pays_the_rest_then_it_is_stored_and_closes_the_grant()
    {
        var spec = Registered(Grant, Advance);
        spec.Then(new PaySubsidy("G-1", 40_000m, "P-2", PaymentKinds.Balance), [new SubsidyPaid("G-1", 40_000m, "P-2", PaymentKinds.Balance)]);
        Assert.Equal("P-2", spec.History.State.Grants["G-1"].BalanceRef);
    }

    [Fact]
    public void Given_advances_when_a_balance_would_pay_more_than_granted_then_it_is_refused()
    {
        var refusal = Registered(Grant, Advance).ThenRefused(new PaySubsidy("G-1", 40_000.01m, "P-2", PaymentKinds.Balance), RefusalKind.Conflict);
        Assert.Equal(Refusals.GrantOverpaid.Code, refusal.Code);
    }

    [Fact]
    public void Given_a_balance_when_anything_more_is_paid_then_it_is_refused_naming_the_balance()
    {
        var refusal = Registered(Grant, new SubsidyPaid("G-1", 30_000m, "P-1", PaymentKinds.Balance))
            .ThenRefused(new PaySubsidy("G-1", 1m, "P-2"), RefusalKind.Conflict);
        Assert.Equal(Refusals.GrantClosed.Code, refusal.Code);
        Assert.Equal("P-1", refusal.Arguments["balanceRef"]);
    }

    [Fact]
    public void A_payment_of_an_unknown_kind_is_refused_by_its_field() =>
        Specs.ThenInvalid(new PaySubsidy("G-1", 1m, "P-1", "final"), "kind");

    [Fact]
    public void An_old_payment_without_a_kind_reads_as_an_advance_and_leaves_the_grant_open()
    {
        var spec = Registered(Grant).GivenStored(EventTypes.NameOf(typeof(SubsidyPaid)), """{"grantRef":"G-1","amount":50000,"paymentRef":"P-0"}""");
        Assert.Null(spec.History.State.Grants["G-1"].BalanceRef);
        spec.Then(new PaySubsidy("G-1", 50_000m, "P-1", PaymentKinds.Balance), [new SubsidyPaid("G-1", 50_000m, "P-1", PaymentKinds.Balance)]);
    }

    [Fact]
    public void Given_payments_when_money_is_recovered_then_it_is_stored_and_paid_is_net_of_it()
    {
        var spec = Registered(Grant, Advance);
        spec.Then(new RecoverSubsidy("G-1", 15_000m, "T-1", "te veel betaald"), [new SubsidyRecovered("G-1", 15_000m, "T-1", "te veel betaald")]);
        Assert.Equal(45_000m, spec.History.State.Grants["G-1"].Net);
        Assert.Equal(15_000m, spec.History.State.Grants["G-1"].Recovered);
    }

    [Fact]
    public void Given_payments_and_a_recovery_when_a_recovery_would_take_back_more_than_is_paid_net_then_it_is_refused()
    {
        var refusal = Registered(Grant, Advance, new SubsidyRecovered("G-1", 50_000m, "T-1", null))
            .ThenRefused(new RecoverSubsidy("G-1", 10_000.01m, "T-2"), RefusalKind.Conflict);
        Assert.Equal(Refusals.GrantOverRecovered.Code, refusal.Code);
    }

    [Fact]
    public void A_recovery_names_a_granted_subsidy() =>
        Registered().ThenRefused(new RecoverSubsidy("G-9", 1m, "T-1"), RefusalKind.Conflict);

    [Fact]
    public void Given_a_closed_grant_money_can_still_be_recovered() =>
        Registered(Grant, new SubsidyPaid("G-1", 100_000m, "P-1", PaymentKinds.Balance))
            .Then(new RecoverSubsidy("G-1", 5_000m, "T-1"), [new SubsidyRecovered("G-1", 5_000m, "T-1", null)]);

    [Fact]
    public void Given_a_recovery_the_grant_can_be_paid_again_up_to_its_amount_net()
    {
        var spec = Registered(Grant, new SubsidyPaid("G-1", 100_000m, "P-1", PaymentKinds.Advance), new SubsidyRecovered("G-1", 20_000m, "T-1", null));
        spec.Then(new PaySubsidy("G-1", 20_000m, "P-2", PaymentKinds.Balance), [new SubsidyPaid("G-1", 20_000m, "P-2", PaymentKinds.Balance)]);
    }

    [Fact]
    public void A_correction_that_would_leave_more_recovered_than_paid_is_refused()
    {
        var spec = Registered(Grant, Advance, new SubsidyRecovered("G-1", 50_000m, "T-1", null));
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[2], [Change("amount", "40000")], "lager"), RefusalKind.Conflict);
        Assert.Equal(Refusals.GrantWouldBeOverRecovered.Code, refusal.Code);
    }

    [Fact]
    public void A_correction_that_would_put_a_payment_after_the_balance_is_refused()
    {
        var spec = Registered(Grant, new SubsidyPaid("G-1", 10_000m, "P-1", PaymentKinds.Advance), new SubsidyPaid("G-1", 10_000m, "P-2", PaymentKinds.Advance));
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[2], [Change("kind", "\"balance\"")], "saldo"), RefusalKind.Conflict);
        Assert.Equal(Refusals.GrantWouldBePaidAfterBalance.Code, refusal.Code);
    }

    [Fact]
    public void An_officer_of_the_granting_province_recovers_on_its_own_grant()
    {
        var pom = new SubsidyGranted("G-2", 10_000m, "pom", "limburg");
        Registered(pom, new SubsidyPaid("G-2", 10_000m, "P-1", PaymentKinds.Advance))
            .Then(new RecoverSubsidy("G-2", 1_000m, "T-1"), [new SubsidyRecovered("G-2", 1_000m, "T-1", null)], Actors.Officer("limburg"));
    }

    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };
}
