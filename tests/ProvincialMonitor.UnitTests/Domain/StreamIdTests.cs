using ProvincialMonitor.Grains;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;
using ProvincialMonitor.Grains.Security;

namespace ProvincialMonitor.UnitTests.Domain;

/// <summary>
/// The stream ids are stored: each kind's format is pinned here against the literal the store holds, the one place
/// such literals belong; every builder and parser in the code goes through <see cref="StreamIds"/>.
/// </summary>
public sealed class StreamIdTests
{
    private static readonly string[] CampaignSlugs = ["mvdm", "mvdm-2027"];

    [Theory]
    [InlineData("project", "0190f3a2-7c1e-7a55-9d2b-3c4d5e6f7a8b", "project-0190f3a2-7c1e-7a55-9d2b-3c4d5e6f7a8b")]
    [InlineData("province", "oost-vlaanderen", "province-oost-vlaanderen")]
    [InlineData("cluster", "flux50", "cluster-flux50")]
    [InlineData("campaign", "mvdm-2027", "campaign-mvdm-2027")]
    [InlineData("market", "mvdm-2027/m-12", "market-mvdm-2027-m-12")]
    [InlineData("flanders", "vlaanderen", "region-vlaanderen")]
    public void Each_kind_writes_the_stream_id_the_store_holds(string kind, string key, string stored)
    {
        Assert.Equal(stored, StreamIds.Of(CommandKind.Named(kind)!, key));
        Assert.Equal(stored, AggregateKinds.All[kind].StreamIdOf(key));
    }

    [Fact]
    public void The_named_builders_and_the_fixed_streams_are_the_stored_ids()
    {
        Assert.Equal("project-p1", StreamIds.Project("p1"));
        Assert.Equal("province-limburg", StreamIds.Province("limburg"));
        Assert.Equal("cluster-flux50", StreamIds.Cluster("flux50"));
        Assert.Equal("campaign-mvdm-2027", StreamIds.Campaign("mvdm-2027"));
        Assert.Equal("market-mvdm-2027-m-12", StreamIds.Market("mvdm-2027/m-12"));
        Assert.Equal("region-vlaanderen", StreamIds.Flanders);
        Assert.Equal("security", StreamIds.Security);
        Assert.Equal("audit-trail", StreamIds.AuditTrail);
        Assert.Equal("reference-municipalities", StreamIds.ReferenceMunicipalities);
    }

    [Fact]
    public void Only_a_key_of_several_parts_has_its_slash_turned_into_a_dash()
    {
        // A project's id comes from the route as given: its stream keeps it whole.
        Assert.Equal("project-a/b", StreamIds.Project("a/b"));
        Assert.Equal("market-c-m-1", StreamIds.Market("c/m-1"));
    }

    [Fact]
    public void Every_decider_writes_its_kinds_streams()
    {
        const string key = "k-1";
        Assert.Equal(StreamIds.Project(key), ProjectDecider.StreamId(key));
        Assert.Equal(StreamIds.Province(key), ProvinceDecider.StreamId(key));
        Assert.Equal(StreamIds.Cluster(key), ClusterDecider.StreamId(key));
        Assert.Equal(StreamIds.Campaign(key), CampaignDecider.StreamId(key));
        Assert.Equal(StreamIds.Market("c/m-1"), MarketDecider.StreamId("c/m-1"));
        Assert.Equal(StreamIds.Flanders, RegionDecider.StreamId(RegionDecider.Key));
        Assert.Equal(StreamIds.Security, SecurityDecider.StreamId("security"));
    }

    [Theory]
    [InlineData("project", "0190f3a2-7c1e-7a55-9d2b-3c4d5e6f7a8b")]
    [InlineData("province", "oost-vlaanderen")]
    [InlineData("cluster", "flux50")]
    [InlineData("campaign", "mvdm-2027")]
    [InlineData("campaign", "mvdm")]
    [InlineData("market", "mvdm-2027/m-12")]
    [InlineData("market", "mvdm/m-1")]
    [InlineData("flanders", "vlaanderen")]
    public void A_stream_id_parses_back_to_its_kind_and_key(string kind, string key)
    {
        var parsed = StreamIds.Parse(StreamIds.Of(CommandKind.Named(kind)!, key), CampaignSlugs);
        Assert.Equal((CommandKind.Named(kind)!, key), parsed);
    }

    [Fact]
    public void The_kinds_parsers_read_the_key_of_their_own_streams_only()
    {
        Assert.Equal("p1", StreamIds.ProjectId("project-p1"));
        Assert.Equal("limburg", StreamIds.ProvinceSlug("province-limburg"));
        Assert.Equal("flux50", StreamIds.ClusterSlug("cluster-flux50"));
        Assert.Equal("mvdm", StreamIds.CampaignSlug("campaign-mvdm"));
        Assert.Null(StreamIds.ProjectId("province-limburg"));
        Assert.Null(StreamIds.ProvinceSlug("project-p1"));
        Assert.Null(StreamIds.ProjectId("project-"));
        Assert.True(StreamIds.IsProject("project-p1"));
        Assert.True(StreamIds.IsCluster("cluster-flux50"));
        Assert.True(StreamIds.IsRegion("region-vlaanderen"));
        Assert.False(StreamIds.IsRegion("province-limburg"));
        Assert.Equal("p1", StreamIds.KeyPart("project-p1"));
        Assert.Equal("security", StreamIds.KeyPart("security"));
    }

    [Theory]
    [InlineData("security")]
    [InlineData("audit-trail")]
    [InlineData("reference-municipalities")]
    [InlineData("market-unknown-m-1")]
    public void Streams_without_an_aggregate_parse_to_none(string stream) => Assert.Null(StreamIds.Parse(stream, CampaignSlugs));

    [Theory]
    [InlineData("project", "project-p1")]
    [InlineData("region", "region-vlaanderen")]
    [InlineData("market", "market-mvdm-m-1")]
    [InlineData("security", "security")]
    [InlineData("audit-trail", "audit-trail")]
    public void The_logs_prefix_of_a_kind_selects_its_streams(string streamKind, string stream) =>
        Assert.StartsWith(StreamIds.LogPrefix(streamKind), stream, StringComparison.Ordinal);

    [Fact]
    public void The_logs_prefix_of_a_kind_does_not_select_another_kinds_streams() =>
        Assert.False("campaign-mvdm".StartsWith(StreamIds.LogPrefix("market"), StringComparison.Ordinal));

    [Fact]
    public void Every_command_kind_has_its_aggregate_kind_and_no_other()
    {
        Assert.Equal(CommandKind.All.Select(k => k.Name), AggregateKinds.All.Keys);
        Assert.All(CommandKind.All, k => Assert.Same(k, AggregateKinds.Of(k).Kind));
    }

    [Fact]
    public void The_writers_are_the_roles_the_catalog_names_and_the_admin()
    {
        Assert.Equal(new[] { Roles.Officer, Roles.Coordinator, Roles.Admin }, CommandCatalog.WriterRoles);
    }
}
