using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

public sealed partial class IndicatorsModel
{
    public static readonly string[] Pers = ["absolute", "capita", "municipality"];

    /// <summary>
    /// The stored event types that can change <paramref name="measure"/> in a comparison: those that contribute to it
    /// (and the registrations that say whose project it is), the denominators, and every correction and retraction;
    /// null (all events) for a measure not listed here. Events of other types leave the measure as it is.
    /// </summary>
    public static IReadOnlyList<string>? EventTypesFor(string measure)
    {
        Type[]? contributing = measure switch
        {
            // A payment counts under its grant's funder: the grants come too.
            _ when measure == "paid" || measure.StartsWith("paid.", StringComparison.Ordinal) => [typeof(ProjectRegistered), typeof(SubsidyGranted), typeof(SubsidyPaid)],
            _ when measure is "granted" or "cross-border.eu-granted" || measure.StartsWith("granted.", StringComparison.Ordinal)
                => [typeof(ProjectRegistered), typeof(SubsidyGranted)],
            _ when measure.StartsWith("outputs.", StringComparison.Ordinal) => [typeof(ProjectRegistered), typeof(OutputReported)],
            "projects" or "cross-border.projects" => [typeof(ProjectRegistered), typeof(ProjectStatusChanged)],
            _ when measure.StartsWith("projects.", StringComparison.Ordinal) => [typeof(ProjectRegistered), typeof(ProjectStatusChanged)],
            _ when measure == "budget" || measure.StartsWith("budget.", StringComparison.Ordinal) => [typeof(BudgetAllocated)],
            _ when measure == "cluster-funding" || measure.StartsWith("cluster-funding.", StringComparison.Ordinal) => [typeof(ClusterFundingGranted)],
            _ when measure == "decisions" || measure.StartsWith("decisions.", StringComparison.Ordinal) => [typeof(DecisionTaken)],
            _ when measure.StartsWith("retail.", StringComparison.Ordinal) => [typeof(RetailPermitAdviceGiven), typeof(RetailAppealFiled), typeof(RetailAppealDecided)],
            _ => null,
        };
        return contributing is null
            ? null
            : [.. contributing.Concat([typeof(PopulationRecorded), typeof(MunicipalitiesLoaded)]).SelectMany(EventTypes.NamesOf)
                .Concat(Amendments.EventTypes).Order(StringComparer.Ordinal)];
    }

    public static IEnumerable<string> Scopes => ProvinceSlugs.All.Select(Contributions.Province).Append(Contributions.Flanders);

    /// <summary>A province's or Flanders' indicators on <paramref name="today"/> (which decides the denominators).</summary>
    public ScopeIndicators View(string scope, DateOnly today)
    {
        var measures = new SortedDictionary<string, decimal>(_totals.GetValueOrDefault(scope) ?? [], StringComparer.Ordinal);
        foreach (var (measure, count) in ProjectCounts(scope)) measures[measure] = count;
        var monthly = (_monthly.GetValueOrDefault(scope) ?? []).OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MonthFigures(m.Key, m.Value[0], m.Value[1], (int)m.Value[2])).ToArray();
        return new ScopeIndicators(scope, NameOf(scope), Position, DenominatorsOf(scope, today), measures, Measured(scope), monthly,
            LastEventAt, _eventsByDay.GetValueOrDefault((scope, today)));
    }

    /// <summary>The five provinces and Flanders on one measure, absolute, per 100,000 inhabitants or per municipality.</summary>
    public Comparison Compare(string measure, string per, DateOnly today)
    {
        var rows = Scopes.Select(scope =>
        {
            var view = View(scope, today);
            var absolute = view.Measures.GetValueOrDefault(measure);
            decimal? value = per switch
            {
                "capita" => view.Denominators is { Inhabitants: > 0 } d ? decimal.Round(absolute * 100_000m / d.Inhabitants, 2) : null,
                "municipality" => view.Denominators is { Municipalities: > 0 } d ? decimal.Round(absolute / d.Municipalities, 2) : null,
                _ => absolute,
            };
            return new ComparisonRow(scope, view.Name, absolute, value, null, view.Denominators);
        }).ToList();
        var ranked = rows.Where(r => r.Scope != Contributions.Flanders && r.Value is not null).OrderByDescending(r => r.Value).ToList();
        rows = rows.Select(r => r.Scope == Contributions.Flanders || r.Value is null ? r : r with { Rank = ranked.FindIndex(x => x.Scope == r.Scope) + 1 }).ToList();
        return new Comparison(measure, per, Position, rows);
    }

    /// <summary>The project counts of a scope, counted again only after a project changed (the views are made many times a second).</summary>
    private (string Measure, decimal Count)[] ProjectCounts(string scope)
    {
        if (!_projectCounts.TryGetValue(scope, out var counts)) _projectCounts[scope] = counts = [.. CountProjects(scope)];
        return counts;
    }

    /// <summary>Projects by lead province (Flanders: every project once); "including participations" also where a province takes part.</summary>
    private IEnumerable<(string Measure, decimal Count)> CountProjects(string scope)
    {
        var province = scope.StartsWith("province:", StringComparison.Ordinal) ? scope["province:".Length..] : null;
        var led = _projects.Values.Where(p => province is null || p.Registration.LeadProvince == province).ToList();
        yield return ("projects", led.Count);
        foreach (var status in ProjectStatuses.All) yield return ($"projects.status.{status}", led.Count(p => p.Status == status));
        foreach (var group in led.GroupBy(p => p.Registration.Domain)) yield return ($"projects.domain.{group.Key}", group.Count());
        yield return ("projects.including-participations", province is null
            ? _projects.Count
            : _projects.Values.Count(p => p.Registration.LeadProvince == province || p.Registration.ParticipatingProvinces.Contains(province)));
        yield return ("cross-border.projects", led.Count(p => p.Registration.Domain == PolicyDomains.CrossBorder));
    }

    /// <summary>The newest value of each measured indicator against its newest target; rates are never summed across provinces.</summary>
    private MeasuredIndicator[] Measured(string scope)
    {
        var facts = _valueFacts.GetValueOrDefault(scope) ?? [];
        var measured = facts.Select(f => f.Event).OfType<IndicatorMeasured>().GroupBy(m => m.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Period, StringComparer.Ordinal).Last());
        var targets = facts.Select(f => f.Event).OfType<TargetSet>().GroupBy(t => t.IndicatorCode)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Year).Last());
        return measured.Keys.Union(targets.Keys).Order(StringComparer.Ordinal).Select(code =>
        {
            var m = measured.GetValueOrDefault(code);
            var t = targets.GetValueOrDefault(code);
            return new MeasuredIndicator(code, m?.Value, m?.Unit, m?.Period, m?.Source, t?.TargetValue, t?.Year);
        }).ToArray();
    }

    /// <summary>
    /// The population of the newest reference year not after <paramref name="today"/>, and the municipalities of
    /// the boundary version in force (Flanders: the sum of the provinces).
    /// </summary>
    private Denominators? DenominatorsOf(string scope, DateOnly today)
    {
        if (scope == Contributions.Flanders)
        {
            var parts = ProvinceSlugs.All.Select(p => DenominatorsOf(Contributions.Province(p), today)).ToList();
            if (parts.Any(p => p is null)) return null;
            return new Denominators(parts.Sum(p => p!.Inhabitants), parts.Min(p => p!.PopulationYear), parts.Sum(p => p!.Municipalities), parts[0]!.BoundaryVersion);
        }

        var population = (_valueFacts.GetValueOrDefault(scope) ?? []).Select(f => f.Event).OfType<PopulationRecorded>()
            .Where(p => p.ReferenceYear <= today.Year).OrderBy(p => p.ReferenceYear).LastOrDefault();
        if (population is null) return null;
        var province = scope["province:".Length..];
        return _boundaries is { } b && b.InForceFrom <= today
            ? new Denominators(population.Inhabitants, population.ReferenceYear, b.Municipalities.Count(m => m.Province == province), b.BoundaryVersion)
            : new Denominators(population.Inhabitants, population.ReferenceYear, population.Municipalities, $"{population.ReferenceYear}");
    }

    private static string NameOf(string scope) =>
        scope == Contributions.Flanders ? "Vlaanderen"
        : scope.StartsWith("province:", StringComparison.Ordinal) ? ReferenceData.FindProvince(scope["province:".Length..])?.NameNl ?? scope
        : scope[(scope.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
