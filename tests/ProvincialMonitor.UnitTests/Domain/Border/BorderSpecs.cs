using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains;
using ProvincialMonitor.Grains.Border;

namespace ProvincialMonitor.UnitTests.Domain.Border;

/// <summary>A province's border consultations and its GROS list of border obstacles.</summary>
public sealed class BorderSpecs
{
    private const string Province = "oost-vlaanderen";

    private static readonly BorderObstacleRecorded Frontier = new("GROS-12", "Erkenning diploma's zorgberoepen", "Verpleegkundigen uit Zeeland", "health");

    private static Spec<BorderState, BorderCommand> New(string province = Province) =>
        new(BorderDecider.Initial(province), BorderDecider.Evolve, BorderDecider.Decide);

    [Fact]
    public void A_consultation_is_an_event_of_the_provinces_border_stream_filed_under_cross_border()
    {
        var events = New().Then(new HoldBorderConsultation("GSO-2026-1", "Grensarbeid en pendel", ["Provincie Zeeland", "Euregio Scheldemond", "Provincie Zeeland"]),
            [new BorderConsultationHeld("GSO-2026-1", "Grensarbeid en pendel", ["Provincie Zeeland", "Euregio Scheldemond"])], Actors.Officer(Province));

        Assert.Equal("border-oost-vlaanderen", BorderDecider.StreamId(Province));
        Assert.Equal([Province], events[0].Scope.Provinces);
        Assert.Equal(PolicyDomains.CrossBorder, events[0].Scope.Domain);
    }

    [Fact]
    public void A_consultation_names_its_partners() =>
        Specs.ThenInvalid(new HoldBorderConsultation("GSO-1", "Mobiliteit", []), "partners");

    [Fact]
    public void A_consultation_is_recorded_once() =>
        New().Given(new BorderConsultationHeld("GSO-1", "Mobiliteit", ["Provincie Zeeland"]))
            .ThenRefused(new HoldBorderConsultation("GSO-1", "Mobiliteit", ["Provincie Zeeland"]), RefusalKind.Conflict);

    [Fact]
    public void An_officer_of_another_province_does_not_record_on_this_list() =>
        New().ThenRefused(new RecordBorderObstacle("GROS-1", "Pendel", null, null), RefusalKind.Forbidden, Actors.Officer("limburg"));

    [Fact]
    public void Not_a_flemish_province_is_not_found() =>
        New("zeeland").ThenRefused(new RecordBorderObstacle("GROS-1", "Pendel", null, null), RefusalKind.NotFound);

    [Fact]
    public void An_obstacle_is_recorded_then_changes_status_then_is_solved()
    {
        var spec = New().Given(Frontier);
        spec.Then(new ChangeBorderObstacleStatus("GROS-12", BorderObstacleStatuses.Escalated, "Naar het Benelux-secretariaat"),
            [new BorderObstacleStatusChanged("GROS-12", BorderObstacleStatuses.Escalated, "Naar het Benelux-secretariaat")]);
        spec.Then(new SolveBorderObstacle("GROS-12", "Wederzijdse erkenning via Benelux-beschikking"),
            [new BorderObstacleSolved("GROS-12", "Wederzijdse erkenning via Benelux-beschikking")]);

        var view = AggregateViews.Border(spec.History.State).Obstacles.Single();
        Assert.Equal((BorderObstacleStatuses.Solved, "Wederzijdse erkenning via Benelux-beschikking"), (view.Status, view.Solution));
    }

    [Fact]
    public void An_obstacle_is_on_the_list_once() =>
        New().Given(Frontier).ThenRefused(new RecordBorderObstacle("GROS-12", "Iets anders", null, null), RefusalKind.Conflict);

    [Fact]
    public void An_obstacle_solved_twice_is_refused()
    {
        var refusal = New().Given(Frontier, new BorderObstacleSolved("GROS-12", "Opgelost"))
            .ThenRefused(new SolveBorderObstacle("GROS-12", "Nog eens"), RefusalKind.Conflict);
        Assert.Equal("border.obstacle-solved", refusal.Code);
    }

    [Fact]
    public void A_solved_obstacle_does_not_change_status() =>
        New().Given(Frontier, new BorderObstacleSolved("GROS-12", "Opgelost"))
            .ThenRefused(new ChangeBorderObstacleStatus("GROS-12", BorderObstacleStatuses.InProgress, null), RefusalKind.Conflict);

    [Fact]
    public void The_same_status_twice_is_refused() =>
        New().Given(Frontier, new BorderObstacleStatusChanged("GROS-12", BorderObstacleStatuses.InProgress, null))
            .ThenRefused(new ChangeBorderObstacleStatus("GROS-12", BorderObstacleStatuses.InProgress, null), RefusalKind.Conflict);

    [Fact]
    public void An_obstacle_not_on_the_list_is_not_found() =>
        New().ThenRefused(new SolveBorderObstacle("GROS-99", "Opgelost"), RefusalKind.NotFound);

    [Theory]
    [InlineData("solved")]
    [InlineData("recorded")]
    [InlineData("weg")]
    public void A_status_change_sets_an_open_status_only(string status) =>
        Specs.ThenInvalid(new ChangeBorderObstacleStatus("GROS-12", status, null), "status");

    [Fact]
    public void Retracting_a_recording_that_has_a_solution_is_refused()
    {
        var spec = New().Given(Frontier, new BorderObstacleSolved("GROS-12", "Opgelost"));
        Assert.Equal("border.obstacle-unrecorded", spec.ThenRefused(new RetractBorderEvent(spec.EventIds[0], "vergissing"), RefusalKind.Conflict).Code);
    }

    [Fact]
    public void A_correction_of_an_obstacle_is_checked_as_its_command()
    {
        var spec = New().Given(Frontier);
        var change = new CorrectionChange { Field = "theme", NewValue = JsonDocument.Parse("\"weather\"").RootElement };
        spec.ThenRefused(new CorrectBorder(spec.EventIds[0], [change], "tikfout"), RefusalKind.Invalid);
    }
}
