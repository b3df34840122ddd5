using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Border;
using ProvincialMonitor.Grains.BusinessParks;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;
using ProvincialMonitor.Grains.Projects;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.Grains;

/// <summary>
/// Where the features meet the generic aggregate layer: every kind of aggregate (<see cref="CommandKind"/>) with its decider
/// and state, by name. The one place a kind meets its types.
/// </summary>
public static class AggregateKinds
{
    public static IReadOnlyDictionary<string, AggregateKind> All { get; } = new[]
    {
        AggregateKind.For<ProjectState, ProjectCommand, ProjectDecider>(CommandKind.Project, AggregateViews.Project),
        AggregateKind.For<ProvinceState, ProvinceCommand, ProvinceDecider>(CommandKind.Province, AggregateViews.Province),
        AggregateKind.For<ClusterState, ClusterCommand, ClusterDecider>(CommandKind.Cluster, AggregateViews.Cluster),
        AggregateKind.For<CampaignState, CampaignCommand, CampaignDecider>(CommandKind.Campaign, AggregateViews.Campaign),
        AggregateKind.For<MarketState, MarketCommand, MarketDecider>(CommandKind.Market, AggregateViews.Market),
        AggregateKind.For<RegionState, RegionCommand, RegionDecider>(CommandKind.Flanders, AggregateViews.Flanders),
        AggregateKind.For<BusinessParkState, BusinessParkCommand, BusinessParkDecider>(CommandKind.BusinessPark, AggregateViews.BusinessPark),
        AggregateKind.For<BorderState, BorderCommand, BorderDecider>(CommandKind.Border, AggregateViews.Border),
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The aggregate kind of a command kind.</summary>
    public static AggregateKind Of(CommandKind kind) => All[(kind ?? throw new ArgumentNullException(nameof(kind))).Name];
}
