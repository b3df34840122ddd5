using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class CorrectionTests
{
    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void A_correction_records_old_and_new_values_and_the_state_follows_it()
    {
        var spec = Registered(Grant);

        spec.Then(new CorrectProject(spec.EventIds[1], [Change("amount", "120000.50")], "typing error in the decision"),
            [new ProjectCorrected(spec.EventIds[1], [new FieldCorrection("amount", "100000", "120000.5")], "typing error in the decision")]);

        Assert.Equal(120_000.50m, spec.History.State.Grants["G-1"].Amount);
    }

    [Fact]
    public void A_correction_names_an_event_of_the_same_stream() =>
        Registered(Grant).ThenRefused(new CorrectProject(Guid.CreateVersion7(), [Change("amount", "1")], "x"), RefusalKind.Conflict);

    [Fact]
    public void A_correction_changes_existing_fields_only()
    {
        var spec = Registered(Grant);
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("colour", "\"red\"")], "x"), RefusalKind.Invalid);
        Assert.Equal("changes[0].field", refusal.Errors.Single().Field);
    }

    [Fact]
    public void A_correction_gives_a_valid_value()
    {
        var spec = Registered(Grant);
        spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("amount", "\"a lot\"")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_correction_may_not_break_an_invariant()
    {
        var spec = Registered(Grant, new SubsidyPaid("G-1", 80_000m, "P-1"));
        spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("amount", "50000")], "lower"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("amount", "-5")], "negative"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_corrected_event_must_pass_the_rules_of_its_command()
    {
        var spec = Registered(Grant, new SubsidyPaid("G-1", 100m, "P-1"), new ProjectStatusChanged("running"));

        spec.ThenRefused(new CorrectProject(spec.EventIds[2], [Change("amount", "-100")], "negative payment"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectProject(spec.EventIds[0], [Change("participatingProvinces", "[\"narnia\"]")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectProject(spec.EventIds[0], [Change("title", "\" \"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectProject(spec.EventIds[3], [Change("status", "\"planned\"")], "back"), RefusalKind.Conflict);
    }

    [Theory]
    [InlineData("participatingProvinces")]
    [InlineData("clusters")]
    [InlineData("partners")]
    public void A_list_of_the_registration_is_not_corrected_to_null(string field)
    {
        var spec = Registered();
        var refusal = spec.ThenRefused(new CorrectProject(spec.EventIds[0], [Change(field, "null")], "none"), RefusalKind.Invalid);
        Assert.Equal("changes", refusal.Errors.Single().Field);
    }

    [Fact]
    public void The_project_id_is_not_corrected()
    {
        var spec = Registered();
        spec.ThenRefused(new CorrectProject(spec.EventIds[0], [Change("projectId", "\"other\"")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_retraction_withdraws_an_event_and_the_state_forgets_it()
    {
        var spec = Registered(Grant, new PartnerJoined("Wrong partner", null));

        spec.Then(new RetractProjectEvent(spec.EventIds[2], "recorded for the wrong project"),
            [new ProjectRetracted(spec.EventIds[2], "recorded for the wrong project")]);

        Assert.DoesNotContain("Wrong partner", spec.History.State.Partners);
        Assert.True(spec.History.FindFact(spec.EventIds[2])!.Retracted);
    }

    [Fact]
    public void A_retracted_event_is_not_retracted_or_corrected_again()
    {
        var spec = Registered(Grant);
        spec.Then(new RetractProjectEvent(spec.EventIds[1], "mistake"), [new ProjectRetracted(spec.EventIds[1], "mistake")]);

        spec.ThenRefused(new RetractProjectEvent(spec.EventIds[1], "again"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("amount", "5")], "again"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_paid_grant_cannot_be_retracted_while_its_payments_stand()
    {
        var spec = Registered(Grant, new SubsidyPaid("G-1", 10m, "P-1"));
        spec.ThenRefused(new RetractProjectEvent(spec.EventIds[1], "mistake"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_or_retraction_is_not_itself_corrected()
    {
        var spec = Registered(Grant);
        spec.Then(new CorrectProject(spec.EventIds[1], [Change("funder", "\"pom\"")], "funder"),
            [new ProjectCorrected(spec.EventIds[1], [new FieldCorrection("funder", "\"province\"", "\"pom\"")], "funder")]);
        var correctionId = spec.History.Facts[^1].EventId;

        spec.ThenRefused(new RetractProjectEvent(correctionId, "undo"), RefusalKind.Conflict);
    }

    [Fact]
    public void The_registration_is_corrected_not_retracted()
    {
        var spec = Registered();
        spec.ThenRefused(new RetractProjectEvent(spec.EventIds[0], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectProject(spec.EventIds[0], [Change("title", "\"Kamp C\"")], "shorter"),
            [new ProjectCorrected(spec.EventIds[0], [new FieldCorrection("title", "\"Kamp C: circulair bouwen\"", "\"Kamp C\"")], "shorter")]);
        Assert.Equal("Kamp C", spec.History.State.Title);
    }

    [Fact]
    public void A_correction_needs_an_event_a_reason_and_changes()
    {
        Specs.ThenInvalid(new CorrectProject(null, [Change("amount", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectProject(Guid.NewGuid(), [], "r"), "changes");
        Specs.ThenInvalid(new CorrectProject(Guid.NewGuid(), [Change("amount", "1")], null), "reason");
    }
}
