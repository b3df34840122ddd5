using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>Dutch names for event types (<see cref="EventWording"/>), provinces, clusters and the codes the cluster and project pages show (<see cref="DutchLabels"/>).</summary>
public static class DutchNames
{
    /// <summary>The event types the events page offers as a filter, in a reader's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> EventTypeOptions => EventWording.FilterOptions;

    /// <summary>The Dutch name of an event type, by any stored name of it (an older version reads as its current one).</summary>
    public static string EventType(string type) => EventWording.NameOf(type);

    public static string Province(string slug) => ReferenceData.FindProvince(slug)?.NameNl ?? slug;

    /// <summary>A spearhead cluster's own name; a provincial cluster, whose name only its registration knows, by its slug.</summary>
    public static string Cluster(string slug) => SpearheadClusters.All.FirstOrDefault(c => c.Slug == slug).Name ?? slug;

    public static string Purpose(string code) => DutchLabels.FundingPurposes.Of(code);

    public static string MemberKind(string? code) => DutchLabels.MemberKinds.Of(code);

    public static string ClusterKind(string kind) => DutchLabels.ClusterKinds.Of(kind);

    public static string Funder(string code) => DutchLabels.Funders.Of(code);
}
