using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

/// <summary>
/// Who acts on a project: the lead province's officer records everything; an officer of a participating
/// province only partners, milestones and its own grants (GrantingProvinceTests); a correction or retraction
/// is accepted only from someone who could record the event both as it stands and as corrected.
/// Kamp C is led by Antwerpen, with Limburg taking part.
/// </summary>
public sealed class ScopeTests
{
    private static readonly Actor Lead = Actors.Officer("antwerpen");
    private static readonly Actor Participant = Actors.Officer("limburg");
    private static readonly Actor Outsider = Actors.Officer("oost-vlaanderen");

    private static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };

    [Fact]
    public void An_officer_registers_only_projects_led_by_a_province_it_acts_for()
    {
        New().Then(RegisterKampC, [KampC], Lead);
        New().ThenRefused(RegisterKampC, RefusalKind.Forbidden, Participant);
        New().ThenRefused(RegisterKampC, RefusalKind.Forbidden, Outsider);
    }

    [Fact]
    public void The_lead_s_officer_names_the_participating_provinces() =>
        New().Then(RegisterKampC with { ParticipatingProvinces = ["limburg", "west-vlaanderen"] },
            [KampC with { ParticipatingProvinces = ["limburg", "west-vlaanderen"] }], Lead);

    [Fact]
    public void An_officer_of_a_participating_province_records_none_of_the_lead_s_money_outputs_or_status()
    {
        var spec = Registered(Grant);
        spec.ThenRefused(new GrantSubsidy("G-2", 5_000_000m, "province", "antwerpen"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new PaySubsidy("G-1", 10m, "P-1"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new ReportOutput("jobs-created", 3, "2026-Q1"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new ChangeProjectStatus("running"), RefusalKind.Forbidden, Participant);

        spec.Then(new GrantSubsidy("G-2", 10m, "province"), [new SubsidyGranted("G-2", 10m, "province", "antwerpen")], Lead);
    }

    [Fact]
    public void An_officer_of_a_participating_province_records_partners_and_milestones()
    {
        var spec = Registered();
        spec.Then(new AddPartner("UHasselt", null), [new PartnerJoined("UHasselt", null)], Participant);
        spec.Then(new ReachMilestone("Kick-off", null), [new MilestoneReached("Kick-off", null)], Participant);

        spec.ThenRefused(new AddPartner("VITO", null), RefusalKind.Forbidden, Outsider);
        spec.ThenRefused(new ReachMilestone("Bouwvergunning", null), RefusalKind.Forbidden, Outsider);
    }

    [Fact]
    public void Only_the_lead_s_officer_corrects_the_participating_provinces()
    {
        var spec = Registered();
        var withoutLimburg = new CorrectProject(spec.EventIds[0], [Change("participatingProvinces", "[]")], "Limburg does not take part");
        var withWestVlaanderen = new CorrectProject(spec.EventIds[0],
            [Change("participatingProvinces", "[\"limburg\",\"west-vlaanderen\"]")], "West-Vlaanderen takes part");

        spec.ThenRefused(withoutLimburg, RefusalKind.Forbidden, Participant);
        spec.ThenRefused(withWestVlaanderen, RefusalKind.Forbidden, Participant);
        spec.ThenRefused(withWestVlaanderen, RefusalKind.Forbidden, Outsider);

        var events = spec.Then(withWestVlaanderen, [new ProjectCorrected(spec.EventIds[0],
            [new FieldCorrection("participatingProvinces", "[\"limburg\"]", "[\"limburg\",\"west-vlaanderen\"]")], "West-Vlaanderen takes part")], Lead);
        Assert.Equal(["antwerpen", "limburg", "west-vlaanderen"], events[0].Scope.Provinces);
    }

    [Fact]
    public void A_correction_that_drops_a_participant_is_filed_under_it_too()
    {
        var spec = Registered();
        var events = spec.Then(new CorrectProject(spec.EventIds[0], [Change("participatingProvinces", "[]")], "Limburg does not take part"),
            [new ProjectCorrected(spec.EventIds[0], [new FieldCorrection("participatingProvinces", "[\"limburg\"]", "[]")], "Limburg does not take part")],
            Lead);

        Assert.Equal(["antwerpen", "limburg"], events[0].Scope.Provinces);
        Assert.Equal(["antwerpen"], spec.History.State.Provinces);
    }

    [Fact]
    public void An_officer_of_a_participating_province_neither_corrects_nor_retracts_the_lead_s_money()
    {
        var spec = Registered(Grant, new PartnerJoined("Wrong partner", null));

        spec.ThenRefused(new CorrectProject(spec.EventIds[1], [Change("amount", "5000000")], "x"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new RetractProjectEvent(spec.EventIds[1], "x"), RefusalKind.Forbidden, Participant);
        spec.ThenRefused(new RetractProjectEvent(spec.EventIds[2], "x"), RefusalKind.Forbidden, Outsider);

        spec.Then(new RetractProjectEvent(spec.EventIds[2], "wrong project"), [new ProjectRetracted(spec.EventIds[2], "wrong project")], Participant);
    }
}
