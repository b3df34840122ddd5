using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Live;

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
}
