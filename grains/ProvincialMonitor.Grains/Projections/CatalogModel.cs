using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Campaigns;
using ProvincialMonitor.Grains.Clusters;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The lists and the log's overviews, folded from the global log so that no request scans it: the clusters and the
/// campaigns (their states folded with their own deciders, so corrections and retractions count as in the aggregate,
/// shown as their view records), each project's newest events, the newest events of the log, and whether it holds
/// demo data. Deterministic: the same events give the same model.
/// </summary>
public sealed class CatalogModel : IProjectionModel
{
    public const string Projection = ReadModels.Catalog;

    /// <summary>The saved views' keys besides <see cref="TimelineKey"/>.</summary>
    public const string ClustersKey = "clusters", CampaignsKey = "campaigns", RecentKey = "recent", DemoKey = "demo";

    /// <summary>How many of the newest events of the log the model keeps.</summary>
    public const int RecentLimit = 100;

    private readonly Dictionary<string, History<ClusterState>> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, History<CampaignState>> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TimelineEntry>> _timelines = new(StringComparer.Ordinal);
    private readonly Queue<RecordedEvent> _recent = new();
    private readonly ChangedKeys _changed = new();

    public string Name => Projection;

    public long Position { get; private set; }

    public bool HasDemoData { get; private set; }

    public static string TimelineKey(string projectId) => "timeline:" + projectId;

    public IReadOnlyCollection<string> TakeChanged() => _changed.Take();

    public void Apply(RecordedEvent recorded, RecordedEvent? target = null)
    {
        Position = recorded.Position;
        _recent.Enqueue(recorded);
        if (_recent.Count > RecentLimit) _recent.Dequeue();
        _changed.Add(RecentKey);
        if (!HasDemoData && recorded.Tags.Source == Sources.Demo)
        {
            HasDemoData = true;
            _changed.Add(DemoKey);
        }

        var stream = recorded.StreamId;
        if (StreamIds.ProjectId(stream) is { } project)
        {
            if (!_timelines.TryGetValue(project, out var timeline)) _timelines[project] = timeline = new Queue<TimelineEntry>();
            timeline.Enqueue(Entry(recorded));
            if (timeline.Count > TimelineEntry.Limit) timeline.Dequeue();
            _changed.Add(TimelineKey(project));
        }
        else if (StreamIds.ClusterSlug(stream) is { } cluster)
        {
            Fold<ClusterState, ClusterCommand, ClusterDecider>(_clusters, cluster, recorded);
            _changed.Add(ClustersKey);
        }
        else if (StreamIds.CampaignSlug(stream) is { } campaign)
        {
            Fold<CampaignState, CampaignCommand, CampaignDecider>(_campaigns, campaign, recorded);
            _changed.Add(CampaignsKey);
        }
    }

    private static void Fold<TState, TCommand, TDecider>(Dictionary<string, History<TState>> states, string key, RecordedEvent recorded)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        var history = states.TryGetValue(key, out var known) ? known : TDecider.Initial(key);
        states[key] = StateFold.Apply<TState, TCommand, TDecider>(history, recorded, out _);
    }

    private static TimelineEntry Entry(RecordedEvent e) => new(
        e.Position, e.StreamId, e.StreamVersion, e.EventType, e.EffectiveDate, e.RecordedAt, EventSummaries.Of(e).Summary,
        [.. e.Tags.Provinces], e.Tags.Domain, [.. e.Tags.Clusters], e.Tags.Source);

    /// <summary>Every registered cluster, by slug.</summary>
    public ClusterView[] Clusters() =>
        [.. _clusters.Values.Where(h => ClusterDecider.Exists(h.State)).OrderBy(h => h.State.Slug, StringComparer.Ordinal)
            .Select(h => AggregateViews.Cluster(h.State))];

    /// <summary>Every launched campaign, newest period first.</summary>
    public CampaignDetail[] Campaigns() =>
        [.. _campaigns.Values.Where(h => CampaignDecider.Exists(h.State)).Select(h => AggregateViews.Campaign(h.State))
            .OrderByDescending(c => c.PeriodStart).ThenBy(c => c.Slug, StringComparer.Ordinal)];

    /// <summary>The project's newest events in stream order; empty for a project without events.</summary>
    public TimelineEntry[] Timeline(string projectId) => _timelines.TryGetValue(projectId, out var timeline) ? [.. timeline] : [];

    /// <summary>The newest events of the log, newest first.</summary>
    public EventSummary[] Recent(int count) => [.. _recent.Reverse().Take(Math.Clamp(count, 1, RecentLimit)).Select(EventSummaries.Of)];

    /// <summary>The view saved under a key, or null for an unknown key.</summary>
    public object? View(string key) => key switch
    {
        ClustersKey => Clusters(),
        CampaignsKey => Campaigns(),
        RecentKey => Recent(RecentLimit),
        DemoKey => HasDemoData,
        _ when key.StartsWith("timeline:", StringComparison.Ordinal) => Timeline(key["timeline:".Length..]),
        _ => null,
    };
}
