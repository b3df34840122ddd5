using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// Keeps the read models up to date: the indicators (<see cref="IndicatorsModel"/>), the campaign figures
/// (<see cref="CampaignModel"/>), the lists and overviews of the log (<see cref="CatalogModel"/>) and the business parks (<see cref="BusinessParkModel"/>), each with its own checkpoint, from one read of the log. After each batch
/// the checkpoints move (compare-and-set); the models live in memory. On start it rebuilds its memory by folding the
/// log up to each saved checkpoint, so that a model is always a function of the events and a duplicate projector
/// that lost the race starts over instead of counting twice. The views themselves are not saved: a start folds the
/// log, so nothing would read them.
/// </summary>
public sealed class ReadModelProjector(IEventStore store, ProjectionStore projections, MonitorClock clock, ILogger logger,
    string generation = "")
{
    public const string Name = ReadModels.Indicators;

    /// <summary>
    /// The version of the projections' code. A silo whose version differs from the one the saved models were
    /// built with builds the new ones beside the old, which keep serving until the new ones have caught up.
    /// </summary>
    public const int Version = 1;

    /// <summary>The suffix of the models built beside the serving ones during a rebuild.</summary>
    public const string NextGeneration = ReadModels.NextGeneration;

    /// <summary>Where the version of the serving models is kept (a checkpoint row holding the number).</summary>
    public const string VersionKey = "indicators.version";

    /// <summary>The names of the serving projections, as the projection store knows them.</summary>
    public static readonly string[] Projections = [.. ReadModels.All.Select(m => m.Name)];

    // In a long catch-up (a start, a rebuild) the checkpoints are saved about once a second (and at most every
    // MaxUnsaved events), and at its end.
    private const int MaxUnsaved = 100_000;
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private static readonly IReadOnlyDictionary<string, string> NoViews = new Dictionary<string, string>();

    private readonly Dictionary<string, long> _saved = new(StringComparer.Ordinal);

    public IndicatorsModel Model { get; private set; } = new();

    public CampaignModel Campaigns { get; private set; } = new();

    public CatalogModel Catalog { get; private set; } = new();

    public BusinessParkModel Parks { get; private set; } = new();

    /// <summary>The events folded by the last catch-up (at most the newest 200), for the live ticker.</summary>
    public IReadOnlyList<EventSummary> LastEvents { get; private set; } = [];

    /// <summary>The campaigns whose figures changed in the last catch-up.</summary>
    public IReadOnlyCollection<string> ChangedCampaigns { get; private set; } = [];

    /// <summary>The lowest position every model has reached.</summary>
    public long Position => Math.Min(Math.Min(Model.Position, Campaigns.Position), Math.Min(Catalog.Position, Parks.Position));

    /// <summary>Today in Brussels: the day "events today" counts and the denominators in force (docs/domain.md: "today" is Brussels' day).</summary>
    public DateOnly Today => clock.Today;

    private IProjectionModel[] Models => [Model, Campaigns, Catalog, Parks];

    /// <summary>
    /// "" for the serving models, <see cref="NextGeneration"/> for those being built beside them (any other suffix keeps
    /// models apart from both, as the benchmark's rebuild passes do).
    /// </summary>
    public string Generation { get; private set; } = generation;

    /// <summary>After the promotion of its models in the store: from now on it saves as the serving projector.</summary>
    public void BecomeServing() => Generation = "";

    private string Stored(IProjectionModel model) => model.Name + Generation;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Model = new IndicatorsModel();
        Campaigns = new CampaignModel();
        Catalog = new CatalogModel();
        Parks = new BusinessParkModel();
        foreach (var model in Models) _saved[model.Name] = await projections.GetCheckpointAsync(Stored(model), cancellationToken);
        var upTo = _saved.Values.Max();
        if (upTo > 0)
            await foreach (var e in store.ReadAllAsync(1, upTo, cancellationToken))
            {
                var target = await Amendments.TargetAsync(store, e, cancellationToken);
                foreach (var model in Models)
                    if (e.Position <= _saved[model.Name]) model.Apply(e, target);
            }
        foreach (var model in Models) model.TakeChanged();
    }

    /// <summary>Folds and saves what the log has after the checkpoints; returns the indicator scopes that changed.</summary>
    public async Task<IReadOnlyCollection<string>> CatchUpAsync(int? maxEvents = null, CancellationToken cancellationToken = default)
    {
        var changed = Models.ToDictionary(m => m.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var applied = 0;
        var pending = 0;
        // The newest 200 events, summarised once at the end (a long catch-up passes millions of events).
        var recent = new Queue<RecordedEvent>();
        var lastSave = System.Diagnostics.Stopwatch.GetTimestamp();
        LastEvents = [];
        ChangedCampaigns = [];
        var models = Models;
        await foreach (var e in store.ReadAllAsync(Position + 1, cancellationToken: cancellationToken))
        {
            var target = await Amendments.TargetAsync(store, e, cancellationToken);
            foreach (var model in models)
                if (model.Position < e.Position) model.Apply(e, target);
            if (e.Position > _saved[Model.Name])
            {
                recent.Enqueue(e);
                if (recent.Count > 200) recent.Dequeue();
            }
            applied++;
            if (++pending >= MaxUnsaved || (pending % 1_000 == 0 && System.Diagnostics.Stopwatch.GetElapsedTime(lastSave) >= SaveEvery))
            {
                if (!await SaveAsync(changed, cancellationToken)) return [];
                pending = 0;
                lastSave = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            if (applied == maxEvents) break;
        }
        if (pending > 0 && !await SaveAsync(changed, cancellationToken)) return [];
        LastEvents = [.. recent.Select(EventSummaries.Of)];
        ChangedCampaigns = changed[Campaigns.Name];
        // A park's change is a change of its province's and Vlaanderen's indicators (their park figures).
        return [.. changed[Model.Name].Union(changed[Parks.Name].Select(slug => Parks.Parks.TryGetValue(slug, out var park) ? $"province:{park.Province}" : null)
            .OfType<string>().SelectMany(province => new[] { province, Contracts.Measures.MeasureCatalog.Flanders }))];
    }

    private async Task<bool> SaveAsync(Dictionary<string, HashSet<string>> changed, CancellationToken cancellationToken)
    {
        foreach (var model in Models)
        {
            if (model.Position == _saved[model.Name]) continue;
            var keys = model.TakeChanged().Where(s => !s.StartsWith("project:", StringComparison.Ordinal)).ToList();
            if (await projections.SaveAsync(Stored(model), _saved[model.Name], model.Position, NoViews, cancellationToken))
            {
                _saved[model.Name] = model.Position;
                changed[model.Name].UnionWith(keys);
                continue;
            }

            // Another projector moved the checkpoint: what we folded may already be counted. Start over from the store.
            logger.LogWarning("The {Projection} checkpoint moved under this projector; reloading", Stored(model));
            await InitializeAsync(cancellationToken);
            return false;
        }
        return true;
    }

    public ScopeIndicators View(string scope) => Model.View(scope, Today, BusinessParkFigures.Measures(Parks, scope, Today));

    public Comparison Compare(string measure, string per) => Model.Compare(measure, per, Today, scope => BusinessParkFigures.Measures(Parks, scope, Today));

    public ProjectPage Projects(ProjectQuery query) => Model.Projects(query);

    public CampaignFigures? Campaign(string slug) => Campaigns.View(slug, clock.Now);

    /// <summary>One measure for the 285 municipalities and "zonder locatie" per province; null for a measure not counted per municipality.</summary>
    public MunicipalityMap? Municipalities(string measure) =>
        BusinessParkFigures.IsParkMeasure(measure) ? BusinessParkFigures.Map(Parks, measure, Today) : MunicipalityViews.Map(Model, measure);

    public BusinessParkOverview BusinessParks() => BusinessParkFigures.Overview(Parks, Today);

    /// <summary>A municipality's figures, projects and campaign markets; null for a code that is not a 2025 municipality.</summary>
    public MunicipalityFigures? Municipality(string nis) => MunicipalityViews.Of(Model, nis, MunicipalityViews.MarketsIn(Campaigns, nis, clock.Now));
}
