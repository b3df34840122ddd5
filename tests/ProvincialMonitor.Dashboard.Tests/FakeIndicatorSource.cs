using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>A source whose answers the test sets and whose updates the test raises, as the live feed would.</summary>
internal sealed class FakeIndicatorSource : IIndicatorSource
{
    public List<ScopeIndicators> Scopes { get; } = Samples.Comparison();

    public List<EventSummary> Recent { get; } = [];

    public bool HasDemoData { get; set; }

    public Exception? Failure { get; set; }

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public event Action<IndicatorsUpdate>? Changed;

    public void Raise(IndicatorsUpdate update) => Changed?.Invoke(update);

    public Task<IReadOnlyList<ScopeIndicators>> ComparisonAsync() =>
        Failure is null ? Task.FromResult<IReadOnlyList<ScopeIndicators>>(Scopes) : Task.FromException<IReadOnlyList<ScopeIndicators>>(Failure);

    public Task<ScopeIndicators> ScopeAsync(string scope) => Task.FromResult(Scopes.Single(s => s.Scope == scope));

    public List<ProjectSummary> Projects { get; } = [];

    public List<ProjectQuery> ProjectQueries { get; } = [];

    /// <summary>Filters by province (lead or participating) and text and pages, as the projector does; sorts by title.</summary>
    public Task<ProjectPage> ProjectsAsync(ProjectQuery query)
    {
        ProjectQueries.Add(query);
        var matches = Projects
            .Where(p => query.Province is null || p.LeadProvince == query.Province || p.ParticipatingProvinces.Contains(query.Province))
            .Where(p => string.IsNullOrWhiteSpace(query.Text) || p.Title.Contains(query.Text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Title, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ProjectPage(matches.Skip(query.Skip).Take(query.Take).ToList(), matches.Count, 10));
    }

    public Task<IReadOnlyList<EventSummary>> RecentEventsAsync(int count) =>
        Task.FromResult<IReadOnlyList<EventSummary>>(Recent.Take(count).ToList());

    public Task<bool> HasDemoDataAsync() => Task.FromResult(HasDemoData);

    /// <summary>What <see cref="ExplainAsync"/> answers, whatever the figure.</summary>
    public FigureExplanation? Explanation { get; set; }

    public int ExplainReads { get; private set; }

    public Task<FigureExplanation?> ExplainAsync(string scope, string measure)
    {
        ExplainReads++;
        return Task.FromResult(Explanation);
    }

    /// <summary>The log, in position order; <see cref="EventsAsync"/> filters it as the store does.</summary>
    public List<LogEntry> Log { get; } = [];

    public List<(EventFilter Filter, long? Before, int Limit)> EventQueries { get; } = [];

    public Task<LogEntryPage> EventsAsync(EventFilter filter, long? before, int limit)
    {
        EventQueries.Add((filter, before, limit));
        var matches = Log
            .Where(e => filter.Province is null || e.Provinces.Contains(filter.Province))
            .Where(e => filter.Domain is null || e.Domain == filter.Domain)
            .Where(e => filter.Cluster is null || e.Clusters.Contains(filter.Cluster))
            .Where(e => filter.Stream is null || e.StreamId == filter.Stream)
            .Where(e => filter.Types is not { Count: > 0 } types || types.Contains(e.EventType))
            .Where(e => before is null || e.Position < before)
            .OrderByDescending(e => e.Position)
            .ToList();
        var page = matches.Take(limit).ToList();
        return Task.FromResult(new LogEntryPage(page, matches.Count > limit ? page[^1].Position : null));
    }

    public Dictionary<string, ProjectDetails> ProjectDetails { get; } = new(StringComparer.Ordinal);

    public int ProjectReads { get; private set; }

    public Task<ProjectDetails?> ProjectAsync(string id)
    {
        ProjectReads++;
        return Task.FromResult(ProjectDetails.GetValueOrDefault(id));
    }

    public List<ClusterDetails> Clusters { get; } = [];

    public Task<IReadOnlyList<ClusterSummary>> ClustersAsync() =>
        Task.FromResult<IReadOnlyList<ClusterSummary>>(Clusters.Select(c => c.Summary).ToList());

    public Task<ClusterDetails?> ClusterAsync(string slug) => Task.FromResult(Clusters.FirstOrDefault(c => c.Summary.Slug == slug));
}
