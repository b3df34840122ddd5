using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Clusters;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

internal static class ClusterSpecs
{
    public const string SpearheadSlug = "flux50";
    public const string ProvincialSlug = "circulair-bouwen-antwerpen";

    public static Spec<ClusterState, ClusterCommand> New(string slug) =>
        new(ClusterDecider.Initial(slug), ClusterDecider.Evolve, ClusterDecider.Decide);

    public static readonly ClusterRegistered Flux50 = new(SpearheadSlug, "Flux50", "slimme energie", "spearhead", null);
    public static readonly RegisterCluster RegisterFlux50 = new(SpearheadSlug, "Flux50", "slimme energie", "spearhead", null);

    public static readonly ClusterRegistered Bouw = new(ProvincialSlug, "Circulair Bouwen Antwerpen", "bouw", "provincial", "antwerpen");
    public static readonly RegisterCluster RegisterBouw = new(ProvincialSlug, "Circulair Bouwen Antwerpen", "bouw", "provincial", "antwerpen");

    public static readonly ClusterMemberJoined UAntwerpenJoined = new("UAntwerpen", "knowledge-institution");
    public static readonly ClusterMemberLeft UAntwerpenLeft = new("UAntwerpen", null);
    public static readonly ClusterFundingGranted LimburgFunding = new("limburg", 250_000m, "project-work");

    /// <summary>The spearhead cluster Flux50, registered, then the given events.</summary>
    public static Spec<ClusterState, ClusterCommand> Spearhead(params IDomainEvent[] more) => New(SpearheadSlug).Given([Flux50, .. more]);

    /// <summary>A provincial cluster of Antwerpen, registered, then the given events.</summary>
    public static Spec<ClusterState, ClusterCommand> Provincial(params IDomainEvent[] more) => New(ProvincialSlug).Given([Bouw, .. more]);

    public static CorrectionChange Change(string field, string json) =>
        new() { Field = field, NewValue = JsonDocument.Parse(json).RootElement };
}
