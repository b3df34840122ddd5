using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Provinces;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

/// <summary>
/// Credits in BBC 2020 terms: the provincial council adopts a credit per domain and year with the multi-year plan
/// (once) and changes it by an adjustment of the plan; both under the council's decision reference.
/// </summary>
public sealed class CreditTests
{
    private static readonly AdjustCredit Adjust = new("labour-market", 2026, 1_000_000m) { DecisionRef = "PR-2026-41", Body = "provincieraad" };

    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void A_credit_is_allocated_to_a_domain_for_a_year_and_filed_under_that_domain()
    {
        var events = Registered().Then(Allocate, [Budget]);

        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void An_allocation_or_adjustment_without_the_council_s_decision_reference_is_refused_naming_the_field()
    {
        foreach (Command command in new Command[] { Allocate with { DecisionRef = null }, Adjust with { DecisionRef = " " } })
        {
            var error = Assert.Single(command.Validate());
            Assert.Equal(("decisionRef", Refusals.FieldCreditNeedsDecision.Code), (error.Field, error.Code));
            Assert.Contains("provincieraad", error.Dutch, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_second_allocation_for_the_same_domain_and_year_is_refused_and_points_to_the_adjustment()
    {
        var spec = Registered(Budget);

        var refusal = spec.ThenRefused(Allocate with { Amount = 300_000m, DecisionRef = "PR-2026-41" }, RefusalKind.Conflict);

        Assert.Equal(Refusals.ProvinceCreditAllocated.Code, refusal.Code);
        Assert.Contains("/api/provinces/limburg/credit-adjustments", refusal.Dutch, StringComparison.Ordinal);
        Assert.Contains("aanpassing", refusal.Dutch, StringComparison.Ordinal);
        spec.Then(Allocate with { Year = 2027 }, [Budget with { Year = 2027 }]);
        spec.Then(Allocate with { Domain = "circular-economy" }, [Budget with { Domain = "circular-economy" }]);
    }

    [Fact]
    public void An_adjustment_records_the_new_total_and_the_change_and_the_credit_follows_it()
    {
        var spec = Registered(Budget);

        var events = spec.Then(Adjust, [new CreditAdjusted("labour-market", 2026, 1_000_000m, -200_000m)]);
        spec.Then(Adjust with { Amount = 1_300_000.50m }, [new CreditAdjusted("labour-market", 2026, 1_300_000.50m, 300_000.50m)]);

        Assert.Equal("labour-market", events[0].Scope.Domain);
        Assert.Equal(1_300_000.50m, spec.History.State.CreditOf("labour-market", 2026));
        var view = Grains.AggregateViews.Province(spec.History.State);
        Assert.Equal((1_200_000m, 1_300_000.50m), (Assert.Single(view.Budget).Amount, Assert.Single(view.Credits).Amount));
    }

    [Fact]
    public void A_credit_may_be_adjusted_to_zero_but_not_below()
    {
        Registered(Budget).Then(Adjust with { Amount = 0m }, [new CreditAdjusted("labour-market", 2026, 0m, -1_200_000m)]);
        Specs.ThenInvalid(Adjust with { Amount = -1m }, "amount");
        Specs.ThenInvalid(Adjust with { Amount = 10.005m }, "amount");
        Specs.ThenInvalid(Adjust with { Domain = "tourism" }, "domain");
        Specs.ThenInvalid(Adjust with { Year = 1980 }, "year");
    }

    [Fact]
    public void A_credit_never_allocated_is_not_adjusted()
    {
        var refusal = Registered(Budget).ThenRefused(Adjust with { Year = 2027 }, RefusalKind.Conflict);

        Assert.Equal(Refusals.ProvinceCreditNotAllocated.Code, refusal.Code);
        Assert.Contains("/api/provinces/limburg/budgets", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_log_s_several_allocations_of_one_domain_and_year_are_summed_as_recorded_and_an_adjustment_starts_from_that_sum()
    {
        var spec = Registered(Budget, Budget with { Amount = 300_000.50m });

        Assert.Equal(1_500_000.50m, spec.History.State.CreditOf("labour-market", 2026));
        spec.ThenRefused(Allocate, RefusalKind.Conflict);
        spec.Then(Adjust with { Amount = 1_600_000m }, [new CreditAdjusted("labour-market", 2026, 1_600_000m, 99_999.50m)]);
    }

    [Fact]
    public void A_correction_or_retraction_that_would_leave_an_adjustment_without_its_credit_or_a_credit_below_zero_is_refused()
    {
        var spec = Registered(Budget, new CreditAdjusted("labour-market", 2026, 200_000m, -1_000_000m));

        var retracted = spec.ThenRefused(new RetractProvinceEvent(spec.EventIds[1], "wrong"), RefusalKind.Conflict);
        var lowered = spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("amount", "900000")], "typo"), RefusalKind.Conflict);

        Assert.Equal(Refusals.ProvinceCreditAdjustedUnallocated.Code, retracted.Code);
        Assert.Equal(Refusals.ProvinceCreditNegative.Code, lowered.Code);
        spec.Then(new CorrectProvince(spec.EventIds[1], [Change("amount", "1000000")], "typo"),
            [new ProvinceCorrected(spec.EventIds[1], [new FieldCorrection("amount", "1200000", "1000000")], "typo")]);
        Assert.Equal(0m, spec.History.State.CreditOf("labour-market", 2026));
    }

    [Fact]
    public void A_state_from_a_snapshot_written_before_adjustments_existed_reads_as_having_none()
    {
        var old = ProvinceState.Unregistered(Slug) with { Adjustments = null! };

        Assert.Empty(old.CreditAdjustments());
        Assert.Single(ProvinceDecider.Apply(old, new CreditAdjusted("labour-market", 2026, 0m, 0m)).CreditAdjustments());
    }
}
