using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Region.RegionSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Region;

public sealed class RegionCorrectionTests
{
    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void A_correction_changes_a_flemish_value_and_is_filed_under_the_domain_of_the_event_it_names()
    {
        var spec = Given(Employment2025);

        var events = spec.Then(new CorrectRegion(spec.EventIds[0], [Change("value", "76.1")], "Statbel revised the figure"),
            [new RegionCorrected(spec.EventIds[0], [new FieldCorrection("value", "76", "76.1")], "Statbel revised the figure")]);

        Assert.Equal(76.1m, spec.History.State.Indicators.Measurements.Single().Value);
        Assert.Empty(events[0].Scope.Provinces);
        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void A_correction_may_not_break_an_indicator_rule()
    {
        var spec = Given(Employment2025, Target2030, new TargetSet("employment-rate", 78m, 2027));
        spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("value", "760")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("unit", "\"count\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[2], [Change("year", "2030")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[1], [Change("indicatorCode", "null")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_changes_existing_fields_to_valid_values_only()
    {
        var spec = Given(Target2030);
        var refusal = spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("province", "\"limburg\"")], "x"), RefusalKind.Invalid);
        Assert.Equal("changes[0].field", refusal.Errors.Single().Field);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("targetValue", "\"eighty\"")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void Any_flemish_event_may_be_retracted_because_the_region_has_no_registration()
    {
        var spec = Given(Target2030);
        var events = spec.Then(new RetractRegionEvent(spec.EventIds[0], "set by mistake"), [new RegionRetracted(spec.EventIds[0], "set by mistake")]);

        Assert.Empty(spec.History.State.Indicators.Targets);
        Assert.Equal("labour-market", events[0].Scope.Domain);
        spec.Then(new SetRegionTarget("employment-rate", 80m, 2030), [Target2030]);
    }

    [Fact]
    public void A_retracted_event_is_not_retracted_or_corrected_again_nor_is_a_correction_retracted()
    {
        var spec = Given(Target2030, Employment2025);
        spec.Then(new RetractRegionEvent(spec.EventIds[0], "mistake"), [new RegionRetracted(spec.EventIds[0], "mistake")]);
        spec.ThenRefused(new RetractRegionEvent(spec.EventIds[0], "again"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("targetValue", "81")], "again"), RefusalKind.Conflict);

        spec.Then(new CorrectRegion(spec.EventIds[1], [Change("source", "\"Steunpunt Werk\"")], "source"),
            [new RegionCorrected(spec.EventIds[1], [new FieldCorrection("source", "\"Statbel\"", "\"Steunpunt Werk\"")], "source")]);
        spec.ThenRefused(new RetractRegionEvent(spec.History.Facts[^1].EventId, "undo"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_names_an_event_of_the_region_s_stream() =>
        Given(Target2030).ThenRefused(new CorrectRegion(Guid.CreateVersion7(), [Change("targetValue", "81")], "x"), RefusalKind.Conflict);

    [Fact]
    public void Only_an_administrator_corrects_or_retracts()
    {
        var spec = Given(Target2030);
        spec.ThenRefused(new CorrectRegion(spec.EventIds[0], [Change("targetValue", "81")], "x"), RefusalKind.Forbidden, Actors.Officer("limburg"));
        spec.ThenRefused(new RetractRegionEvent(spec.EventIds[0], "x"), RefusalKind.Forbidden, Actors.Deputy);
    }

    [Fact]
    public void A_correction_needs_an_event_a_reason_and_changes()
    {
        Specs.ThenInvalid(new CorrectRegion(null, [Change("value", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectRegion(Guid.NewGuid(), null, "r"), "changes");
        Specs.ThenInvalid(new RetractRegionEvent(Guid.NewGuid(), null), "reason");
    }
}
