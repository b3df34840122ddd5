using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>
/// Where the dashboard's pages read the indicators. The silo implements it in-process over its live feed and the
/// projector grain, so that a circuit never opens a network connection to its own server.
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The five provinces and Flanders, newest figures.</summary>
    Task<IReadOnlyList<ScopeIndicators>> ComparisonAsync();

    /// <summary>One scope: <c>province:{slug}</c> or <c>flanders</c>.</summary>
    Task<ScopeIndicators> ScopeAsync(string scope);

    Task<ProjectPage> ProjectsAsync(ProjectQuery query);

    /// <summary>The newest events of the log, newest first.</summary>
    Task<IReadOnlyList<EventSummary>> RecentEventsAsync(int count);

    /// <summary>
    /// A page of the log that matches <paramref name="filter"/>, newest first: the newest events, or those before
    /// position <paramref name="before"/>; at most <paramref name="limit"/> (1–200).
    /// </summary>
    Task<LogEntryPage> EventsAsync(EventFilter filter, long? before, int limit);

    /// <summary>
    /// The events that make one figure of one scope now, their total equal to the figure (docs/measures.md); null for a
    /// measure not in the catalog or a scope that does not exist.
    /// </summary>
    Task<FigureExplanation?> ExplainAsync(string scope, string measure);

    /// <summary>A project with its stream (the timeline), or null when no project has this id.</summary>
    Task<ProjectDetails?> ProjectAsync(string id);

    /// <summary>Every registered cluster (the seven spearhead clusters and provincial ones), spearhead clusters first.</summary>
    Task<IReadOnlyList<ClusterSummary>> ClustersAsync();

    /// <summary>One cluster, or null when no cluster has this slug.</summary>
    Task<ClusterDetails?> ClusterAsync(string slug);

    /// <summary>Whether the store holds events recorded with the source <c>demo</c>.</summary>
    Task<bool> HasDemoDataAsync();

    /// <summary>Raised after each flush of the live feed with the changed scopes and the new events; on any thread.</summary>
    event Action<IndicatorsUpdate>? Changed;
}
