using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Clusters;
using static ProvincialMonitor.UnitTests.Domain.Clusters.ClusterSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

public sealed class ClusterRegistrationTests
{
    [Fact]
    public void The_system_registers_a_spearhead_cluster_filed_under_no_province()
    {
        var events = New(SpearheadSlug).Then(RegisterFlux50, [Flux50], Actor.System);

        Assert.Equal("cluster-flux50", ClusterDecider.StreamId(SpearheadSlug));
        Assert.Empty(events[0].Scope.Provinces);
        Assert.Equal("innovation-clusters", events[0].Scope.Domain);
        Assert.Equal([SpearheadSlug], events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
    }

    [Fact]
    public void An_officer_of_its_province_registers_a_provincial_cluster_filed_under_that_province()
    {
        var spec = New(ProvincialSlug);
        var events = spec.Then(RegisterBouw, [Bouw], Actors.Officer("antwerpen"));

        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal([ProvincialSlug], events[0].Scope.Clusters);
        Assert.Equal("antwerpen", spec.History.State.Province);
    }

    [Fact]
    public void Names_and_sectors_are_recorded_without_surrounding_spaces() =>
        New(ProvincialSlug).Then(RegisterBouw with { Name = " Circulair Bouwen Antwerpen ", Sector = "bouw " }, [Bouw]);

    [Fact]
    public void A_cluster_is_registered_once() =>
        Spearhead().ThenRefused(RegisterFlux50, RefusalKind.Conflict);

    [Fact]
    public void The_slug_is_the_cluster_key()
    {
        var refusal = New(SpearheadSlug).ThenRefused(RegisterFlux50 with { Slug = "sim" }, RefusalKind.Invalid);
        Assert.Equal("slug", refusal.Errors.Single().Field);
    }

    [Fact]
    public void Only_an_administrator_registers_a_spearhead_cluster()
    {
        New(SpearheadSlug).ThenRefused(RegisterFlux50, RefusalKind.Forbidden, Actors.Officer("limburg"));
        New(SpearheadSlug).ThenRefused(RegisterFlux50, RefusalKind.Forbidden, Actors.Deputy);
        New(SpearheadSlug).Then(RegisterFlux50, [Flux50], Actors.Admin);
    }

    [Fact]
    public void Only_an_administrator_or_an_officer_of_its_province_registers_a_provincial_cluster()
    {
        New(ProvincialSlug).ThenRefused(RegisterBouw, RefusalKind.Forbidden, Actors.Officer("limburg"));
        New(ProvincialSlug).ThenRefused(RegisterBouw, RefusalKind.Forbidden, Actors.Deputy);
        New(ProvincialSlug).Then(RegisterBouw, [Bouw], Actors.Admin);
    }

    [Fact]
    public void Each_of_the_seven_spearhead_clusters_can_be_registered()
    {
        foreach (var (slug, name, sector) in SpearheadClusters.All)
            New(slug).Then(new RegisterCluster(slug, name, sector, "spearhead", null), [new ClusterRegistered(slug, name, sector, "spearhead", null)], Actor.System);
    }

    [Fact]
    public void A_spearhead_cluster_is_one_of_the_seven() =>
        Specs.ThenInvalid(RegisterFlux50 with { Slug = "kempen-energie" }, "slug");

    [Fact]
    public void A_provincial_cluster_does_not_take_the_slug_of_a_spearhead_cluster() =>
        Specs.ThenInvalid(RegisterBouw with { Slug = "catalisti" }, "slug");

    [Fact]
    public void A_provincial_cluster_names_its_province() =>
        Specs.ThenInvalid(RegisterBouw with { Province = null }, "province");

    [Fact]
    public void A_spearhead_cluster_names_no_province() =>
        Specs.ThenInvalid(RegisterFlux50 with { Province = "limburg" }, "province");

    [Theory]
    [InlineData("slug")]
    [InlineData("name")]
    [InlineData("sector")]
    [InlineData("kind")]
    public void Registration_needs_a_slug_a_name_a_sector_and_a_kind(string field)
    {
        var command = field switch
        {
            "slug" => RegisterBouw with { Slug = null },
            "name" => RegisterBouw with { Name = " " },
            "sector" => RegisterBouw with { Sector = null },
            _ => RegisterBouw with { Kind = null },
        };
        Specs.ThenInvalid(command, field);
    }

    [Fact]
    public void Unknown_kinds_provinces_and_malformed_slugs_are_invalid()
    {
        Specs.ThenInvalid(RegisterBouw with { Kind = "regional" }, "kind");
        Specs.ThenInvalid(RegisterBouw with { Province = "brussel" }, "province");
        Specs.ThenInvalid(RegisterBouw with { Slug = "Circulair Bouwen" }, "slug");
    }

    [Fact]
    public void Actions_on_an_unregistered_cluster_are_refused_as_not_found()
    {
        New(ProvincialSlug).ThenRefused(new AddClusterMember("UAntwerpen", null), RefusalKind.NotFound);
        New(ProvincialSlug).ThenRefused(new RemoveClusterMember("UAntwerpen", null), RefusalKind.NotFound);
        New(ProvincialSlug).ThenRefused(new GrantClusterFunding("antwerpen", 10m, "branding"), RefusalKind.NotFound);
        New(ProvincialSlug).ThenRefused(new CorrectCluster(Guid.NewGuid(), [Change("name", "\"x\"")], "r"), RefusalKind.NotFound);
        New(ProvincialSlug).ThenRefused(new RetractClusterEvent(Guid.NewGuid(), "r"), RefusalKind.NotFound);
    }

    [Fact]
    public void An_effective_date_may_be_tomorrow_but_not_later()
    {
        New(SpearheadSlug).Then(RegisterFlux50 with { EffectiveDate = new DateOnly(2026, 11, 29) }, [Flux50]);
        var refusal = New(SpearheadSlug).ThenRefused(RegisterFlux50 with { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);
    }

    [Fact]
    public void A_body_is_one_of_the_deciding_bodies() =>
        Specs.ThenInvalid(RegisterBouw with { Body = "gemeenteraad" }, "body");
}
