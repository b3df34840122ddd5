using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Clusters.ClusterSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

public sealed class ClusterFundingTests
{
    [Fact]
    public void Funding_of_a_spearhead_cluster_is_granted_and_filed_under_the_funding_province()
    {
        var events = Spearhead().Then(
            new GrantClusterFunding("limburg", 250_000m, "project-work") { DecisionRef = "DEP-2026-311", Body = "deputatie" },
            [LimburgFunding], Actors.Officer("limburg"));

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal("innovation-clusters", events[0].Scope.Domain);
        Assert.Equal([SpearheadSlug], events[0].Scope.Clusters);
    }

    [Fact]
    public void Funding_of_a_provincial_cluster_by_another_province_is_filed_under_the_funding_province()
    {
        var events = Provincial().Then(new GrantClusterFunding("limburg", 250_000m, "project-work"), [LimburgFunding]);
        Assert.Equal(["limburg"], events[0].Scope.Provinces);
    }

    [Fact]
    public void Fundings_add_up_per_grant()
    {
        var spec = Spearhead(LimburgFunding);
        spec.Then(new GrantClusterFunding("antwerpen", 40_000.25m, "branding"), [new ClusterFundingGranted("antwerpen", 40_000.25m, "branding")]);
        Assert.Equal(290_000.25m, spec.History.State.Fundings.Sum(f => f.Amount));
    }

    [Fact]
    public void Only_an_administrator_or_an_officer_of_the_funding_province_grants_funding()
    {
        Spearhead().ThenRefused(new GrantClusterFunding("limburg", 10m, "branding"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        Provincial().ThenRefused(new GrantClusterFunding("limburg", 10m, "branding"), RefusalKind.Forbidden, Actors.Officer("antwerpen"));
        Spearhead().ThenRefused(new GrantClusterFunding("limburg", 10m, "branding"), RefusalKind.Forbidden, Actors.Deputy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.005)]
    public void Money_is_euro_with_at_most_two_decimals_and_more_than_zero(double amount) =>
        Specs.ThenInvalid(new GrantClusterFunding("limburg", (decimal)amount, "branding"), "amount");

    [Fact]
    public void A_missing_amount_is_named() =>
        Specs.ThenInvalid(new GrantClusterFunding("limburg", null, "branding"), "amount");

    [Fact]
    public void The_purpose_is_project_work_structural_investment_or_branding() =>
        Specs.ThenInvalid(new GrantClusterFunding("limburg", 10m, "catering"), "purpose");

    [Fact]
    public void The_funding_province_is_one_of_the_five() =>
        Specs.ThenInvalid(new GrantClusterFunding("zeeland", 10m, "branding"), "province");
}
