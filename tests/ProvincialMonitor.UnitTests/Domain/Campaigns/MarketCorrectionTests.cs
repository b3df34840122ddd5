using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.MarketSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class MarketCorrectionTests
{
    [Fact]
    public void A_correction_of_entries_records_old_and_new_values_and_the_total_follows_it()
    {
        var spec = Market(Entries);
        var events = spec.Then(new CorrectMarket(spec.EventIds[1], [Change("count", "205")], "typing error"),
            [new MarketCorrected(spec.EventIds[1], [new FieldCorrection("count", "250", "205")], "typing error")]);

        Assert.Equal(205, spec.History.State.TotalEntries);
        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal(Slug, events[0].Scope.Campaign);
    }

    [Theory]
    [InlineData("count", "0")]
    [InlineData("count", "100001")]
    [InlineData("count", "\"many\"")]
    public void A_correction_of_entries_gives_a_count_the_command_would_accept(string field, string json)
    {
        var spec = Market(Entries);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[1], [Change(field, json)], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_correction_may_not_move_a_fact_outside_the_period_or_onto_a_day_already_recorded()
    {
        var spec = Market(DayHeld, new MarketDayHeld(Sunday.AddDays(-7), 90), Entries);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[2], [Change("date", "\"2026-11-22\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[1], [Change("date", "\"2026-12-06\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[3], [Change("at", "\"2026-12-01T10:00:00+01:00\"")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[1], [Change("tradersPresent", "-3")], "x"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_corrected_period_still_holds_the_market_days_and_entries()
    {
        var spec = Market(DayHeld, Entries);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[0], [Change("periodEnd", "\"2026-11-21\"")], "x"), RefusalKind.Conflict);
        spec.Then(new CorrectMarket(spec.EventIds[0], [Change("periodEnd", "\"2026-11-29\"")], "campaign shortened"),
            [new MarketCorrected(spec.EventIds[0], [new FieldCorrection("periodEnd", "\"2026-11-30\"", "\"2026-11-29\"")], "campaign shortened")]);
    }

    [Fact]
    public void The_market_moves_province_only_with_its_municipality_and_is_filed_under_both()
    {
        var spec = Market();
        spec.ThenRefused(new CorrectMarket(spec.EventIds[0], [Change("province", "\"limburg\"")], "x"), RefusalKind.Conflict);
        var events = spec.Then(new CorrectMarket(spec.EventIds[0], [Change("municipality", $"\"{Genk}\""), Change("province", "\"limburg\"")], "wrong town"),
            [new MarketCorrected(spec.EventIds[0],
                [new FieldCorrection("municipality", $"\"{Antwerpen}\"", $"\"{Genk}\""), new FieldCorrection("province", "\"antwerpen\"", "\"limburg\"")], "wrong town")]);

        Assert.Equal(["antwerpen", "limburg"], events[0].Scope.Provinces);
    }

    [Fact]
    public void Campaign_and_market_id_are_not_corrected_and_the_registration_is_not_retracted()
    {
        var spec = Market();
        spec.ThenRefused(new CorrectMarket(spec.EventIds[0], [Change("campaign", "\"andere\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[0], [Change("marketId", "\"andere\"")], "x"), RefusalKind.Invalid);
        spec.ThenRefused(new RetractMarketEvent(spec.EventIds[0], "x"), RefusalKind.Conflict);
    }

    [Fact]
    public void A_retracted_market_day_frees_its_date()
    {
        var spec = Market(DayHeld);
        spec.Then(new RetractMarketEvent(spec.EventIds[1], "wrong market"), [new MarketRetracted(spec.EventIds[1], "wrong market")]);
        Assert.Empty(spec.History.State.Days);
        spec.Then(new HoldMarketDay(Sunday, 99), [new MarketDayHeld(Sunday, 99)]);
    }

    [Fact]
    public void A_closed_market_is_still_corrected_and_retracting_the_close_opens_it_again()
    {
        var spec = Market(Entries, MarketSpecs.Closed);
        spec.Then(new CorrectMarket(spec.EventIds[1], [Change("count", "240")], "recount"),
            [new MarketCorrected(spec.EventIds[1], [new FieldCorrection("count", "250", "240")], "recount")]);
        spec.Then(new RetractMarketEvent(spec.EventIds[2], "closed too early"), [new MarketRetracted(spec.EventIds[2], "closed too early")]);
        spec.Then(new RegisterEntries(10, Morning), [new EntriesRegistered(10, Morning)]);
        Assert.Equal(250, spec.History.State.TotalEntries);
    }

    [Fact]
    public void A_correction_names_an_event_of_the_stream_that_is_not_retracted()
    {
        var spec = Market(Entries);
        spec.ThenRefused(new CorrectMarket(Guid.CreateVersion7(), [Change("count", "1")], "x"), RefusalKind.Conflict);
        spec.Then(new RetractMarketEvent(spec.EventIds[1], "double"), [new MarketRetracted(spec.EventIds[1], "double")]);
        spec.ThenRefused(new CorrectMarket(spec.EventIds[1], [Change("count", "1")], "x"), RefusalKind.Conflict);
        spec.ThenRefused(new RetractMarketEvent(spec.History.Facts[^1].EventId, "undo"), RefusalKind.Conflict);
    }

    [Fact]
    public void Only_a_coordinator_of_the_campaign_corrects_or_retracts()
    {
        var spec = Market(Entries);
        spec.ThenRefused(new RetractMarketEvent(spec.EventIds[1], "x"), RefusalKind.Forbidden, Actors.Coordinator(Planned));
        spec.ThenRefused(new CorrectMarket(spec.EventIds[1], [Change("count", "1")], "x"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
    }

    [Fact]
    public void Corrections_and_retractions_need_an_event_and_a_reason()
    {
        Specs.ThenInvalid(new CorrectMarket(null, [Change("count", "1")], "r"), "eventId");
        Specs.ThenInvalid(new CorrectMarket(Guid.NewGuid(), null, "r"), "changes");
        Specs.ThenInvalid(new RetractMarketEvent(Guid.NewGuid(), null), "reason");
    }
}
