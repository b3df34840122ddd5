using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Clusters.ClusterSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

public sealed class ClusterMemberTests
{
    [Fact]
    public void A_member_of_a_provincial_cluster_joins_filed_under_the_cluster_province()
    {
        var spec = Provincial();
        var events = spec.Then(new AddClusterMember("UAntwerpen", "knowledge-institution"), [UAntwerpenJoined]);

        Assert.Equal(["antwerpen"], events[0].Scope.Provinces);
        Assert.Equal("innovation-clusters", events[0].Scope.Domain);
        Assert.Equal([ProvincialSlug], events[0].Scope.Clusters);
        Assert.Equal("knowledge-institution", spec.History.State.Members["UAntwerpen"].Kind);
    }

    [Fact]
    public void A_member_of_a_spearhead_cluster_joins_filed_under_no_province()
    {
        var events = Spearhead().Then(new AddClusterMember("Fluvius", "company"), [new ClusterMemberJoined("Fluvius", "company")]);
        Assert.Empty(events[0].Scope.Provinces);
    }

    [Fact]
    public void A_member_joins_once() =>
        Provincial(UAntwerpenJoined).ThenRefused(new AddClusterMember(" UAntwerpen ", null), RefusalKind.Conflict);

    [Fact]
    public void A_member_leaves_and_is_no_longer_a_member()
    {
        var spec = Provincial(UAntwerpenJoined);
        spec.Then(new RemoveClusterMember("UAntwerpen", "project ended"), [new ClusterMemberLeft("UAntwerpen", "project ended")]);
        Assert.Empty(spec.History.State.Members);
    }

    [Fact]
    public void Only_a_member_leaves() =>
        Provincial().ThenRefused(new RemoveClusterMember("UAntwerpen", null), RefusalKind.Conflict);

    [Fact]
    public void A_member_that_left_leaves_only_once() =>
        Provincial(UAntwerpenJoined, UAntwerpenLeft).ThenRefused(new RemoveClusterMember("UAntwerpen", null), RefusalKind.Conflict);

    [Fact]
    public void A_member_may_rejoin_after_leaving()
    {
        var spec = Provincial(UAntwerpenJoined, UAntwerpenLeft);
        spec.Then(new AddClusterMember("UAntwerpen", "knowledge-institution"), [UAntwerpenJoined]);
        Assert.Contains("UAntwerpen", spec.History.State.Members.Keys);
    }

    [Fact]
    public void Any_officer_changes_the_members_of_a_spearhead_cluster()
    {
        var spec = Spearhead();
        spec.Then(new AddClusterMember("Fluvius", "company"), [new ClusterMemberJoined("Fluvius", "company")], Actors.Officer("west-vlaanderen"));
        spec.Then(new RemoveClusterMember("Fluvius", null), [new ClusterMemberLeft("Fluvius", null)], Actors.Officer("limburg"));
    }

    [Fact]
    public void Deputies_and_coordinators_do_not_change_the_members_of_a_spearhead_cluster()
    {
        Spearhead().ThenRefused(new AddClusterMember("Fluvius", null), RefusalKind.Forbidden, Actors.Deputy);
        Spearhead().ThenRefused(new AddClusterMember("Fluvius", null), RefusalKind.Forbidden, Actors.Coordinator("maand-van-de-markt-2027"));
    }

    [Fact]
    public void An_officer_of_its_province_changes_the_members_of_a_provincial_cluster()
    {
        var spec = Provincial();
        spec.Then(new AddClusterMember("UAntwerpen", "knowledge-institution"), [UAntwerpenJoined], Actors.Officer("antwerpen"));
        spec.Then(new RemoveClusterMember("UAntwerpen", null), [UAntwerpenLeft], Actors.Officer("antwerpen"));
    }

    [Fact]
    public void An_officer_of_another_province_or_a_deputy_does_not_change_the_members_of_a_provincial_cluster()
    {
        Provincial().ThenRefused(new AddClusterMember("UHasselt", null), RefusalKind.Forbidden, Actors.Officer("limburg"));
        Provincial(UAntwerpenJoined).ThenRefused(new RemoveClusterMember("UAntwerpen", null), RefusalKind.Forbidden, Actors.Officer("limburg"));
        Provincial().ThenRefused(new AddClusterMember("UHasselt", null), RefusalKind.Forbidden, Actors.Deputy);
    }

    [Fact]
    public void A_member_is_named()
    {
        Specs.ThenInvalid(new AddClusterMember(" ", null), "member");
        Specs.ThenInvalid(new RemoveClusterMember(null, "gone"), "member");
    }

    [Fact]
    public void A_member_kind_is_a_company_a_knowledge_institution_a_government_or_other() =>
        Specs.ThenInvalid(new AddClusterMember("VOKA", "lobby"), "memberKind");
}
