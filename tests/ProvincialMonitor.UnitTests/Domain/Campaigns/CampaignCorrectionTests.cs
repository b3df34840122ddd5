using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class CampaignCorrectionTests
{
    [Fact]
    public void A_correction_of_a_market_records_old_and_new_values_and_the_state_follows_it()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        var events = spec.Then(new CorrectCampaign(spec.EventIds[2], [Change("traders", "135")], "counted again"),
            [new CampaignCorrected(spec.EventIds[2], [new FieldCorrection("traders", "120", "135")], "counted again")]);

        Assert.Equal(135, spec.History.State.Markets["theaterplein"].Traders);
        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal(Slug, events[0].Scope.Campaign);
    }

    [Fact]
    public void A_municipality_corrected_into_another_province_is_filed_under_both()
    {
        var spec = Running(AntwerpenJoined);
        var events = spec.Then(new CorrectCampaign(spec.EventIds[1], [Change("municipality", $"\"{Gent}\""), Change("province", "\"oost-vlaanderen\"")], "wrong city"),
            [new CampaignCorrected(spec.EventIds[1],
                [new FieldCorrection("municipality", $"\"{Antwerpen}\"", $"\"{Gent}\""), new FieldCorrection("province", "\"antwerpen\"", "\"oost-vlaanderen\"")], "wrong city")]);

        Assert.Equal(["antwerpen", "oost-vlaanderen"], events[0].Scope.Provinces);
        Assert.Equal("oost-vlaanderen", spec.History.State.Municipalities[Gent]);
    }

    [Theory]
    [InlineData("province", "\"oost-vlaanderen\"")]   // Antwerpen does not lie there
    [InlineData("municipality", "\"31005\"")]          // Brugge: its province does not take part
    [InlineData("municipality", "\"99999\"")]          // no municipality
    public void A_correction_of_a_join_may_not_break_an_invariant(string field, string json)
    {
        var spec = Running(AntwerpenJoined);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[1], [Change(field, json)], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_correction_gives_values_the_command_would_accept()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[2], [Change("traders", "-1")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[2], [Change("weekday", "\"zondag\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[2], [Change("traders", "\"many\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("periodEnd", "\"2026-10-01\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("provinces", "[\"zeeland\"]")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void The_slug_and_a_market_id_are_not_corrected()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        var slug = spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("slug", "\"andere\"")], "x"), RefusalKind.Invalid);
        var market = spec.ThenRefused(new CorrectCampaign(spec.EventIds[2], [Change("marketId", "\"andere\"")], "x"), RefusalKind.Invalid);
        Assert.Equal("changes[0].field", slug.Errors.Single().Field);
        Assert.Equal("changes[0].field", market.Errors.Single().Field);
    }

    [Fact]
    public void Retracting_the_join_of_a_municipality_whose_market_joined_is_refused()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        spec.ThenRefused(new RetractCampaignEvent(spec.EventIds[1], "mistake"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[1], [Change("municipality", $"\"{Mechelen}\"")], "mistake"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_market_and_then_its_municipality_may_be_retracted()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        var events = spec.Then(new RetractCampaignEvent(spec.EventIds[2], "joined by mistake"), [new CampaignRetracted(spec.EventIds[2], "joined by mistake")]);
        spec.Then(new RetractCampaignEvent(spec.EventIds[1], "joined by mistake"), [new CampaignRetracted(spec.EventIds[1], "joined by mistake")]);

        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Empty(spec.History.State.Markets);
        Assert.Empty(spec.History.State.Municipalities);
    }

    [Fact]
    public void A_launch_is_corrected_not_retracted_and_keeps_its_joins_valid()
    {
        var spec = Running(AntwerpenJoined);
        spec.ThenRefused(new RetractCampaignEvent(spec.EventIds[0], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("provinces", "[\"oost-vlaanderen\",\"limburg\"]"), Change("targets", "[]")], "x"),
            RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("provinces", "[\"limburg\"]")], "targets lose their province"), RefusalKind.Invalid);

        var events = spec.Then(new CorrectCampaign(spec.EventIds[0], [Change("provinces", "[\"antwerpen\",\"oost-vlaanderen\",\"limburg\",\"vlaams-brabant\"]")], "Vlaams-Brabant joins"),
            [new CampaignCorrected(spec.EventIds[0], [new FieldCorrection("provinces", "[\"antwerpen\",\"oost-vlaanderen\",\"limburg\"]",
                "[\"antwerpen\",\"oost-vlaanderen\",\"limburg\",\"vlaams-brabant\"]")], "Vlaams-Brabant joins")]);
        Assert.Equal(["antwerpen", "oost-vlaanderen", "limburg", "vlaams-brabant"], events[0].Scope.Provinces);
    }

    [Fact]
    public void A_corrected_period_still_holds_the_joins_already_recorded()
    {
        // The given join takes effect on 28 November.
        var spec = Running(AntwerpenJoined);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("periodEnd", "\"2026-11-27\"")], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectCampaign(spec.EventIds[0], [Change("periodEnd", "\"2026-11-28\"")], "shorter"),
            [new CampaignCorrected(spec.EventIds[0], [new FieldCorrection("periodEnd", "\"2026-11-30\"", "\"2026-11-28\"")], "shorter")]);
    }

    [Fact]
    public void A_retracted_join_frees_the_period_for_a_correction()
    {
        var spec = Running(AntwerpenJoined);
        spec.Then(new RetractCampaignEvent(spec.EventIds[1], "mistake"), [new CampaignRetracted(spec.EventIds[1], "mistake")]);
        spec.Then(new CorrectCampaign(spec.EventIds[0], [Change("periodEnd", "\"2026-11-27\"")], "shorter"),
            [new CampaignCorrected(spec.EventIds[0], [new FieldCorrection("periodEnd", "\"2026-11-30\"", "\"2026-11-27\"")], "shorter")]);
    }

    [Fact]
    public void A_closed_campaign_is_still_corrected_and_retracting_the_close_opens_it_again()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined, Closed);
        spec.Then(new CorrectCampaign(spec.EventIds[2], [Change("name", "\"Vogelenmarkt\"")], "shorter name"),
            [new CampaignCorrected(spec.EventIds[2], [new FieldCorrection("name", "\"Vogelenmarkt Theaterplein\"", "\"Vogelenmarkt\"")], "shorter name")]);
        spec.Then(new RetractCampaignEvent(spec.EventIds[3], "closed too early"), [new CampaignRetracted(spec.EventIds[3], "closed too early")]);

        Assert.False(spec.History.State.Closed);
        spec.Then(new JoinMunicipality(Gent), [GentJoined]);
    }

    [Fact]
    public void A_campaign_closes_once_until_its_close_is_retracted()
    {
        var spec = Running(Closed);
        spec.ThenRefused(new CloseCampaign("again"), RefusalKind.Conflict);
        spec.Then(new RetractCampaignEvent(spec.EventIds[1], "mistake"), [new CampaignRetracted(spec.EventIds[1], "mistake")]);
        spec.Then(new CloseCampaign("now"), [new CampaignClosed("now")]);
    }

    [Fact]
    public void A_correction_names_an_event_of_the_stream_that_is_not_retracted_nor_a_correction()
    {
        var spec = Running(AntwerpenJoined, TheaterpleinJoined);
        spec.ThenRefused(new CorrectCampaign(Guid.CreateVersion7(), [Change("traders", "1")], "x"), RefusalKind.Conflict);
        spec.Then(new RetractCampaignEvent(spec.EventIds[2], "mistake"), [new CampaignRetracted(spec.EventIds[2], "mistake")]);
        spec.ThenRefused(new RetractCampaignEvent(spec.EventIds[2], "again"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[2], [Change("traders", "1")], "again"), RefusalKind.Conflict);
        var retraction = spec.History.Facts[^1].EventId;
        spec.ThenRefused(new RetractCampaignEvent(retraction, "undo"), RefusalKind.Conflict);
    }

    [Fact]
    public void Only_a_coordinator_of_the_campaign_corrects_or_retracts()
    {
        var spec = Running(AntwerpenJoined);
        spec.ThenRefused(new RetractCampaignEvent(spec.EventIds[1], "x"), RefusalKind.Forbidden, Actors.Coordinator(Planned));
        spec.ThenRefused(new CorrectCampaign(spec.EventIds[0], [Change("name", "\"x\"")], "x"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
    }

    [Fact]
    public void Corrections_and_retractions_need_an_event_and_a_reason()
    {
        Specs.ThenInvalid(new CorrectCampaign(null, [Change("traders", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectCampaign(Guid.NewGuid(), [], "r"), "changes");
        Specs.ThenInvalid(new CorrectCampaign(Guid.NewGuid(), [Change("traders", "1")], null), "reason");
        Specs.ThenInvalid(new RetractCampaignEvent(null, "r"), "eventId");
        Specs.ThenInvalid(new RetractCampaignEvent(Guid.NewGuid(), " "), "reason");
    }
}
