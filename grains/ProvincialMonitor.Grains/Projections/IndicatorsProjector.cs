using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// Keeps the indicators read models up to date: folds the log from its checkpoint and saves each batch of
/// changed views with the new checkpoint in one transaction (compare-and-set). On start it rebuilds its
/// memory by folding the log up to the saved checkpoint, so that the model is always a function of the
/// events and a duplicate projector that lost the race starts over instead of counting twice.
/// </summary>
public sealed class IndicatorsProjector(IEventStore store, ProjectionStore projections, TimeProvider clock, ILogger logger)
{
    public const string Name = "indicators";
    private const int BatchSize = 1_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private long _saved;

    public IndicatorsModel Model { get; private set; } = new();

    /// <summary>The events folded by the last catch-up (at most the newest 200), for the live ticker.</summary>
    public IReadOnlyList<EventSummary> LastEvents { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Model = new IndicatorsModel();
        _saved = await projections.GetCheckpointAsync(Name, cancellationToken);
        if (_saved > 0)
            await foreach (var e in store.ReadAllAsync(1, _saved, cancellationToken)) Model.Apply(e);
        Model.TakeChanged();
    }

    /// <summary>Folds and saves what the log has after the checkpoint; returns the scopes that changed.</summary>
    public async Task<IReadOnlyCollection<string>> CatchUpAsync(int? maxEvents = null, CancellationToken cancellationToken = default)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var applied = 0;
        var pending = 0;
        var recent = new Queue<EventSummary>();
        LastEvents = [];
        await foreach (var e in store.ReadAllAsync(Model.Position + 1, cancellationToken: cancellationToken))
        {
            Model.Apply(e);
            recent.Enqueue(EventSummaries.Of(e));
            if (recent.Count > 200) recent.Dequeue();
            applied++;
            if (++pending >= BatchSize)
            {
                if (!await SaveAsync(changed, cancellationToken)) return [];
                pending = 0;
            }
            if (applied == maxEvents) break;
        }
        if (pending > 0 && !await SaveAsync(changed, cancellationToken)) return [];
        LastEvents = [.. recent];
        return changed;
    }

    private async Task<bool> SaveAsync(HashSet<string> changed, CancellationToken cancellationToken)
    {
        var scopes = Model.TakeChanged().Where(s => !s.StartsWith("project:", StringComparison.Ordinal)).ToList();
        var views = scopes.ToDictionary(s => s, s => JsonSerializer.Serialize(Model.View(s, Today), Json), StringComparer.Ordinal);
        if (await projections.SaveAsync(Name, _saved, Model.Position, views, cancellationToken))
        {
            _saved = Model.Position;
            changed.UnionWith(scopes);
            return true;
        }

        // Another projector moved the checkpoint: what we folded may already be counted. Start over from the store.
        logger.LogWarning("The {Projection} checkpoint moved under this projector; reloading", Name);
        await InitializeAsync(cancellationToken);
        return false;
    }

    public ScopeIndicators View(string scope) => Model.View(scope, Today);

    public Comparison Compare(string measure, string per) => Model.Compare(measure, per, Today);

    public ProjectPage Projects(ProjectQuery query) => Model.Projects(query);

    /// <summary>The saved views, as another silo or the API reads them without folding.</summary>
    public static async Task<ScopeIndicators?> ReadSavedAsync(ProjectionStore projections, string scope, CancellationToken cancellationToken = default)
    {
        var (_, models) = await projections.LoadAsync(Name, cancellationToken);
        return models.TryGetValue(scope, out var json) ? JsonSerializer.Deserialize<ScopeIndicators>(json, Json) : null;
    }
}
