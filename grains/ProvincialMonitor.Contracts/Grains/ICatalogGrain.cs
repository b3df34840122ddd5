using Orleans.Concurrency;

namespace ProvincialMonitor.Contracts.Grains;

/// <summary>
/// The catalog read model (key <c>indicators</c>: the same activation as <see cref="IIndicatorsGrain"/>, which reads the
/// log once for every projection): the cluster and campaign lists, each project's timeline, the newest events of the
/// log and whether it holds demo data, saved with their own checkpoint (<c>catalog</c>).
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>Every registered cluster, by slug.</summary>
    [AlwaysInterleave]
    Task<Views.ClusterView[]> Clusters();

    /// <summary>Every launched campaign, newest period first.</summary>
    [AlwaysInterleave]
    Task<Views.CampaignDetail[]> CampaignViews();

    /// <summary>The project's newest events (at most <see cref="Views.TimelineEntry.Limit"/>) in stream order; empty for an unknown project.</summary>
    [AlwaysInterleave]
    Task<Views.TimelineEntry[]> Timeline(string projectId);

    /// <summary>The newest events of the log (at most <paramref name="count"/>, at most 100), newest first.</summary>
    [AlwaysInterleave]
    Task<Views.EventSummary[]> RecentEvents(int count);

    /// <summary>Whether the log holds events of the demo data (source <c>demo</c>).</summary>
    [AlwaysInterleave]
    Task<bool> HasDemoData();
}
