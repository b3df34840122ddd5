using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Campaigns;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.MarketSpecs;
using Campaign = ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class MarketTests
{
    [Fact]
    public void A_coordinator_registers_the_market_in_its_campaign_filed_under_its_province()
    {
        var spec = New();
        var events = spec.Then(Register, [Registered], Actors.Coordinator(Campaign.Slug));

        Assert.Equal("market-maand-van-de-markt-2026-theaterplein", MarketDecider.StreamId(Key));
        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
        Assert.Equal(Campaign.Slug, events[0].Scope.Campaign);
        Assert.True(MarketDecider.Exists(spec.History.State));
    }

    [Fact]
    public void A_market_is_registered_once_under_its_own_key()
    {
        Market().ThenRefused(Register, RefusalKind.Conflict);
        Assert.Equal("campaign", New().ThenRefused(Register with { Campaign = Campaign.Planned }, RefusalKind.Invalid).Errors.Single().Field);
        Assert.Equal("marketId", New().ThenRefused(Register with { MarketId = "vrijdagmarkt" }, RefusalKind.Invalid).Errors.Single().Field);
    }

    [Fact]
    public void The_municipality_exists_and_the_province_is_its_own()
    {
        Assert.Equal("municipality", New().ThenRefused(Register with { Municipality = "99999" }, RefusalKind.Invalid).Errors.Single().Field);
        Assert.Equal("province", New().ThenRefused(Register with { Province = "limburg" }, RefusalKind.Invalid).Errors.Single().Field);
    }

    [Fact]
    public void A_registration_names_campaign_market_municipality_province_weekday_and_period()
    {
        Specs.ThenInvalid(Register with { Campaign = null }, "campaign");
        Specs.ThenInvalid(Register with { MarketId = "Theater plein" }, "marketId");
        Specs.ThenInvalid(Register with { Municipality = "x" }, "municipality");
        Specs.ThenInvalid(Register with { Province = "brussel" }, "province");
        Specs.ThenInvalid(Register with { Weekday = "Sunday" }, "weekday");
        Specs.ThenInvalid(Register with { PeriodStart = null }, "periodStart");
        Specs.ThenInvalid(Register with { PeriodEnd = new DateOnly(2026, 10, 1) }, "periodEnd");
    }

    [Fact]
    public void Facts_of_a_market_not_registered_are_refused_as_not_found()
    {
        MarketCommand[] commands =
        [
            new HoldMarketDay(Sunday, 10), new RegisterEntries(5, Morning), new CloseMarket(null),
            new CorrectMarket(Guid.NewGuid(), [Campaign.Change("count", "1")], "r"), new RetractMarketEvent(Guid.NewGuid(), "r"),
        ];
        foreach (var command in commands) New().ThenRefused(command, RefusalKind.NotFound);
    }

    [Fact]
    public void Only_an_administrator_or_a_coordinator_of_the_campaign_writes_for_the_market()
    {
        New().ThenRefused(Register, RefusalKind.Forbidden, Actors.Coordinator(Campaign.Planned));
        New().ThenRefused(Register, RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        Market().ThenRefused(new HoldMarketDay(Sunday, 10), RefusalKind.Forbidden, Actors.Coordinator(Campaign.Planned));
        Market().ThenRefused(new RegisterEntries(5, Morning), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        Market().Then(new RegisterEntries(5, Morning), [new EntriesRegistered(5, Morning)], Actors.Coordinator(Campaign.Slug));
    }

    [Fact]
    public void A_market_day_is_recorded_once_per_date_and_takes_effect_on_its_date()
    {
        var spec = Market();
        var events = spec.Then(new HoldMarketDay(Sunday, 104), [DayHeld]);
        Assert.Equal(Sunday, events[0].EffectiveDate);
        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        spec.ThenRefused(new HoldMarketDay(Sunday, 98), RefusalKind.Conflict);
        spec.Then(new HoldMarketDay(Sunday.AddDays(7), 0), [new MarketDayHeld(Sunday.AddDays(7), 0)]);
        Assert.Equal(2, spec.History.State.Days.Count);
    }

    [Fact]
    public void A_market_day_lies_inside_the_campaign_period()
    {
        Market().ThenRefused(new HoldMarketDay(new DateOnly(2026, 10, 31), 80), RefusalKind.Conflict);
        Market().Then(new HoldMarketDay(Campaign.Start, 80), [new MarketDayHeld(Campaign.Start, 80)]);
    }

    [Fact]
    public void A_market_day_is_not_in_the_future_beyond_one_day()
    {
        Market().Then(new HoldMarketDay(new DateOnly(2026, 11, 29), 80), [new MarketDayHeld(new DateOnly(2026, 11, 29), 80)]);
        var refusal = Market().ThenRefused(new HoldMarketDay(Campaign.End, 80), RefusalKind.Invalid);
        Assert.Equal("date", refusal.Errors.Single().Field);
    }

    [Fact]
    public void A_market_day_has_a_date_and_no_negative_traders()
    {
        Specs.ThenInvalid(new HoldMarketDay(null, 10), "date");
        Specs.ThenInvalid(new HoldMarketDay(Sunday, -1), "tradersPresent");
        Specs.ThenInvalid(new HoldMarketDay(Sunday, null), "tradersPresent");
    }

    [Fact]
    public void Entries_are_registered_and_take_effect_on_their_day_in_Brussels()
    {
        var spec = Market();
        var events = spec.Then(new RegisterEntries(250, Morning), [Entries]);
        // 23:30 UTC on 21 November is already Sunday 22 November in Brussels.
        var lateUtc = new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.Zero);
        var late = spec.Then(new RegisterEntries(3, lateUtc), [new EntriesRegistered(3, lateUtc)]);

        Assert.Equal(Sunday, events[0].EffectiveDate);
        Assert.Equal(Sunday, late[0].EffectiveDate);
        Assert.Equal(253, spec.History.State.TotalEntries);
    }

    [Fact]
    public void Entries_lie_inside_the_campaign_period_in_Brussels_time()
    {
        // 23:30 UTC on 31 October is 00:30 on 1 November in Brussels: inside.
        var first = new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero);
        Market().Then(new RegisterEntries(1, first), [new EntriesRegistered(1, first)]);
        Market().ThenRefused(new RegisterEntries(1, first.AddHours(-1)), RefusalKind.Conflict);
    }

    [Fact]
    public void Entries_are_not_in_the_future_beyond_one_day()
    {
        var refusal = Market().ThenRefused(new RegisterEntries(1, new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1))), RefusalKind.Invalid);
        Assert.Equal("at", refusal.Errors.Single().Field);
    }

    [Fact]
    public void Entries_count_from_1_to_100000_per_registration_and_have_a_time()
    {
        Specs.ThenInvalid(new RegisterEntries(0, Morning), "count");
        Specs.ThenInvalid(new RegisterEntries(-4, Morning), "count");
        Specs.ThenInvalid(new RegisterEntries(100_001, Morning), "count");
        Specs.ThenInvalid(new RegisterEntries(null, Morning), "count");
        Specs.ThenInvalid(new RegisterEntries(5, null), "at");
        Assert.Empty(new RegisterEntries(100_000, Morning).Validate());
    }

    [Fact]
    public void A_market_closes_once_and_records_nothing_after()
    {
        var spec = Market(DayHeld);
        spec.Then(new CloseMarket(" campaign closed "), [Closed]);
        spec.ThenRefused(new CloseMarket(null), RefusalKind.Conflict);
        spec.ThenRefused(new HoldMarketDay(Sunday.AddDays(-7), 90), RefusalKind.Conflict);
        spec.ThenRefused(new RegisterEntries(5, Morning), RefusalKind.Conflict);
    }

    [Fact]
    public void Two_keys_that_share_a_stream_id_never_mix()
    {
        // Campaign "maand-van-de-markt" with market "2026-theaterplein" has the stream id of the registered market.
        const string other = "maand-van-de-markt/2026-theaterplein";
        Assert.Equal(MarketDecider.StreamId(Key), MarketDecider.StreamId(other));
        var spec = New(other).Given(Registered);
        spec.ThenRefused(new RegisterEntries(5, Morning), RefusalKind.Conflict);
    }
}
