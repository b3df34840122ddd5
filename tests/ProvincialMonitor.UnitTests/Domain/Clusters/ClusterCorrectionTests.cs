using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Clusters.ClusterSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

public sealed class ClusterCorrectionTests
{
    [Fact]
    public void A_correction_records_old_and_new_values_and_the_state_follows_it()
    {
        var spec = Spearhead(LimburgFunding);

        var events = spec.Then(new CorrectCluster(spec.EventIds[1], [Change("amount", "300000.50")], "typing error in the decision"),
            [new ClusterCorrected(spec.EventIds[1], [new FieldCorrection("amount", "250000", "300000.5")], "typing error in the decision")]);

        Assert.Equal(300_000.50m, spec.History.State.Fundings.Single().Amount);
        Assert.Equal(["limburg"], events[0].Scope.Provinces);
    }

    [Fact]
    public void A_correction_of_the_funding_province_is_filed_under_both_provinces()
    {
        var spec = Spearhead(LimburgFunding);
        var events = spec.Then(new CorrectCluster(spec.EventIds[1], [Change("province", "\"antwerpen\"")], "wrong province"),
            [new ClusterCorrected(spec.EventIds[1], [new FieldCorrection("province", "\"limburg\"", "\"antwerpen\"")], "wrong province")]);

        Assert.Equal(["limburg", "antwerpen"], events[0].Scope.Provinces);
    }

    [Fact]
    public void An_officer_corrects_funding_only_within_the_provinces_it_acts_for()
    {
        var spec = Spearhead(LimburgFunding);
        var toAntwerpen = new CorrectCluster(spec.EventIds[1], [Change("province", "\"antwerpen\"")], "wrong province");

        spec.ThenRefused(toAntwerpen, RefusalKind.Forbidden, Actors.Officer("limburg"));
        spec.ThenRefused(toAntwerpen, RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        spec.Then(toAntwerpen, [new ClusterCorrected(spec.EventIds[1], [new FieldCorrection("province", "\"limburg\"", "\"antwerpen\"")], "wrong province")],
            Actors.Officer("limburg", "antwerpen"));
    }

    [Theory]
    [InlineData("amount", "-5")]
    [InlineData("amount", "0")]
    [InlineData("amount", "10.001")]
    [InlineData("province", "\"brussel\"")]
    [InlineData("purpose", "\"catering\"")]
    public void A_correction_of_funding_may_not_break_an_invariant(string field, string json)
    {
        var spec = Spearhead(LimburgFunding);
        spec.ThenRefused(new CorrectCluster(spec.EventIds[1], [Change(field, json)], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_gives_a_valid_value()
    {
        var spec = Spearhead(LimburgFunding);
        spec.ThenRefused(new CorrectCluster(spec.EventIds[1], [Change("amount", "\"a lot\"")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void The_slug_is_not_corrected()
    {
        var spec = Spearhead();
        var refusal = spec.ThenRefused(new CorrectCluster(spec.EventIds[0], [Change("slug", "\"sim\"")], "x"), RefusalKind.Invalid);
        Assert.Equal("changes[0].field", refusal.Errors.Single().Field);
    }

    [Fact]
    public void The_registration_is_corrected_not_retracted()
    {
        var spec = Provincial();
        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[0], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectCluster(spec.EventIds[0], [Change("sector", "\"bouw en renovatie\"")], "broader"),
            [new ClusterCorrected(spec.EventIds[0], [new FieldCorrection("sector", "\"bouw\"", "\"bouw en renovatie\"")], "broader")]);
        Assert.Equal("bouw en renovatie", spec.History.State.Sector);
    }

    [Fact]
    public void A_provincial_cluster_does_not_become_a_spearhead_cluster_by_correction()
    {
        var spec = Provincial();
        spec.ThenRefused(new CorrectCluster(spec.EventIds[0], [Change("kind", "\"spearhead\""), Change("province", "null")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCluster(spec.EventIds[0], [Change("province", "null")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_provincial_cluster_moves_to_another_province_only_by_someone_acting_for_both()
    {
        var spec = Provincial(UAntwerpenJoined);
        var toLimburg = new CorrectCluster(spec.EventIds[0], [Change("province", "\"limburg\"")], "registered under the wrong province");

        spec.ThenRefused(toLimburg, RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        var events = spec.Then(toLimburg,
            [new ClusterCorrected(spec.EventIds[0], [new FieldCorrection("province", "\"antwerpen\"", "\"limburg\"")], "registered under the wrong province")],
            Actors.Officer("antwerpen", "limburg"));

        Assert.Equal(["antwerpen", "limburg"], events[0].Scope.Provinces);
        Assert.Equal("limburg", spec.History.State.Province);
    }

    [Fact]
    public void A_retraction_withdraws_a_join_and_the_state_forgets_it()
    {
        var spec = Provincial(UAntwerpenJoined);

        var events = spec.Then(new RetractClusterEvent(spec.EventIds[1], "recorded for the wrong cluster"),
            [new ClusterRetracted(spec.EventIds[1], "recorded for the wrong cluster")]);

        Assert.Empty(spec.History.State.Members);
        Assert.True(spec.History.FindFact(spec.EventIds[1])!.Retracted);
        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
    }

    [Fact]
    public void A_retraction_of_funding_is_filed_under_the_funding_province()
    {
        var spec = Provincial(LimburgFunding);
        var events = spec.Then(new RetractClusterEvent(spec.EventIds[1], "double entry"), [new ClusterRetracted(spec.EventIds[1], "double entry")]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Empty(spec.History.State.Fundings);
    }

    [Fact]
    public void Retracting_a_join_that_a_later_leave_depends_on_is_refused()
    {
        var spec = Provincial(UAntwerpenJoined, UAntwerpenLeft);
        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[1], "mistake"), RefusalKind.Conflict);
    }

    [Fact]
    public void Retracting_a_leave_between_two_joins_is_refused()
    {
        var spec = Provincial(UAntwerpenJoined, UAntwerpenLeft, UAntwerpenJoined);
        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[2], "mistake"), RefusalKind.Conflict);
    }

    [Fact]
    public void Renaming_a_join_that_a_later_leave_depends_on_is_refused()
    {
        var spec = Provincial(UAntwerpenJoined, UAntwerpenLeft);
        spec.ThenRefused(new CorrectCluster(spec.EventIds[1], [Change("member", "\"UGent\"")], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_leave_and_then_its_join_may_be_retracted()
    {
        var spec = Provincial(UAntwerpenJoined, UAntwerpenLeft);
        spec.Then(new RetractClusterEvent(spec.EventIds[2], "mistake"), [new ClusterRetracted(spec.EventIds[2], "mistake")]);
        spec.Then(new RetractClusterEvent(spec.EventIds[1], "mistake"), [new ClusterRetracted(spec.EventIds[1], "mistake")]);
        Assert.Empty(spec.History.State.Members);
    }

    [Fact]
    public void An_officer_of_another_province_does_not_retract_or_correct_the_cluster_events()
    {
        var spec = Provincial(UAntwerpenJoined, LimburgFunding);
        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[1], "x"), RefusalKind.Forbidden, Actors.Officer("limburg"));
        spec.ThenRefused(new CorrectCluster(spec.EventIds[0], [Change("name", "\"x\"")], "x"), RefusalKind.Forbidden, Actors.Officer("limburg"));
        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[2], "x"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
    }

    [Fact]
    public void A_correction_names_an_event_of_the_same_stream() =>
        Spearhead(LimburgFunding).ThenRefused(new CorrectCluster(Guid.CreateVersion7(), [Change("amount", "1")], "x"), RefusalKind.Conflict);

    [Fact]
    public void A_retracted_event_is_not_retracted_or_corrected_again()
    {
        var spec = Spearhead(LimburgFunding);
        spec.Then(new RetractClusterEvent(spec.EventIds[1], "mistake"), [new ClusterRetracted(spec.EventIds[1], "mistake")]);

        spec.ThenRefused(new RetractClusterEvent(spec.EventIds[1], "again"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCluster(spec.EventIds[1], [Change("amount", "5")], "again"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_is_not_itself_corrected_or_retracted()
    {
        var spec = Spearhead(LimburgFunding);
        spec.Then(new CorrectCluster(spec.EventIds[1], [Change("purpose", "\"branding\"")], "purpose"),
            [new ClusterCorrected(spec.EventIds[1], [new FieldCorrection("purpose", "\"project-work\"", "\"branding\"")], "purpose")]);
        var correctionId = spec.History.Facts[^1].EventId;

        spec.ThenRefused(new RetractClusterEvent(correctionId, "undo"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCluster(correctionId, [Change("reason", "\"other\"")], "undo"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_needs_an_event_a_reason_and_changes()
    {
        Specs.ThenInvalid(new CorrectCluster(null, [Change("amount", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectCluster(Guid.NewGuid(), [], "r"), "changes");
        Specs.ThenInvalid(new CorrectCluster(Guid.NewGuid(), [Change("amount", "1")], null), "reason");
    }

    [Fact]
    public void A_retraction_needs_an_event_and_a_reason()
    {
        Specs.ThenInvalid(new RetractClusterEvent(null, "r"), "eventId");
        Specs.ThenInvalid(new RetractClusterEvent(Guid.NewGuid(), " "), "reason");
    }
}
