using System.Collections.Concurrent;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The indicators as they were: the log folded into a fresh <see cref="IndicatorsModel"/>, keeping only the
/// events the as-of query includes (docs/domain.md "As-of semantics"). A folded model is kept for the same query
/// while the log has not grown, so that the six scopes of one comparison fold once.
/// </summary>
public sealed class HistoricalIndicators(IEventStore store)
{
    private const int Kept = 8;
    private readonly ConcurrentDictionary<(AsOfQuery Query, long Head, string Types), Task<IndicatorsModel>> _models = new();

    public async Task<ScopeIndicators> ScopeAsync(string scope, AsOfQuery query, DateOnly dateShown, CancellationToken cancellationToken = default) =>
        (await ModelAsync(query, cancellationToken)).View(scope, dateShown);

    public async Task<IReadOnlyList<ScopeIndicators>> ComparisonAsync(AsOfQuery query, DateOnly dateShown, CancellationToken cancellationToken = default)
    {
        var model = await ModelAsync(query, cancellationToken);
        return [.. IndicatorsModel.Scopes.Select(s => model.View(s, dateShown))];
    }

    /// <summary>
    /// One measure across the scopes: folds only the event types that can change that measure or the denominators
    /// (<see cref="IndicatorViews.EventTypesFor"/>), read with the type filter in SQL.
    /// </summary>
    public async Task<Comparison> CompareAsync(string measure, string per, AsOfQuery query, DateOnly dateShown, CancellationToken cancellationToken = default) =>
        (await ModelAsync(query, cancellationToken, IndicatorViews.EventTypesFor(measure))).Compare(measure, per, dateShown);

    /// <summary>
    /// The events that make one figure of one scope as of the query (live: an empty query), read with the same type
    /// filter as a comparison of that measure; its total equals the figure (docs/measures.md). <paramref name="today"/> decides
    /// a campaign's day (its "on day" figures).
    /// </summary>
    public async Task<FigureExplanation> ExplainAsync(string scope, string measure, AsOfQuery query, DateOnly today, CancellationToken cancellationToken = default)
    {
        var head = (await store.GetHeadAsync(cancellationToken)).Position;
        var only = IndicatorViews.EventTypesFor(measure);
        if (scope.StartsWith(CampaignExplainer.ScopePrefix, StringComparison.Ordinal))
            return (await FoldAsync(query, head, only, new CampaignExplainer(scope, measure, today))).Explanation();
        return (await FoldAsync(query, head, only, IndicatorsModel.Explaining(scope, measure))).Explanation();
    }

    /// <summary>One measure per municipality as of the query (null: not counted per municipality), folded by event type like a comparison.</summary>
    public async Task<MunicipalityMap?> MunicipalitiesAsync(string measure, AsOfQuery query, CancellationToken cancellationToken = default)
    {
        if (!BusinessParkFigures.IsParkMeasure(measure))
            return MunicipalityViews.Map(await ModelAsync(query, cancellationToken, IndicatorViews.EventTypesFor(measure)), measure);
        // A park figure: the parks as of the query, read on its day (the effective date, else the Brussels day of the moment).
        var parks = await FoldAsync(query, (await store.GetHeadAsync(cancellationToken)).Position, null, new BusinessParkModel());
        return BusinessParkFigures.Map(parks, measure, query.EffectiveOn ?? MonitorClock.DateOf(query.RecordedUpTo ?? parks.LastRecordedAt));
    }

    /// <summary>A municipality's page as of the query: its figures, projects and markets from one fold of every event included.</summary>
    public async Task<MunicipalityFigures?> MunicipalityAsync(string nis, AsOfQuery query, DateTimeOffset shown, CancellationToken cancellationToken = default)
    {
        var head = (await store.GetHeadAsync(cancellationToken)).Position;
        var folded = await FoldAsync(query, head, null, new IndicatorsAndCampaigns());
        return MunicipalityViews.Of(folded.Indicators, nis, MunicipalityViews.MarketsIn(folded.Campaigns, nis, shown));
    }

    private async Task<IndicatorsModel> ModelAsync(AsOfQuery query, CancellationToken cancellationToken, IReadOnlyList<string>? only = null)
    {
        var head = (await store.GetHeadAsync(cancellationToken)).Position;
        var key = (query, head, only is null ? "" : string.Join(',', only));
        if (_models.Count >= Kept)
            foreach (var old in _models.Keys.Where(k => k.Head < head).ToList()) _models.TryRemove(old, out _);
        if (_models.Count >= Kept) _models.Clear();
        var model = _models.GetOrAdd(key, _ => FoldAsync(query, head, only, new IndicatorsModel(countsEvents: only is null)));
        try
        {
            return await model.WaitAsync(cancellationToken);
        }
        catch (Exception) when (model.IsFaulted)
        {
            _models.TryRemove(key, out _);
            throw;
        }
    }

    private async Task<T> FoldAsync<T>(AsOfQuery query, long head, IReadOnlyList<string>? only, T model) where T : IProjectionModel
    {
        // A correction or retraction counts only against an event this fold included too (always an earlier one).
        async ValueTask ApplyAsync(RecordedEvent e)
        {
            var target = await Amendments.TargetAsync(store, e);
            var included = target is not null && query.Includes(target) && (only is null || only.Contains(target.EventType, StringComparer.Ordinal));
            model.Apply(e, included ? target : null);
        }

        var upTo = query.AtPosition is { } at ? Math.Min(at, head) : head;
        var boundByPosition = only is not null && query.RecordedUpTo is not null;
        if (boundByPosition)
            // Bounds the scan: with a type filter the last page would otherwise walk the rest of the log to find nothing.
            upTo = Math.Min(upTo, await store.PositionRecordedByAsync(query.RecordedUpTo!.Value));
        if (query.EffectiveOn is not null || only is not null)
        {
            // Through the indexes (effective date, event type, recorded time), in position order, page by page. The
            // next page is asked for before this one is folded, so that reading and folding overlap.
            var page = new LogQuery
            {
                EffectiveTo = query.EffectiveOn,
                EventTypes = only,
                // recorded_at <= the moment. Left out when the position bound says the same (recorded_at never decreases along
                // the log): given both, PostgreSQL can plan through the recorded_at index and sort everything before the moment
                // for every page, many times slower (docs/performance.md).
                RecordedBefore = boundByPosition ? null : query.RecordedUpTo?.AddTicks(TimeSpan.TicksPerMicrosecond),
                BeforePosition = upTo + 1,
                Limit = 1000,
            };
            var reading = store.QueryAsync(page);
            while (reading is not null)
            {
                var read = await reading;
                reading = read.NextPosition is { } next && next < upTo ? store.QueryAsync(page with { AfterPosition = next }) : null;
                foreach (var e in read.Events.Where(e => e.Position <= upTo && query.Includes(e))) await ApplyAsync(e);
            }
        }
        else
        {
            await foreach (var e in store.ReadAllAsync(1, upTo))
            {
                if (query.Includes(e)) await ApplyAsync(e);
                // recorded_at never decreases along the log: past the moment asked for, nothing more is included.
                else if (query.RecordedUpTo is { } moment && e.RecordedAt > moment) break;
            }
        }
        model.TakeChanged();
        return model;
    }
}
