using System.Collections.Immutable;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Grains.Clusters;

[GenerateSerializer, Immutable]
public sealed record ClusterMember(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Kind);

[GenerateSerializer, Immutable]
public sealed record ClusterFunding(
    [property: Id(0)] string Province,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Purpose);

/// <summary>A cluster as its events made it.</summary>
/// <remarks>
/// <see cref="MembershipBreaches"/> records a leave without a join, or a second join, that only a correction or
/// retraction can bring about: Evolve never throws, so it notes them and the invariants refuse what would cause them.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record ClusterState(
    [property: Id(0)] string Slug,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string Name,
    [property: Id(3)] string Sector,
    [property: Id(4)] string Kind,
    [property: Id(5)] string? Province,
    [property: Id(6)] ImmutableDictionary<string, ClusterMember> Members,
    [property: Id(7)] ImmutableList<ClusterFunding> Fundings,
    [property: Id(8)] ImmutableList<Refusal> MembershipBreaches)
{
    public static ClusterState Unregistered(string slug) => new(
        slug, false, "", "", "", null, ImmutableDictionary<string, ClusterMember>.Empty, [], []);
}
