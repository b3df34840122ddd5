using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class CampaignEvolveTests
{
    private static readonly DateOnly Day = new(2026, 1, 1);

    [Fact]
    public void Campaign_evolve_never_throws_on_events_in_any_order_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            TheaterpleinJoined, TheaterpleinJoined, AntwerpenJoined, AntwerpenJoined, Closed, Launched, Closed,
            new MunicipalityJoined("00000", "zeeland"), new MarketJoined("x", "", "1", "brussel", "someday", -4),
            new CampaignActionHeld("", null, []), new CampaignLaunched("", "", End, Start, [], []),
            new CampaignCorrected(Guid.NewGuid(), [new FieldCorrection("traders", "1", "2")], "r"), new CampaignRetracted(Guid.NewGuid(), "r"),
            new MarketDayHeld(Day, 1),
        ];
        var random = new Random(11);
        for (var run = 0; run < 200; run++)
        {
            var history = CampaignDecider.Initial(Slug);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = CampaignDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), Day), e);
            Assert.Equal(events.Length, history.Version);
            CampaignDecider.Rules.Invariants(history.State);
        }
    }

    [Fact]
    public void Market_evolve_never_throws_on_events_in_any_order_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            MarketSpecs.DayHeld, MarketSpecs.DayHeld, MarketSpecs.Entries, MarketSpecs.Closed, MarketSpecs.Closed, MarketSpecs.Registered,
            new MarketRegistered("", "", "x", "", "", End, Start), new EntriesRegistered(-5, default), new MarketDayHeld(default, -1),
            new MarketCorrected(Guid.NewGuid(), [new FieldCorrection("count", "1", "2")], "r"), new MarketRetracted(Guid.NewGuid(), "r"),
            AntwerpenJoined,
        ];
        var random = new Random(13);
        for (var run = 0; run < 200; run++)
        {
            var history = MarketDecider.Initial(MarketSpecs.Key);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = MarketDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), Day), e);
            Assert.Equal(events.Length, history.Version);
            MarketDecider.Rules.Invariants(history.State);
        }
    }

    [Fact]
    public void A_market_joining_before_its_municipality_is_noted_as_a_breach_not_thrown()
    {
        var state = CampaignDecider.Apply(CampaignDecider.Apply(CampaignState.Unlaunched(Slug), Launched), TheaterpleinJoined);
        Assert.NotNull(CampaignDecider.Rules.Invariants(state));
    }

    [Fact]
    public void A_fact_after_the_close_is_noted_as_a_breach_not_thrown()
    {
        var state = new[] { (IDomainEvent)MarketSpecs.Registered, MarketSpecs.Closed, MarketSpecs.Entries }
            .Aggregate(MarketState.Unregistered(MarketSpecs.Key), MarketDecider.Apply);
        Assert.NotNull(MarketDecider.Rules.Invariants(state));
    }
}
