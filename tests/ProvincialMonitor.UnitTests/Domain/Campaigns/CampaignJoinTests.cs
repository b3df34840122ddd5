using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class CampaignJoinTests
{
    [Fact]
    public void A_municipality_joins_filed_under_its_province()
    {
        var spec = Running();
        var events = spec.Then(new JoinMunicipality(Gent), [GentJoined], Actors.Coordinator(Slug));

        Assert.Equal(["oost-vlaanderen"], events[0].Scope.Provinces);
        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
        Assert.Equal(Slug, events[0].Scope.Campaign);
        Assert.Equal("oost-vlaanderen", spec.History.State.Municipalities[Gent]);
    }

    [Fact]
    public void A_municipality_that_does_not_exist_is_invalid()
    {
        var refusal = Running().ThenRefused(new JoinMunicipality("99999"), RefusalKind.Invalid);
        Assert.Equal("municipality", refusal.Errors.Single().Field);
        // Kortessem merged into Hasselt in 2025: its old code is no municipality any more.
        Running().ThenRefused(new JoinMunicipality("73040"), RefusalKind.Invalid);
    }

    [Fact]
    public void A_municipality_of_a_province_that_does_not_take_part_is_refused() =>
        Running().ThenRefused(new JoinMunicipality(Brugge), RefusalKind.Conflict);

    [Fact]
    public void A_municipality_joins_once() =>
        Running(GentJoined).ThenRefused(new JoinMunicipality(Gent), RefusalKind.Conflict);

    [Fact]
    public void A_municipality_is_a_nis_code()
    {
        Specs.ThenInvalid(new JoinMunicipality(null), "municipality");
        Specs.ThenInvalid(new JoinMunicipality("Gent"), "municipality");
        Specs.ThenInvalid(new JoinMunicipality("4402"), "municipality");
    }

    [Fact]
    public void Joining_before_the_campaign_starts_is_normal()
    {
        var spec = New(Planned).Given(Launched with { Slug = Planned, PeriodStart = new DateOnly(2027, 4, 1), PeriodEnd = new DateOnly(2027, 4, 30) });
        var events = spec.Then(new JoinMunicipality(Genk), [new MunicipalityJoined(Genk, "limburg")]);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
    }

    [Fact]
    public void Nothing_joins_with_an_effective_date_after_the_period_but_a_late_record_inside_it_is_accepted()
    {
        Over().ThenRefused(new JoinMunicipality(Gent), RefusalKind.Conflict);
        Over(GentJoined).ThenRefused(JoinTheaterplein with { Municipality = Gent }, RefusalKind.Conflict);
        Over().ThenRefused(new HoldCampaignAction("Persmoment", null, null), RefusalKind.Conflict);

        var events = Over().Then(new JoinMunicipality(Gent) { EffectiveDate = new DateOnly(2026, 10, 31) }, [GentJoined]);
        Assert.Equal(new DateOnly(2026, 10, 31), events[0].EffectiveDate);
    }

    [Fact]
    public void A_market_joins_in_the_province_of_its_municipality()
    {
        var spec = Running(AntwerpenJoined);
        var events = spec.Then(JoinTheaterplein with { Name = " Vogelenmarkt Theaterplein " }, [TheaterpleinJoined]);

        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal(120, spec.History.State.Markets["theaterplein"].Traders);
    }

    [Fact]
    public void A_market_joins_after_its_municipality() =>
        Running(GentJoined).ThenRefused(JoinTheaterplein, RefusalKind.Conflict);

    [Fact]
    public void A_market_joins_once_per_id() =>
        Running(AntwerpenJoined, GentJoined, TheaterpleinJoined).ThenRefused(JoinTheaterplein with { Municipality = Gent }, RefusalKind.Conflict);

    [Fact]
    public void A_market_has_a_slug_id_a_name_a_municipality_a_weekday_and_no_negative_traders()
    {
        Specs.ThenInvalid(JoinTheaterplein with { MarketId = "Theaterplein" }, "marketId");
        Specs.ThenInvalid(JoinTheaterplein with { MarketId = null }, "marketId");
        Specs.ThenInvalid(JoinTheaterplein with { Name = "" }, "name");
        Specs.ThenInvalid(JoinTheaterplein with { Municipality = "antwerpen" }, "municipality");
        Specs.ThenInvalid(JoinTheaterplein with { Weekday = "zondag" }, "weekday");
        Specs.ThenInvalid(JoinTheaterplein with { Weekday = null }, "weekday");
        Specs.ThenInvalid(JoinTheaterplein with { Traders = -1 }, "traders");
        Specs.ThenInvalid(JoinTheaterplein with { Traders = null }, "traders");
        Assert.Empty((JoinTheaterplein with { Traders = 0 }).Validate());
    }

    [Fact]
    public void An_action_is_held_in_every_participating_province_unless_it_names_some()
    {
        var spec = Running();
        var all = spec.Then(new HoldCampaignAction("Persmoment ", " Aftrap op de Vrijdagmarkt ", null),
            [new CampaignActionHeld("Persmoment", "Aftrap op de Vrijdagmarkt", ["antwerpen", "oost-vlaanderen", "limburg"])]);
        var one = spec.Then(new HoldCampaignAction("Wedstrijdtrekking", " ", ["limburg"]), [new CampaignActionHeld("Wedstrijdtrekking", null, ["limburg"])]);

        Assert.Equal(["antwerpen", "oost-vlaanderen", "limburg"], all[0].Scope.Provinces);
        Assert.Equal(["limburg"], one[0].Scope.Provinces);
        Assert.Equal(2, spec.History.State.Actions.Count);
    }

    [Fact]
    public void An_action_is_held_only_in_participating_provinces() =>
        Running().ThenRefused(new HoldCampaignAction("Persmoment", null, ["west-vlaanderen"]), RefusalKind.Conflict);

    [Fact]
    public void An_action_has_a_title_and_known_distinct_provinces()
    {
        Specs.ThenInvalid(new HoldCampaignAction(null, null, null), "title");
        Specs.ThenInvalid(new HoldCampaignAction("x", new string('x', 2001), null), "description");
        Specs.ThenInvalid(new HoldCampaignAction("x", null, ["zeeland"]), "provinces[0]");
        Specs.ThenInvalid(new HoldCampaignAction("x", null, ["limburg", "limburg"]), "provinces[1]");
    }

    [Fact]
    public void A_campaign_closes_once_filed_under_its_provinces_even_after_its_period()
    {
        var events = Over().Then(new CloseCampaign("  "), [new CampaignClosed(null)]);
        Assert.Equal(["antwerpen", "oost-vlaanderen", "limburg"], events[0].Scope.Provinces);

        var spec = Running();
        spec.Then(new CloseCampaign("April is over"), [Closed]);
        Assert.True(spec.History.State.Closed);
        spec.ThenRefused(new CloseCampaign(null), RefusalKind.Conflict);
    }

    [Fact]
    public void Nothing_joins_or_is_held_after_the_close()
    {
        var spec = Running(AntwerpenJoined, Closed);
        spec.ThenRefused(new JoinMunicipality(Gent), RefusalKind.Conflict);
        spec.ThenRefused(JoinTheaterplein, RefusalKind.Conflict);
        spec.ThenRefused(new HoldCampaignAction("Persmoment", null, null), RefusalKind.Conflict);
    }

    [Fact]
    public void Only_an_administrator_or_a_coordinator_of_the_campaign_records_its_facts()
    {
        CampaignCommand[] commands = [new JoinMunicipality(Gent), JoinTheaterplein, new HoldCampaignAction("x", null, null), new CloseCampaign(null)];
        foreach (var command in commands)
        {
            Running(AntwerpenJoined).ThenRefused(command, RefusalKind.Forbidden, Actors.Coordinator(Planned));
            Running(AntwerpenJoined).ThenRefused(command, RefusalKind.Forbidden, Actors.Officer("antwerpen"));
            Running(AntwerpenJoined).ThenRefused(command, RefusalKind.Forbidden, Actors.Deputy);
            Assert.Null(Running(AntwerpenJoined).When(command, Actors.Coordinator(Planned, Slug)).Refusal);
        }
    }

    [Fact]
    public void A_close_reason_has_at_most_1000_characters() =>
        Specs.ThenInvalid(new CloseCampaign(new string('x', 1001)), "reason");
}
