using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Forms;
using ProvincialMonitor.Dashboard.Provinces;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>The forms of a cluster's actions: a member joins, a member leaves, a province funds the cluster.</summary>
public sealed class ClusterFormTests : RegisterFormContext
{
    public ClusterFormTests()
    {
        Authorization.SetAuthorized("Ambtenaar Antwerpen");
        Authorization.SetRoles("officer");
        Authorization.SetClaims(new System.Security.Claims.Claim("provmon:province", "antwerpen"));
        Source.Clusters.Add(LogSamples.Catalisti());
        Source.Clusters.Add(LogSamples.Provincial("limburgse-logistiek", "Logistiek Limburg", "limburg"));
    }

    private IRenderedComponent<RegisterAction> RenderForm(string form, string? query = null) => Open(form, query);

    private T Stored<T>(IRenderedComponent<RegisterAction> page, string key) where T : Command => Stored<T>(page, "cluster", key, $"cluster-{key}");

    [Fact]
    public void The_cluster_picker_lists_the_clusters_and_a_missing_cluster_is_reported_before_sending()
    {
        var page = RenderForm("clusterlid");
        Assert.Equal(["", "catalisti", "limburgse-logistiek"], page.FindAll("[data-testid=cluster-select] option").Select(o => o.GetAttribute("value")));
        page.Find("#f-member").Change("Agfa");

        Submit(page);

        Assert.Equal("Kies een cluster.", page.Find("[data-testid=error-cluster]").TextContent);
        Assert.Empty(Commands.Sent);
    }

    [Fact]
    public void A_member_joins_the_chosen_cluster()
    {
        var page = RenderForm("clusterlid");
        page.Find("[data-testid=cluster-select]").Change("catalisti");
        page.Find("#f-member").Change("  Agfa-Gevaert ");
        page.Find("#f-memberKind").Change("company");

        Submit(page);

        var joined = Stored<AddClusterMember>(page, "catalisti");
        Assert.Equal(("Agfa-Gevaert", "company"), (joined.Member, joined.MemberKind));
    }

    [Fact]
    public void A_member_without_a_name_is_refused_next_to_the_field()
    {
        var page = RenderForm("clusterlid", "?cluster=catalisti");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-member]").TextContent));
        Assert.Equal("catalisti", Commands.Sent.Single().Action.Key);
    }

    [Fact]
    public void A_member_that_leaves_is_picked_from_the_current_members()
    {
        var page = RenderForm("clusterlid-vertrek");
        Assert.Single(page.FindAll("[data-testid=member-select] option"));
        page.Find("[data-testid=cluster-select]").Change("catalisti");
        page.WaitForAssertion(() => Assert.Equal(["", "BASF Antwerpen", "UAntwerpen"], page.FindAll("[data-testid=member-select] option").Select(o => o.GetAttribute("value"))));

        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-member]").TextContent));

        page.Find("[data-testid=member-select]").Change("UAntwerpen");
        page.Find("#f-reason").Change("Einde samenwerking");
        Submit(page);

        var left = Stored<RemoveClusterMember>(page, "catalisti");
        Assert.Equal(("UAntwerpen", "Einde samenwerking"), (left.Member, left.Reason));
    }

    [Fact]
    public void Funding_names_the_officers_province_and_an_amount_in_nl_BE()
    {
        var page = RenderForm("clusterfinanciering", "?cluster=limburgse-logistiek");
        page.Find("#f-amount").Change("200.000,50");
        page.Find("#f-purpose").Change("branding");

        Submit(page);

        var funding = Stored<GrantClusterFunding>(page, "limburgse-logistiek");
        Assert.Equal(("antwerpen", 200_000.50m, "branding"), (funding.Province, funding.Amount, funding.Purpose));
    }

    [Fact]
    public void Funding_with_cents_below_a_cent_is_refused_in_Dutch()
    {
        var page = RenderForm("clusterfinanciering", "?cluster=catalisti");
        page.Find("#f-amount").Change("100,125");

        Submit(page);

        page.WaitForAssertion(() => Assert.Equal("Hoogstens twee decimalen (eurocent).", page.Find("[data-testid=error-amount]").TextContent));
        Assert.Equal("Dit veld is verplicht.", page.Find("[data-testid=error-purpose]").TextContent);
    }
}
