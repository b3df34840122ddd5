using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

public sealed partial class IndicatorsModel
{
    // Set on a model made to explain one figure: it remembers, per event, what that event adds to the figure.
    private (string Scope, string Measure)? _explaining;
    private readonly Dictionary<Guid, Seen> _seen = [];
    private readonly Dictionary<Guid, decimal> _explained = [];

    private sealed record Seen(long Position, string StreamId, string EventType, DateOnly EffectiveDate);

    /// <summary>A model that folds as any other and also keeps which events make <paramref name="measure"/> of <paramref name="scope"/>.</summary>
    public static IndicatorsModel Explaining(string scope, string measure) => new(countsEvents: false) { _explaining = (scope, measure) };

    private void Explain(Guid source, decimal amount) => _explained[source] = _explained.GetValueOrDefault(source) + amount;

    /// <summary>
    /// The events that make the figure this model explains, oldest first: what each adds now (corrected as corrected),
    /// a retracted one marked and counted as nothing; a project count lists the registrations of the projects it counts.
    /// The total equals <see cref="View"/>'s figure.
    /// </summary>
    public FigureExplanation Explanation()
    {
        var (scope, measure) = _explaining ?? throw new InvalidOperationException("This model explains no figure.");
        var counted = ProjectsCounted(scope).FirstOrDefault(m => m.Measure == measure).Projects;
        var lines = counted is not null ? counted.Select(p => Line(p.RegistrationId, 1m)) : _explained.Select(e => Line(e.Key, e.Value));
        // An event that adds nothing is listed only when a correction or retraction made it so.
        FigureLine[] ordered = [.. lines.OfType<FigureLine>().Where(l => counted is not null || l.Amount != 0 || l.Corrected || l.Retracted).OrderBy(l => l.Position)];
        return new FigureExplanation(scope, measure, MeasureCatalog.LabelOf(measure), ordered.Where(l => !l.Retracted).Sum(l => l.Amount), Position, ordered);
    }

    private FigureLine? Line(Guid id, decimal amount)
    {
        if (!_seen.TryGetValue(id, out var seen)) return null;
        var amended = _amended.GetValueOrDefault(id);
        return new FigureLine(id, seen.Position, seen.StreamId, seen.EventType, seen.EffectiveDate, TitleOf(seen.StreamId),
            amended is { Retracted: true } ? 0m : amount, amended is { Retracted: false }, amended is { Retracted: true });
    }

    /// <summary>The project's title, a province's Dutch name, or what follows the stream's kind (a cluster's slug).</summary>
    private string TitleOf(string streamId) =>
        _projects.TryGetValue(streamId, out var project) ? project.Registration.Title
        : StreamIds.ProvinceSlug(streamId) is { } province ? ReferenceData.FindProvince(province)?.NameNl ?? streamId
        : StreamIds.KeyPart(streamId);
}
