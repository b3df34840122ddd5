using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The explanation of one figure of the <see cref="IndicatorsModel"/>: while the model folds, it remembers per event
/// what that event adds to the figure; afterwards it lists those events.
/// </summary>
internal sealed class FigureExplainer(string scope, string measure)
{
    private readonly Dictionary<Guid, Seen> _seen = [];
    private readonly Dictionary<Guid, decimal> _explained = [];
    // For a place: what each event adds to its project's own figure, by project scope; the projects located there at the end count.
    private readonly Dictionary<string, Dictionary<Guid, decimal>> _byProject = new(StringComparer.Ordinal);

    private sealed record Seen(long Position, string StreamId, string EventType, DateOnly EffectiveDate);

    /// <summary>An event the model folded as a fact (not an amendment).</summary>
    public void Saw(RecordedEvent recorded) =>
        _seen[recorded.EventId] = new Seen(recorded.Position, recorded.StreamId, recorded.EventType, recorded.EffectiveDate);

    /// <summary>What the event <paramref name="source"/> adds to (or takes back from) a figure; only the explained one is kept.</summary>
    public void Add(string figureScope, string figureMeasure, Guid source, decimal amount)
    {
        if (figureScope == scope && figureMeasure == measure) _explained[source] = _explained.GetValueOrDefault(source) + amount;
        else if (figureMeasure == measure && figureScope.StartsWith("project:", StringComparison.Ordinal) && PlaceFigures.IsPlace(scope))
        {
            if (!_byProject.TryGetValue(figureScope, out var events)) _byProject[figureScope] = events = [];
            events[source] = events.GetValueOrDefault(source) + amount;
        }
    }

    /// <summary>
    /// The events that make the figure, oldest first: what each adds now (corrected as corrected), a retracted one
    /// marked and counted as nothing; a project count lists the registrations of the projects it counts. The total
    /// equals the figure in <see cref="IndicatorsModel.View"/>.
    /// </summary>
    public FigureExplanation Explanation(IndicatorsModel model)
    {
        var counted = model.Views.ProjectsCounted(scope).FirstOrDefault(m => m.Measure == measure).Projects;
        // A place: its located projects' events, and those that name it (retail).
        IEnumerable<KeyValuePair<Guid, decimal>> explained = PlaceFigures.IsPlace(scope)
            ? model.Places.Located(scope).SelectMany(p => _byProject.GetValueOrDefault(Contributions.Project(p.Stream)) ?? []).Concat(_explained)
            : _explained;
        var lines = counted is not null ? counted.Select(p => Line(model, p.RegistrationId, 1m)) : explained.Select(e => Line(model, e.Key, e.Value));
        // An event that adds nothing is listed only when a correction or retraction made it so.
        FigureLine[] ordered = [.. lines.OfType<FigureLine>().Where(l => counted is not null || l.Amount != 0 || l.Corrected || l.Retracted).OrderBy(l => l.Position)];
        return new FigureExplanation(scope, measure, MeasureCatalog.LabelOf(measure), ordered.Where(l => !l.Retracted).Sum(l => l.Amount), model.Position, ordered);
    }

    private FigureLine? Line(IndicatorsModel model, Guid id, decimal amount)
    {
        if (!_seen.TryGetValue(id, out var seen)) return null;
        var amended = model.AmendedOf(id);
        return new FigureLine(id, seen.Position, seen.StreamId, seen.EventType, seen.EffectiveDate, TitleOf(model, seen.StreamId),
            amended is { Retracted: true } ? 0m : amount, amended is { Retracted: false }, amended is { Retracted: true });
    }

    /// <summary>The project's title, a province's Dutch name, or what follows the stream's kind (a cluster's slug).</summary>
    private static string TitleOf(IndicatorsModel model, string streamId) =>
        model.ProjectRecords.TryGetValue(streamId, out var project) ? project.Registration.Title
        : StreamIds.ProvinceSlug(streamId) is { } province ? ReferenceData.FindProvince(province)?.NameNl ?? streamId
        : StreamIds.KeyPart(streamId);
}
