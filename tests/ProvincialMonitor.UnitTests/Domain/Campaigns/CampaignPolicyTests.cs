using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Campaigns;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

/// <summary>Given the campaign's events, when a command was accepted, then the steps the campaign asks of its markets.</summary>
public sealed class CampaignPolicyTests
{
    private static readonly MarketJoined KorenmarktJoined = new("korenmarkt", "Korenmarkt", Gent, "oost-vlaanderen", "friday", 40);

    [Fact]
    public void A_market_that_joined_gets_its_stream_opened_with_its_municipality_weekday_and_the_campaign_period()
    {
        var state = Running(AntwerpenJoined, TheaterpleinJoined).History.State;

        var step = Assert.Single(CampaignPolicy.After(Slug, state, JoinTheaterplein, "form-42"));

        Assert.Equal($"{Slug}/theaterplein", step.MarketKey);
        Assert.Equal(new RegisterMarketInCampaign(Slug, "theaterplein", Antwerpen, "antwerpen", "sunday", Start, End), step.Command);
        Assert.Equal("form-42/market", step.IdempotencyKey);
        Assert.Null(CampaignPolicy.After(Slug, state, JoinTheaterplein, null).Single().IdempotencyKey);
    }

    [Fact]
    public void A_market_stream_opens_on_the_date_the_market_joined_not_on_the_day_it_was_recorded()
    {
        var state = Running(AntwerpenJoined, TheaterpleinJoined).History.State;
        var joinedOn = Start.AddDays(-5);

        var step = Assert.Single(CampaignPolicy.After(Slug, state, JoinTheaterplein with { EffectiveDate = joinedOn }, "form-43"));

        Assert.Equal(joinedOn, step.Command.EffectiveDate);
    }

    [Fact]
    public void A_closed_campaign_closes_each_of_its_markets_under_a_key_of_its_own()
    {
        var state = Running(AntwerpenJoined, GentJoined, TheaterpleinJoined, KorenmarktJoined, Closed).History.State;

        var steps = CampaignPolicy.After(Slug, state, new CloseCampaign("April is over"), "any");

        Assert.Equal([$"{Slug}/korenmarkt", $"{Slug}/theaterplein"], steps.Select(s => s.MarketKey).Order(StringComparer.Ordinal));
        Assert.All(steps, s => Assert.Equal(new CloseMarket("campaign closed"), s.Command));
        Assert.All(steps, s => Assert.Equal($"close/{s.MarketKey}", s.IdempotencyKey));
    }

    [Fact]
    public void Other_commands_ask_nothing_of_the_markets_and_a_conflict_means_done_before()
    {
        var state = Running(AntwerpenJoined).History.State;

        Assert.False(CampaignPolicy.HasSteps(new JoinMunicipality(Gent)));
        Assert.Empty(CampaignPolicy.After(Slug, state, new JoinMunicipality(Gent), "k"));
        Assert.False(CampaignPolicy.Stops(Refusal.Of(Refusals.MarketAlreadyRegistered, ("key", "maand-van-de-markt-x/m1"))));
        Assert.True(CampaignPolicy.Stops(Refusal.Of(Refusals.ScopeRoleMayNotSend, ("role", "deputy"), ("command", nameof(RegisterMarketInCampaign)))));
    }
}
