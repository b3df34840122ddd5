using System.Runtime.InteropServices;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The indicators of docs/domain.md folded from the global log, in position order. Additive figures are
/// <see cref="Contributions"/>; project counts, measured values, targets and denominators are kept as facts
/// and read when a view is made. A correction or retraction changes what it names, as of its own effective date.
/// Deterministic: the same events give the same model, which is what makes a rebuild and a reload safe.
/// </summary>
/// <param name="countsEvents">
/// False for a model that only answers comparisons of measures (<see cref="Compare"/>): it skips the events per day
/// and per month, which only the views show.
/// </param>
public sealed class IndicatorsModel(bool countsEvents = true) : IProjectionModel
{
    private IndicatorViews? _views;
    // Set on a model made to explain one figure.
    private FigureExplainer? _explainer;
    private readonly Dictionary<string, Dictionary<string, decimal>> _totals = new(StringComparer.Ordinal);
    // Months of each scope by key (yyyy-MM), unordered: every folded event adds to two or more of them, and a view,
    // made far less often, sorts them (a sorted dictionary cost a string comparison per tree level for each event).
    private readonly Dictionary<string, Dictionary<string, decimal[]>> _monthly = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectRecord> _projects = new(StringComparer.Ordinal);
    // Each project's grants (whose money and which funder a payment counts under), per project: one dictionary of every
    // grant in the log grew by copying all of them again and again during a rebuild.
    private readonly Dictionary<string, Dictionary<string, SubsidyGranted>> _grants = new(StringComparer.Ordinal);
    // The events this model corrected or retracted, as they now stand; any other event a correction names comes
    // from the store with the correction (Amendments).
    private readonly Dictionary<Guid, RememberedFact> _amended = [];
    private readonly Dictionary<string, List<(Guid Id, string Scope, IDomainEvent Event, long Position)>> _valueFacts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Scope, DateOnly Day), int> _eventsByDay = [];
    private readonly ChangedKeys _changed = new();
    private MunicipalitiesLoaded? _boundaries;
    private PlaceFigures? _places;

    public string Name => ReadModelProjector.Name;

    public static IEnumerable<string> Scopes => ProvinceSlugs.All.Select(Contributions.Province).Append(Contributions.Flanders);

    /// <summary>A model that folds as any other and also keeps which events make <paramref name="measure"/> of <paramref name="scope"/>.</summary>
    public static IndicatorsModel Explaining(string scope, string measure) => new(countsEvents: false) { _explainer = new FigureExplainer(scope, measure) };

    internal IndicatorViews Views => _views ??= new IndicatorViews(this);

    /// <summary>A province's or Flanders' indicators on <paramref name="today"/> (which decides the denominators).</summary>
    public ScopeIndicators View(string scope, DateOnly today, IReadOnlyDictionary<string, decimal>? more = null) => Views.View(scope, today, more);

    /// <summary>The five provinces and Flanders on one measure, absolute, per 100,000 inhabitants or per municipality.</summary>
    public Comparison Compare(string measure, string per, DateOnly today, Func<string, IReadOnlyDictionary<string, decimal>?>? more = null) =>
        Views.Compare(measure, per, today, more);

    /// <summary>The project list: filtered, sorted and paged (<see cref="ProjectList"/>).</summary>
    public ProjectPage Projects(ProjectQuery query) => ProjectList.Page(this, query);

    /// <summary>The events that make the figure this model explains (<see cref="FigureExplainer"/>).</summary>
    public FigureExplanation Explanation() => (_explainer ?? throw new InvalidOperationException("This model explains no figure.")).Explanation(this);

    // What the readers of the model (views, project list, explanation) read of it.
    internal IReadOnlyDictionary<string, Dictionary<string, decimal>> Totals => _totals;
    internal IReadOnlyDictionary<string, Dictionary<string, decimal[]>> Monthly => _monthly;
    internal IReadOnlyDictionary<string, ProjectRecord> ProjectRecords => _projects;
    internal IReadOnlyCollection<ProjectRecord> AllProjects => _projects.Values;
    internal IEnumerable<IDomainEvent> ValueFactsOf(string scope) =>
        _valueFacts.TryGetValue(scope, out var facts) ? facts.Select(f => f.Event) : [];
    internal int EventsOn(string scope, DateOnly day) => _eventsByDay.GetValueOrDefault((scope, day));
    internal MunicipalitiesLoaded? Boundaries => _boundaries;
    internal PlaceFigures Places => _places ??= new(s => _projects.GetValueOrDefault(s), s => _totals.GetValueOrDefault(Contributions.Project(s)));
    internal RememberedFact? AmendedOf(Guid id) => _amended.GetValueOrDefault(id);
    internal PaymentDelays Delays { get; } = new();

    public long Position { get; private set; }
    public DateTimeOffset? LastEventAt { get; private set; }

    /// <summary>The scopes whose figures changed since the last call; the projector saves and pushes these.</summary>
    public IReadOnlyCollection<string> TakeChanged() => _changed.Take();

    public void Apply(RecordedEvent recorded, RecordedEvent? target = null)
    {
        Position = recorded.Position;
        LastEventAt = recorded.RecordedAt;
        if (countsEvents)
        {
            var day = BrusselsDay(recorded.RecordedAt);
            var month = MonthKey(recorded.EffectiveDate);
            foreach (var province in recorded.Tags.Provinces) Count(Contributions.Province(province), day, month);
            Count(Contributions.Flanders, day, month);
        }

        if (Deserialize(recorded.EventType, recorded.Data) is not { } e) return;

        switch (e)
        {
            case ICorrection correction:
                Correct(correction, recorded, target);
                return;
            case IRetraction retraction:
                Retract(retraction, recorded, target);
                return;
            case MunicipalitiesLoaded boundaries:
                _boundaries = boundaries;
                MarkAllChanged();
                return;
        }

        Delays.Saw(e, recorded.StreamId, recorded.EventId, recorded.EffectiveDate, _projectFactsOf ??= ProjectFactsOf);
        _explainer?.Saw(recorded);
        Remember(e, recorded.StreamId, recorded.EventId, recorded.Position);
        AddContributions(e, recorded.StreamId, recorded.EffectiveDate, recorded.EffectiveDate.Year, +1, recorded.EventId);
    }

    private void Count(string scope, DateOnly day, string month)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(_eventsByDay, (scope, day), out _)++;
        AddMonthly(scope, month, events: 1);
        _changed.Add(scope);
    }

    // Brussels' day of a moment, remembered for the UTC hour it falls in (offsets change on whole UTC hours):
    // events arrive in recorded order, so nearly every event asks for the hour the previous one did.
    private long _dayHour = long.MinValue;
    private DateOnly _day;

    private DateOnly BrusselsDay(DateTimeOffset at)
    {
        var hour = at.UtcTicks / TimeSpan.TicksPerHour;
        if (hour != _dayHour)
        {
            _day = MonitorClock.DateOf(at);
            _dayHour = hour;
        }
        return _day;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> Months = new();

    /// <summary>"yyyy-MM" of a date, made once per month.</summary>
    private static string MonthKey(DateOnly date) =>
        Months.GetOrAdd(date.Year * 12 + date.Month - 1, static n => $"{n / 12:0000}-{n % 12 + 1:00}");

    private void Remember(IDomainEvent e, string streamId, Guid eventId, long position)
    {
        switch (e)
        {
            case ProjectRegistered registered:
                // A corrected registration keeps the project's statuses (and may move it to another province's "zonder locatie").
                Places.Moving(streamId, () => _projects[streamId] = _projects.TryGetValue(streamId, out var known)
                    ? known with { Registration = registered }
                    : new ProjectRecord(registered, [], eventId));
                Touch(registered.LeadProvince, registered.ParticipatingProvinces);
                break;
            case ProjectStatusChanged status when _projects.TryGetValue(streamId, out var project):
                project.Statuses.Add((eventId, status.Status));
                Touch(project.Registration.LeadProvince, project.Registration.ParticipatingProvinces);
                break;
            case ProjectLocated located:
                Places.Located(streamId, eventId, position, located.Municipalities);
                break;
            case SubsidyGranted granted:
                if (!_grants.TryGetValue(streamId, out var grants))
                    _grants[streamId] = grants = new Dictionary<string, SubsidyGranted>(StringComparer.Ordinal);
                grants[granted.GrantRef] = granted;
                break;
            case IndicatorMeasured or TargetSet or PopulationRecorded:
                var scope = ScopeOfStream(streamId);
                if (scope is null) break;
                if (!_valueFacts.TryGetValue(scope, out var list)) _valueFacts[scope] = list = [];
                list.Add((eventId, scope, e, position));
                _changed.Add(scope);
                if (e is PopulationRecorded) _changed.Add(Contributions.Flanders);
                break;
        }
    }

    /// <summary>The event an amendment names, as this model counted it: as amended before, or as stored.</summary>
    private RememberedFact? OriginalOf(Guid id, RecordedEvent amendment, RecordedEvent? target)
    {
        if (_amended.TryGetValue(id, out var amended)) return amended;
        if (!Amendments.IsTargetOf(target, amendment, id)) return null;
        // Only what Apply counts as a fact: an event that decodes, and is neither an amendment nor the boundaries.
        return Deserialize(target!.EventType, target.Data) is null or ICorrection or IRetraction or MunicipalitiesLoaded
            ? null
            : new RememberedFact(target.StreamId, target.EventType, target.Data, target.Position, target.EffectiveDate);
    }

    private void Correct(ICorrection correction, RecordedEvent recorded, RecordedEvent? target)
    {
        if (OriginalOf(correction.CorrectedEventId, recorded, target) is not { Retracted: false } original) return;
        var patched = Evolution.Patch(original.Data, correction.Changes);
        var before = Deserialize(original.EventType, original.Data);
        var after = Deserialize(original.EventType, patched);
        if (before is null || after is null) return;

        AddContributions(before, original.StreamId, recorded.EffectiveDate, original.EffectiveDate.Year, -1, correction.CorrectedEventId);
        Forget(before, original.StreamId, correction.CorrectedEventId);
        _amended[correction.CorrectedEventId] = original with { Data = patched };
        Remember(after, original.StreamId, correction.CorrectedEventId, original.Position);
        AddContributions(after, original.StreamId, recorded.EffectiveDate, original.EffectiveDate.Year, +1, correction.CorrectedEventId);
    }

    private void Retract(IRetraction retraction, RecordedEvent recorded, RecordedEvent? target)
    {
        if (OriginalOf(retraction.RetractedEventId, recorded, target) is not { Retracted: false } original) return;
        var withdrawn = Deserialize(original.EventType, original.Data);
        if (withdrawn is null) return;
        AddContributions(withdrawn, original.StreamId, recorded.EffectiveDate, original.EffectiveDate.Year, -1, retraction.RetractedEventId);
        Forget(withdrawn, original.StreamId, retraction.RetractedEventId);
        _amended[retraction.RetractedEventId] = original with { Retracted = true };
        Delays.Retracted(retraction.RetractedEventId);
    }

    /// <summary>Undoes <see cref="Remember"/> for one event (before a correction re-remembers it).</summary>
    private void Forget(IDomainEvent e, string streamId, Guid eventId)
    {
        switch (e)
        {
            case ProjectRegistered when _projects.TryGetValue(streamId, out var project):
                // A registration is corrected, never retracted: the corrected one replaces it next.
                Touch(project.Registration.LeadProvince, project.Registration.ParticipatingProvinces);
                break;
            case ProjectStatusChanged when _projects.TryGetValue(streamId, out var project):
                project.Statuses.RemoveAll(s => s.EventId == eventId);
                Touch(project.Registration.LeadProvince, project.Registration.ParticipatingProvinces);
                break;
            case ProjectLocated:
                Places.Unlocate(streamId, eventId);
                break;
            case IndicatorMeasured or TargetSet or PopulationRecorded:
                foreach (var list in _valueFacts.Values) list.RemoveAll(f => f.Id == eventId);
                if (ScopeOfStream(streamId) is { } scope) _changed.Add(scope);
                _changed.Add(Contributions.Flanders);
                break;
        }
    }

    /// <summary>Adds (or with <paramref name="sign"/> −1 takes back) what <paramref name="e"/>, the event <paramref name="source"/> of effective <paramref name="year"/>, contributes.</summary>
    private void AddContributions(IDomainEvent e, string streamId, DateOnly effective, int year, int sign, Guid source)
    {
        _contributions.Clear();
        Contributions.Of(e, streamId, _projectFactsOf ??= ProjectFactsOf, _grantOf ??= (stream, grant) => _grants.GetValueOrDefault(stream)?.GetValueOrDefault(grant), _contributions, year, _appeals.For(source));
        foreach (var (scope, measure, amount) in _contributions)
        {
            if (!_totals.TryGetValue(scope, out var measures)) _totals[scope] = measures = new Dictionary<string, decimal>(StringComparer.Ordinal);
            CollectionsMarshal.GetValueRefOrAddDefault(measures, measure, out _) += sign * amount;
            _explainer?.Add(scope, measure, source, sign * amount);
            if (scope.StartsWith("project:", StringComparison.Ordinal)) Places.Add(streamId, measure, sign * amount);
            if (countsEvents && measure == "granted") AddMonthly(scope, MonthKey(effective), granted: sign * amount);
            if (countsEvents && measure == "paid") AddMonthly(scope, MonthKey(effective), paid: sign * amount);
            if (!PlaceFigures.IsPlace(scope)) _changed.Add(scope);
        }
    }

    private void AddMonthly(string scope, string month, decimal granted = 0, decimal paid = 0, int events = 0)
    {
        if (!_monthly.TryGetValue(scope, out var months)) _monthly[scope] = months = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        ref var figures = ref CollectionsMarshal.GetValueRefOrAddDefault(months, month, out _);
        figures ??= new decimal[3];
        figures[0] += granted;
        figures[1] += paid;
        figures[2] += events;
    }

    private Func<string, ProjectFacts?>? _projectFactsOf;
    private Func<string, string, SubsidyGranted?>? _grantOf;
    private readonly List<Contribution> _contributions = [];
    private readonly RetailAppeals _appeals = new();

    private ProjectFacts? ProjectFactsOf(string streamId) => _projects.TryGetValue(streamId, out var p) ? p.Facts : null;

    private void Touch(string lead, IEnumerable<string> participants)
    {
        _views?.ProjectsChanged();
        _changed.Add(Contributions.Province(lead));
        foreach (var p in participants) _changed.Add(Contributions.Province(p));
        _changed.Add(Contributions.Flanders);
    }

    private void MarkAllChanged()
    {
        foreach (var p in ProvinceSlugs.All) _changed.Add(Contributions.Province(p));
        _changed.Add(Contributions.Flanders);
    }

    private static string? ScopeOfStream(string streamId) =>
        StreamIds.ProvinceSlug(streamId) is { } province ? Contributions.Province(province)
        : StreamIds.IsRegion(streamId) ? Contributions.Flanders
        : null;

    private static IDomainEvent? Deserialize(string type, string data)
    {
        try { return EventJson.Deserialize(type, data); }
        catch (JsonException) { return null; }
    }
}
