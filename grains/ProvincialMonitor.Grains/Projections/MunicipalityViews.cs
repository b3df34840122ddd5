using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The figures per municipality read from the folded <see cref="IndicatorsModel"/> (its <see cref="PlaceFigures"/>):
/// one measure for the 285 municipalities and the five "zonder locatie" rows, and one municipality's page.
/// </summary>
public static class MunicipalityViews
{
    /// <summary>The scope of a municipality's figures (<c>municipality:{nis}</c>).</summary>
    public static string Scope(string nis) => PlaceFigures.Municipality(nis);

    /// <summary>Whether a scope is a place: <c>municipality:{nis}</c> or <c>unlocated:{province}</c> ("zonder locatie").</summary>
    public static bool IsPlace(string scope) => PlaceFigures.IsPlace(scope);

    /// <summary>The codes counted per municipality, as a refusal names them.</summary>
    public static string Codes => string.Join(", ", MeasureCatalog.All.Where(m => m.Municipality is not null).Select(m => m.Code));

    /// <summary>The measures a municipality's page shows, in order (outputs: every metric with a figure there).</summary>
    public static readonly IReadOnlyList<string> Shown = ["granted", "paid", "projects"];

    /// <summary>One measure per place, or null when the measure is not counted per municipality (<see cref="MeasureCatalog.CountsPerMunicipality"/>).</summary>
    public static MunicipalityMap? Map(IndicatorsModel model, string measure)
    {
        if (MeasureCatalog.Find(measure) is not { Municipality: not null } definition) return null;
        // A retail record always names its municipality: no "zonder locatie" rows.
        var own = definition.Attribution == MeasureAttribution.OwnProvince;
        var rows = ReferenceData.Municipalities.OrderBy(m => m.NisCode, StringComparer.Ordinal)
            .Select(m => new MunicipalityRow(PlaceFigures.Municipality(m.NisCode), m.NisCode, m.NameNl, m.ProvinceSlug, Value(model, PlaceFigures.Municipality(m.NisCode), measure)))
            .Concat(ProvinceSlugs.All.Where(_ => !own).Select(p => new MunicipalityRow(PlaceFigures.Unlocated(p), null,
                $"Zonder locatie ({ReferenceData.FindProvince(p)?.NameNl ?? p})", p, Value(model, PlaceFigures.Unlocated(p), measure))))
            .ToArray();
        var unit = definition.Unit switch { MeasureUnit.Money => "money", MeasureUnit.Count => "count", _ => "value" };
        var note = own ? RetailMeasures.MunicipalityNote : MeasureCatalog.MunicipalityNote;
        return new MunicipalityMap(measure, MeasureCatalog.LabelOf(measure), unit, note, model.Position, rows);
    }

    /// <summary>A municipality's figures, projects and markets (the markets as the campaign figures list them), or null for a code not of 2025.</summary>
    public static MunicipalityFigures? Of(IndicatorsModel model, string nis, IEnumerable<MunicipalityMarket> markets)
    {
        if (ReferenceData.FindMunicipality(nis) is not { } municipality) return null;
        var scope = PlaceFigures.Municipality(nis);
        var measures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (measure, value) in model.Places.Totals(scope)) measures[measure] = value;
        foreach (var (measure, value) in model.Totals.GetValueOrDefault(scope) ?? []) measures[measure] = value;
        foreach (var measure in Shown) measures[measure] = Value(model, scope, measure);
        var projects = model.Places.Located(scope).Select(p =>
        {
            var money = model.Totals.GetValueOrDefault(Contributions.Project(p.Stream));
            return new MunicipalityProject(StreamIds.ProjectId(p.Stream)!, p.Project.Registration.Title, p.Project.Registration.LeadProvince, p.Project.Status,
                money?.GetValueOrDefault("granted") ?? 0, money?.GetValueOrDefault("paid") ?? 0);
        }).OrderBy(p => p.Title, StringComparer.CurrentCulture).ToArray();
        return new MunicipalityFigures(nis, municipality.NameNl, municipality.ProvinceSlug, model.Position, measures, projects, [.. markets]);
    }

    /// <summary>The markets of every launched campaign held in the municipality.</summary>
    public static IEnumerable<MunicipalityMarket> MarketsIn(CampaignModel campaigns, string nis, DateTimeOffset now) =>
        campaigns.Campaigns().Select(c => campaigns.View(c.Slug, now)).OfType<CampaignFigures>()
            .SelectMany(c => c.Markets.Where(m => m.Municipality == nis).Select(m => new MunicipalityMarket(c.Slug, c.Name, m.Id, m.Name, m.Traders, m.Entries)));

    // A place's figure: its projects' (Places), or its own (retail records naming it, in the model's totals of the place).
    private static decimal Value(IndicatorsModel model, string scope, string measure) =>
        measure == "projects" ? model.Places.Located(scope).Count
        : model.Places.Total(scope, measure) + (model.Totals.GetValueOrDefault(scope)?.GetValueOrDefault(measure) ?? 0);
}

/// <summary>The indicators and the campaign figures folded from one read of the log (a municipality's page as of a date).</summary>
internal sealed class IndicatorsAndCampaigns : IProjectionModel
{
    public IndicatorsModel Indicators { get; } = new(countsEvents: false);

    public CampaignModel Campaigns { get; } = new();

    public string Name => Indicators.Name;

    public long Position => Indicators.Position;

    public void Apply(EventStore.RecordedEvent recorded, EventStore.RecordedEvent? target = null)
    {
        Indicators.Apply(recorded, target);
        Campaigns.Apply(recorded, target);
    }

    public IReadOnlyCollection<string> TakeChanged()
    {
        Campaigns.TakeChanged();
        return Indicators.TakeChanged();
    }
}
