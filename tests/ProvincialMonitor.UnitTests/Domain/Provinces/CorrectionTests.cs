using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class CorrectionTests
{
    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void A_correction_changes_a_recorded_population_and_the_state_follows_it()
    {
        var spec = Registered(Population2024);

        spec.Then(new CorrectProvince(spec.EventIds[1], [Change("inhabitants", "900100")], "Statbel revised the figure"),
            [new ProvinceCorrected(spec.EventIds[1], [new FieldCorrection("inhabitants", "900098", "900100")], "Statbel revised the figure")]);

        Assert.Equal(900_100, spec.History.State.Populations.Single().Inhabitants);
    }

    [Fact]
    public void A_correction_is_filed_under_the_domain_of_the_event_it_names()
    {
        var spec = Registered(Budget);
        var events = spec.Then(new CorrectProvince(spec.EventIds[1], [Change("amount", "1250000")], "amendment"),
            [new ProvinceCorrected(spec.EventIds[1], [new FieldCorrection("amount", "1200000", "1250000")], "amendment")]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void A_correction_may_not_record_a_population_year_twice()
    {
        var spec = Registered(Population2024, new PopulationRecorded(2025, 904_000, 38));
        var refusal = spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("referenceYear", "2024")], "x"), RefusalKind.Conflict);
        Assert.Contains("2024 would be recorded twice", refusal.Message);
    }

    [Fact]
    public void A_correction_may_not_make_money_negative_or_fractional_cents()
    {
        var spec = Registered(Budget, SmartPort);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("amount", "-5")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("amount", "10.001")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("amount", "-1")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("votesAgainst", "-1")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_may_not_move_a_retail_advice_to_another_province()
    {
        var spec = Registered(Advice);
        var refusal = spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("municipality", $"\"{Gent}\"")], "x"), RefusalKind.Conflict);
        Assert.Contains("lies in oost-vlaanderen", refusal.Message);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("municipality", "\"99999\"")], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectProvince(spec.EventIds[1], [Change("advice", "\"unfavourable\"")], "wrong box ticked"),
            [new ProvinceCorrected(spec.EventIds[1], [new FieldCorrection("advice", "\"conditional\"", "\"unfavourable\"")], "wrong box ticked")]);
    }

    [Fact]
    public void A_correction_may_not_leave_an_appeal_decided_without_being_filed()
    {
        var spec = Registered(Appeal, new RetailAppealDecided("BER-2026-07", "rejected"));
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("appealRef", "\"BER-2026-08\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("appealRef", "\"BER-2026-08\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("outcome", "\"withdrawn\"")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_filed_appeal_is_not_retracted_while_its_decision_stands()
    {
        var spec = Registered(Appeal, new RetailAppealDecided("BER-2026-07", "rejected"));
        var refusal = spec.ThenRefused(new RetractProvinceEvent(spec.EventIds[1], "mistake"), RefusalKind.Conflict);
        Assert.Contains("decided without being filed", refusal.Message);

        spec.Then(new RetractProvinceEvent(spec.EventIds[2], "decided on the wrong appeal"),
            [new ProvinceRetracted(spec.EventIds[2], "decided on the wrong appeal")]);
        spec.Then(new RetractProvinceEvent(spec.EventIds[1], "filed by mistake"), [new ProvinceRetracted(spec.EventIds[1], "filed by mistake")]);
        Assert.Empty(spec.History.State.Appeals);
    }

    [Fact]
    public void A_correction_may_not_take_a_decision_reference_twice_or_empty_a_required_field()
    {
        var spec = Registered(SmartPort, SmartPort with { Reference = "PR-2026-03", DecidingBody = "provincieraad" });
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("reference", "\"DEP-2026-114\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("title", "null")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("domain", "\"tourism\"")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_may_not_break_an_indicator_rule()
    {
        var spec = Registered(new IndicatorMeasured("employment-rate", 76.4m, "percent", "2025", "Steunpunt Werk"), new TargetSet("employment-rate", 80m, 2030));
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("value", "764")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[2], [Change("targetValue", "800")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void The_registration_is_corrected_not_retracted_and_keeps_its_slug_and_nis_code()
    {
        var spec = Registered();
        spec.ThenRefused(new RetractProvinceEvent(spec.EventIds[0], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[0], [Change("slug", "\"antwerpen\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[0], [Change("nisCode", "\"10000\"")], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectProvince(spec.EventIds[0], [Change("pom", "\"POM Limburg NV\"")], "full name"),
            [new ProvinceCorrected(spec.EventIds[0], [new FieldCorrection("pom", "\"POM Limburg\"", "\"POM Limburg NV\"")], "full name")]);
        Assert.Equal("POM Limburg NV", spec.History.State.Pom);
    }

    [Fact]
    public void A_retraction_withdraws_an_event_and_the_state_forgets_it()
    {
        var spec = Registered(Budget);
        var events = spec.Then(new RetractProvinceEvent(spec.EventIds[1], "allocated twice"), [new ProvinceRetracted(spec.EventIds[1], "allocated twice")]);

        Assert.Empty(spec.History.State.Budget);
        Assert.True(spec.History.FindFact(spec.EventIds[1])!.Retracted);
        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void A_retracted_event_is_not_retracted_or_corrected_again()
    {
        var spec = Registered(Budget);
        spec.Then(new RetractProvinceEvent(spec.EventIds[1], "mistake"), [new ProvinceRetracted(spec.EventIds[1], "mistake")]);

        spec.ThenRefused(new RetractProvinceEvent(spec.EventIds[1], "again"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("amount", "5")], "again"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_names_an_event_of_this_province_s_stream() =>
        Registered(Budget).ThenRefused(new CorrectProvince(Guid.CreateVersion7(), [Change("amount", "1")], "x"), RefusalKind.Conflict);

    [Fact]
    public void An_officer_of_another_province_may_not_correct_or_retract()
    {
        var spec = Registered(Budget);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[1], [Change("amount", "5")], "x"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        spec.ThenRefused(new RetractProvinceEvent(spec.EventIds[1], "x"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
    }

    [Fact]
    public void Only_an_administrator_corrects_the_registration_which_only_an_administrator_records()
    {
        var spec = Registered(Budget);
        spec.ThenRefused(new CorrectProvince(spec.EventIds[0], [Change("pom", "\"POM Limburg NV\"")], "full name"), RefusalKind.Forbidden,
            Actors.Officer("limburg"));
        spec.Then(new CorrectProvince(spec.EventIds[1], [Change("amount", "1250000")], "typing error"),
            [new ProvinceCorrected(spec.EventIds[1], [new FieldCorrection("amount", "1200000", "1250000")], "typing error")], Actors.Officer("limburg"));
    }

    [Fact]
    public void A_correction_needs_an_event_a_reason_and_changes()
    {
        Specs.ThenInvalid(new CorrectProvince(null, [Change("amount", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectProvince(Guid.NewGuid(), [], "r"), "changes");
        Specs.ThenInvalid(new CorrectProvince(Guid.NewGuid(), [Change("amount", "1")], null), "reason");
        Specs.ThenInvalid(new RetractProvinceEvent(null, "r"), "eventId");
        Specs.ThenInvalid(new RetractProvinceEvent(Guid.NewGuid(), " "), "reason");
    }
}
