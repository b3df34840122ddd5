using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using M = ProvincialMonitor.Contracts.Measures.BusinessParkMeasures;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The business park figures of <see cref="BusinessParkModel"/> on a day: per park, summed per municipality, province and
/// Vlaanderen; years of supply divided per scope (never summed). The map's rows and the explanations by park.
/// </summary>
public static class BusinessParkFigures
{
    public static string ParkScope(string slug) => $"business-park:{slug}";

    /// <summary>One park's figures on <paramref name="today"/>.</summary>
    public static BusinessParkFigureSet Of(ParkRecord park, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(park);
        var since = today.AddYears(-M.PaceYears);
        var issued = park.Plots.Sum(p => p.Hectares);
        return Set(ParkScope(park.Slug), park.Name, 1, park.NetHectares,
            park.Plots.Where(p => p.IssuedOn.Year == today.Year).Sum(p => p.Hectares),
            park.NetHectares - issued,
            BusinessParkPhases.IsActivated(park.Phase) ? park.NetHectares : 0,
            park.Plots.Where(p => p.IssuedOn > since && p.IssuedOn <= today).Sum(p => p.Hectares));
    }

    /// <summary>The parks of a scope (<c>municipality:{nis}</c>, <c>province:{slug}</c>, <c>flanders</c>, <c>business-park:{slug}</c>).</summary>
    public static IEnumerable<ParkRecord> In(BusinessParkModel model, string scope)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scope);
        return model.Parks.Values.Where(p => scope == MeasureCatalog.Flanders || scope == $"province:{p.Province}"
            || scope == PlaceFigures.Municipality(p.Municipality) || scope == ParkScope(p.Slug)).OrderBy(p => p.Slug, StringComparer.Ordinal);
    }

    /// <summary>A scope's figures: its parks' summed, years of supply divided from the sums.</summary>
    public static BusinessParkFigureSet Scope(BusinessParkModel model, string scope, string name, DateOnly today)
    {
        var parts = In(model, scope).Select(p => Of(p, today)).ToList();
        return Set(scope, name, parts.Count, parts.Sum(p => p.NetHectares), parts.Sum(p => p.IssuedThisYear), parts.Sum(p => p.Available),
            parts.Sum(p => p.Activated), parts.Sum(p => p.IssuedLastYears));
    }

    /// <summary>One figure of a scope by its code; null when not computable (years of supply without issue) or not a park figure.</summary>
    public static decimal? Value(BusinessParkFigureSet set, string measure)
    {
        ArgumentNullException.ThrowIfNull(set);
        return measure switch
        {
            M.Net => set.NetHectares,
            M.IssuedThisYear => set.IssuedThisYear,
            M.Available => set.Available,
            M.Activated => set.Activated,
            M.IssuedLastYears => set.IssuedLastYears,
            M.SupplyYears => set.SupplyYears,
            _ => null,
        };
    }

    /// <summary>
    /// A province's or Vlaanderen's park figures by code, for its indicators and the comparison; years of supply only when
    /// computable. Null for any other scope.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal>? Measures(BusinessParkModel model, string scope, DateOnly today)
    {
        if (scope != MeasureCatalog.Flanders && !scope.StartsWith("province:", StringComparison.Ordinal)) return null;
        var set = Scope(model, scope, scope, today);
        return M.All.Select(m => (m.Code, Value: Value(set, m.Code))).Where(f => f.Value is not null)
            .ToDictionary(f => f.Code, f => f.Value!.Value, StringComparer.Ordinal);
    }

    public static bool IsParkMeasure(string measure) => M.All.Any(m => m.Code == measure);

    /// <summary>Vlaanderen, the five provinces and every park with its figures.</summary>
    public static BusinessParkOverview Overview(BusinessParkModel model, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parks = model.Parks.Values.OrderBy(p => p.Province, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => Item(p, today)).ToArray();
        return new BusinessParkOverview(model.Position, today, M.PaceYears, Scope(model, MeasureCatalog.Flanders, "Vlaanderen", today),
            [.. ProvinceSlugs.All.Select(p => Scope(model, $"province:{p}", ReferenceData.FindProvince(p)?.NameNl ?? p, today))], parks);
    }

    public static BusinessParkItem Item(ParkRecord p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Slug, p.Name, p.Municipality, p.Province, p.GrossHectares, p.Kind, p.ManagingBody, p.Phase, p.PhaseSince, [.. p.Plots],
            p.Measured?.Vacant, p.Measured?.Reserve, p.Measured?.On, p.Demo, Of(p, today));
    }

    /// <summary>A park figure for the 285 municipalities (no "zonder locatie": every park has its municipality); null for another measure.</summary>
    public static MunicipalityMap? Map(BusinessParkModel model, string measure, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (MeasureCatalog.Find(measure) is not { Attribution: MeasureAttribution.Park, Municipality: not null }) return null;
        var rows = ReferenceData.Municipalities.OrderBy(m => m.NisCode, StringComparer.Ordinal)
            .Select(m =>
            {
                var scope = PlaceFigures.Municipality(m.NisCode);
                return new Contracts.Views.MunicipalityRow(scope, m.NisCode, m.NameNl, m.ProvinceSlug, Value(Scope(model, scope, m.NameNl, today), measure) ?? 0);
            }).ToArray();
        return new MunicipalityMap(measure, MeasureCatalog.LabelOf(measure), "value", Note, model.Position, rows);
    }

    /// <summary>What the legend of a park figure's map says.</summary>
    public const string Note = "Hectare bedrijventerrein; een terrein telt in de gemeente waar het ligt.";

    /// <summary>
    /// A figure explained by the parks of its scope: each park's own figure (the lines add up to an additive figure); for
    /// years of supply the parks' available hectares and, apart, their hectares issued in the pace years.
    /// </summary>
    public static ParkFigureExplanation Explain(BusinessParkModel model, string scope, string measure, DateOnly today)
    {
        var parks = In(model, scope).Select(p => (Park: p, Figures: Of(p, today))).ToList();
        ParkFigureLine[] Lines(string code) =>
            [.. parks.Select(p => new ParkFigureLine(p.Park.Slug, p.Park.Name, p.Park.Municipality, Value(p.Figures, code) ?? 0))];
        var value = Value(Scope(model, scope, scope, today), measure);
        return measure == M.SupplyYears
            ? new(scope, measure, MeasureCatalog.LabelOf(measure), value, Lines(M.Available), Lines(M.IssuedLastYears))
            : new(scope, measure, MeasureCatalog.LabelOf(measure), value, Lines(measure), []);
    }

    private static BusinessParkFigureSet Set(string scope, string name, int parks, decimal net, decimal thisYear, decimal available, decimal activated,
        decimal lastYears) =>
        new(scope, name, parks, net, thisYear, available, activated, lastYears,
            lastYears > 0 ? decimal.Round(available / (lastYears / M.PaceYears), 1) : null);
}
