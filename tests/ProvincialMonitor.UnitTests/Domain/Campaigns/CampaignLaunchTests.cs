using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Campaigns;
using static ProvincialMonitor.UnitTests.Domain.Campaigns.CampaignSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Campaigns;

public sealed class CampaignLaunchTests
{
    [Fact]
    public void A_coordinator_of_the_campaign_launches_it_filed_under_its_provinces()
    {
        var spec = New();
        var events = spec.Then(Launch, [Launched], Actors.Coordinator(Slug));

        Assert.Equal("campaign-maand-van-de-markt-2026", CampaignDecider.StreamId(Slug));
        Assert.Equal(["antwerpen", "oost-vlaanderen", "limburg"], events[0].Scope.Provinces);
        Assert.Equal("local-economy-retail", events[0].Scope.Domain);
        Assert.Equal(Slug, events[0].Scope.Campaign);
        Assert.Empty(events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
        Assert.True(CampaignDecider.Exists(spec.History.State));
        Assert.Equal(End, spec.History.State.PeriodEnd);
    }

    [Fact]
    public void A_campaign_is_launched_before_its_planned_period()
    {
        var april = new LaunchCampaign(Planned, "Maand van de Markt 2027", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), ProvinceSlugs.All.ToArray(), []);
        New(Planned).Then(april, [new CampaignLaunched(Planned, "Maand van de Markt 2027", new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 30), [.. ProvinceSlugs.All], [])]);
    }

    [Fact]
    public void The_moment_a_launch_takes_effect_is_not_in_the_future_beyond_one_day()
    {
        New().Then(Launch with { EffectiveDate = new DateOnly(2026, 11, 29) }, [Launched]);
        var refusal = New().ThenRefused(Launch with { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);
    }

    [Fact]
    public void Names_are_recorded_without_surrounding_spaces() =>
        New().Then(Launch with { Name = "  Maand van de Markt 2026 " }, [Launched]);

    [Fact]
    public void A_campaign_is_launched_once() => Running().ThenRefused(Launch, RefusalKind.Conflict);

    [Fact]
    public void The_slug_is_the_campaign_key()
    {
        var refusal = New().ThenRefused(Launch with { Slug = Planned }, RefusalKind.Invalid);
        Assert.Equal("slug", refusal.Errors.Single().Field);
    }

    [Fact]
    public void Only_an_administrator_or_a_coordinator_of_the_campaign_launches_it()
    {
        New().ThenRefused(Launch, RefusalKind.Forbidden, Actors.Coordinator(Planned));
        New().ThenRefused(Launch, RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        New().ThenRefused(Launch, RefusalKind.Forbidden, Actors.Deputy);
        New().Then(Launch, [Launched], Actors.Admin);
    }

    [Fact]
    public void Coordinators_write_campaign_and_market_commands()
    {
        Assert.True(Grains.Commands.RolePolicy.MayWrite(Actors.Coordinator(Slug), typeof(JoinMunicipality)));
        Assert.True(Grains.Commands.RolePolicy.MayWrite(Actors.Coordinator(Slug), typeof(RegisterEntries)));
        Assert.False(Grains.Commands.RolePolicy.MayWrite(Actors.Officer("antwerpen"), typeof(LaunchCampaign)));
    }

    [Fact]
    public void Actions_on_a_campaign_not_launched_are_refused_as_not_found()
    {
        CampaignCommand[] commands =
        [
            new JoinMunicipality(Antwerpen), JoinTheaterplein, new HoldCampaignAction("Persmoment", null, null), new CloseCampaign(null),
            new CorrectCampaign(Guid.NewGuid(), [Change("name", "\"x\"")], "r"), new RetractCampaignEvent(Guid.NewGuid(), "r"),
        ];
        foreach (var command in commands) New().ThenRefused(command, RefusalKind.NotFound);
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("name")]
    [InlineData("periodStart")]
    [InlineData("periodEnd")]
    [InlineData("provinces")]
    public void A_launch_needs_a_slug_a_name_a_period_and_provinces(string field)
    {
        var command = field switch
        {
            "slug" => Launch with { Slug = null },
            "name" => Launch with { Name = " " },
            "periodStart" => Launch with { PeriodStart = null },
            "periodEnd" => Launch with { PeriodEnd = null },
            _ => Launch with { Provinces = [] },
        };
        Specs.ThenInvalid(command, field);
    }

    [Fact]
    public void Slugs_periods_and_provinces_are_well_formed()
    {
        Specs.ThenInvalid(Launch with { Slug = "Maand van de Markt" }, "slug");
        Specs.ThenInvalid(Launch with { PeriodEnd = new DateOnly(2026, 10, 31) }, "periodEnd");
        Specs.ThenInvalid(Launch with { Provinces = ["antwerpen", "brussel"] }, "provinces[1]");
        Specs.ThenInvalid(Launch with { Provinces = ["antwerpen", "limburg", "antwerpen"] }, "provinces[2]");
        Specs.ThenInvalid(Launch with { Body = "gemeenteraad" }, "body");
    }

    [Fact]
    public void A_target_is_for_a_participating_province_once_and_never_negative()
    {
        CampaignTargetRequest good = new("antwerpen", 50, 70, 40_000);
        Specs.ThenInvalid(Launch with { Targets = [good with { Province = "west-vlaanderen" }] }, "targets[0].province");
        Specs.ThenInvalid(Launch with { Targets = [good, good] }, "targets[1].province");
        Specs.ThenInvalid(Launch with { Targets = [good with { Municipalities = -1 }] }, "targets[0].municipalities");
        Specs.ThenInvalid(Launch with { Targets = [good with { Markets = -1 }] }, "targets[0].markets");
        Specs.ThenInvalid(Launch with { Targets = [good with { Entries = -1 }] }, "targets[0].entries");
        Specs.ThenInvalid(Launch with { Targets = [good with { Entries = null }] }, "targets[0].entries");
        Specs.ThenInvalid(Launch with { Targets = [null!] }, "targets[0]");
    }

    [Fact]
    public void A_province_cannot_aim_for_more_municipalities_than_it_has()
    {
        Specs.ThenInvalid(Launch with { Targets = [new("limburg", 39, 10, 100)] }, "targets[0].municipalities");
        Assert.Empty((Launch with { Targets = [new("limburg", 38, 10, 100)] }).Validate());
    }
}
