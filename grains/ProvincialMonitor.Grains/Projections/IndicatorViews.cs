using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// What a scope's figures read from the folded <see cref="IndicatorsModel"/>: its view on a day (project counts,
/// measured values against targets, denominators) and the comparison of the provinces on one measure.
/// </summary>
public sealed class IndicatorViews
{
    public static readonly string[] Pers = [.. MeasureCatalog.Pers.Select(p => p.Code)];

    /// <summary>
    /// The stored event types that can change <paramref name="measure"/> in a comparison, from its entry in the
    /// <see cref="MeasureCatalog"/>: those that make it and those that say whose it is, the denominators' (every
    /// <see cref="MeasureCatalog.Pers"/>), a project's location for a figure counted per municipality, and every correction and retraction; null (all events) for a code not in
    /// the catalog. Events of other types leave the measure as it is.
    /// </summary>
    public static IReadOnlyList<string>? EventTypesFor(string measure) => MeasureCatalog.Find(measure) is { } definition
        ? [.. definition.Events.Concat(definition.Context).Concat(MeasureCatalog.Pers.SelectMany(p => p.Events))
            .Concat(definition.Municipality is null ? [] : [MeasureCatalog.MunicipalityContext]).Distinct()
            .SelectMany(EventTypes.NamesOf).Concat(Amendments.EventTypes).Order(StringComparer.Ordinal)]
        : null;

    private readonly IndicatorsModel _model;
    // The project counts of each scope as last counted; the model clears them whenever a project changes.
    private readonly Dictionary<string, (string Measure, decimal Count)[]> _projectCounts = new(StringComparer.Ordinal);

    internal IndicatorViews(IndicatorsModel model) => _model = model;

    internal void ProjectsChanged() => _projectCounts.Clear();

    /// <summary>A province's or Flanders' indicators on <paramref name="today"/> (which decides the denominators).</summary>
    /// <paramref name="more"/>: figures another projection keeps for the scope (the business parks'), added as they are.
    public ScopeIndicators View(string scope, DateOnly today, IReadOnlyDictionary<string, decimal>? more = null)
    {
        var measures = new SortedDictionary<string, decimal>(_model.Totals.GetValueOrDefault(scope) ?? [], StringComparer.Ordinal);
        foreach (var (measure, count) in ProjectCounts(scope)) measures[measure] = count;
        foreach (var (measure, value) in more ?? new Dictionary<string, decimal>()) measures[measure] = value;
        if (_model.Delays.Mean(scope) is { } delay) measures[Comparing.PaymentDelay] = delay;
        var monthly = (_model.Monthly.GetValueOrDefault(scope) ?? []).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MonthFigures(m.Key, m.Value[0], m.Value[1], (int)m.Value[2])).ToArray();
        return new ScopeIndicators(scope, NameOf(scope), _model.Position, DenominatorsOf(scope, today), measures, Measured(scope), monthly,
            _model.LastEventAt, _model.EventsOn(scope, today));
    }

    /// <summary>
    /// The five provinces and Flanders (the total, never ranked) on one measure, absolute, per inhabitant or per
    /// municipality, or a ratio; the provinces ranked highest first (<see cref="Comparing.Ranks"/>).
    /// </summary>
    public Comparison Compare(string measure, string per, DateOnly today, Func<string, IReadOnlyDictionary<string, decimal>?>? more = null)
    {
        var rows = IndicatorsModel.Scopes.Select(scope =>
        {
            var view = View(scope, today, more?.Invoke(scope));
            var value = Comparing.Value(measure, per, view.Measures, view.Denominators);
            // A ratio or a mean is its own absolute figure.
            var absolute = Comparing.Divides(measure) ? view.Measures.GetValueOrDefault(measure) : value ?? 0m;
            return new ComparisonRow(scope, view.Name, absolute, value, null, view.Denominators);
        }).ToList();
        var provinces = rows.Where(r => r.Scope != Contributions.Flanders).ToList();
        var ranks = Comparing.Ranks(measure, [.. provinces.Select(r => r.Value)]);
        var rankOf = provinces.Select((r, i) => (r.Scope, Rank: ranks[i])).ToDictionary(x => x.Scope, x => x.Rank, StringComparer.Ordinal);
        rows = [.. rows.Select(r => r with { Rank = rankOf.GetValueOrDefault(r.Scope) })];
        return new Comparison(measure, per, _model.Position, rows)
        {
            Unit = !Comparing.Divides(measure) ? null : per switch { "capita" => Comparing.CapitaLabel(measure), "municipality" => "per gemeente", _ => null },
            NoRanking = Comparing.AllZero([.. provinces.Select(r => r.Value)]) ? Comparing.NoRanking : null,
        };
    }

    /// <summary>The project counts of a scope, counted again only after a project changed (the views are made many times a second).</summary>
    private (string Measure, decimal Count)[] ProjectCounts(string scope)
    {
        if (!_projectCounts.TryGetValue(scope, out var counts)) _projectCounts[scope] = counts = [.. CountProjects(scope)];
        return counts;
    }

    private IEnumerable<(string Measure, decimal Count)> CountProjects(string scope) =>
        ProjectsCounted(scope).Select(m => (m.Measure, (decimal)m.Projects.Count));

    /// <summary>
    /// The projects each project-count figure of a scope counts: by lead province (Flanders: every project once; a
    /// cluster: its own projects); "including participations" also where a province takes part.
    /// </summary>
    internal IEnumerable<(string Measure, IReadOnlyCollection<ProjectRecord> Projects)> ProjectsCounted(string scope)
    {
        // A place (municipality:{nis}, unlocated:{province}) counts the projects located there (PlaceFigures).
        if (PlaceFigures.IsPlace(scope))
        {
            yield return ("projects", _model.Places.ProjectsIn(scope));
            yield break;
        }
        var province = scope.StartsWith("province:", StringComparison.Ordinal) ? scope["province:".Length..] : null;
        var cluster = scope.StartsWith("cluster:", StringComparison.Ordinal) ? scope["cluster:".Length..] : null;
        IReadOnlyCollection<ProjectRecord> own = cluster is null ? _model.AllProjects : [.. _model.AllProjects.Where(p => p.Registration.Clusters.Contains(cluster))];
        List<ProjectRecord> led = [.. own.Where(p => province is null || p.Registration.LeadProvince == province)];
        yield return ("projects", led);
        foreach (var status in ProjectStatuses.All) yield return ($"projects.status.{status}", [.. led.Where(p => p.Status == status)]);
        foreach (var group in led.GroupBy(p => p.Registration.Domain)) yield return ($"projects.domain.{group.Key}", [.. group]);
        yield return ("projects.including-participations", province is null
            ? own
            : [.. own.Where(p => p.Registration.LeadProvince == province || p.Registration.ParticipatingProvinces.Contains(province))]);
        yield return ("cross-border.projects", [.. led.Where(p => p.Registration.Domain == PolicyDomains.CrossBorder)]);
    }

    /// <summary>The newest value of each measured indicator against its newest target; rates are never summed across provinces.</summary>
    private MeasuredIndicator[] Measured(string scope)
    {
        var facts = _model.ValueFactsOf(scope).ToList();
        var measured = facts.OfType<IndicatorMeasured>().GroupBy(m => m.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Period, StringComparer.Ordinal).Last());
        var targets = facts.OfType<TargetSet>().GroupBy(t => t.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Year).Last());
        return measured.Keys.Union(targets.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            var m = measured.GetValueOrDefault(code);
            var t = targets.GetValueOrDefault(code);
            return new MeasuredIndicator(code, m?.Value, m?.Unit, m?.Period, m?.Source, t?.TargetValue, t?.Year);
        }).ToArray();
    }

    /// <summary>
    /// The population of the newest reference year not after the year of <paramref name="today"/> (its 1 January, on the
    /// boundaries of that date), and the municipalities of the boundary version in force (Flanders: the sum of the provinces).
    /// </summary>
    private Denominators? DenominatorsOf(string scope, DateOnly today)
    {
        if (scope == Contributions.Flanders)
        {
            var parts = ProvinceSlugs.All.Select(p => DenominatorsOf(Contributions.Province(p), today)).ToList();
            if (parts.Any(p => p is null)) return null;
            return new Denominators(parts.Sum(p => p!.Inhabitants), parts.Min(p => p!.PopulationYear), parts.Sum(p => p!.Municipalities), parts[0]!.BoundaryVersion);
        }

        var population = _model.ValueFactsOf(scope).OfType<PopulationRecorded>()
            .Where(p => p.ReferenceYear <= today.Year).OrderBy(p => p.ReferenceYear).LastOrDefault();
        if (population is null) return null;
        var province = scope["province:".Length..];
        return _model.Boundaries is { } b && b.InForceFrom <= today
            ? new Denominators(population.Inhabitants, population.ReferenceYear, b.Municipalities.Count(m => m.Province == province), b.BoundaryVersion)
            : new Denominators(population.Inhabitants, population.ReferenceYear, population.Municipalities, $"{population.ReferenceYear}");
    }

    private static string NameOf(string scope) =>
        scope == Contributions.Flanders ? "Vlaanderen"
        : scope.StartsWith("province:", StringComparison.Ordinal) ? ReferenceData.FindProvince(scope["province:".Length..])?.NameNl ?? scope
        : scope[(scope.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
