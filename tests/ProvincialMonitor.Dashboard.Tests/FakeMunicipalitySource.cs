using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Figures per municipality that the test sets (by measure and NIS code, "zonder locatie" by province); codes as the reference data knows them.</summary>
internal sealed class FakeMunicipalitySource : IMunicipalitySource
{
    /// <summary>Live values: measure → key (NIS code, or a province's slug for its "zonder locatie") → value.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Values as of any date, in the same shape.</summary>
    public Dictionary<string, Dictionary<string, decimal>> Historical { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MunicipalityFigures> Figures { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MunicipalityFigures> HistoricalFigures { get; } = new(StringComparer.Ordinal);

    public List<(string Measure, HistoricalPoint? Point)> MapReads { get; } = [];

    public List<(string Nis, HistoricalPoint? Point)> MunicipalityReads { get; } = [];

    public long Position { get; set; } = 1;

    public Task<MunicipalityMap?> MapAsync(string measure, HistoricalPoint? point = null)
    {
        MapReads.Add((measure, point));
        if (!MeasureCatalog.CountsPerMunicipality(measure)) return Task.FromResult<MunicipalityMap?>(null);
        var values = (point is null ? Values : Historical).GetValueOrDefault(measure) ?? [];
        var rows = ReferenceData.Municipalities
            .Select(m => new MunicipalityRow("municipality:" + m.NisCode, m.NisCode, m.NameNl, m.ProvinceSlug, values.GetValueOrDefault(m.NisCode)))
            .Concat(ReferenceData.Provinces.Select(p => new MunicipalityRow("unlocated:" + p.Slug, null, "Zonder locatie", p.Slug, values.GetValueOrDefault(p.Slug))))
            .ToList();
        return Task.FromResult<MunicipalityMap?>(new MunicipalityMap(measure, MeasureCatalog.LabelOf(measure), "count", MeasureCatalog.MunicipalityNote, Position, rows));
    }

    public Task<MunicipalityFigures?> MunicipalityAsync(string nis, HistoricalPoint? point = null)
    {
        MunicipalityReads.Add((nis, point));
        return Task.FromResult((point is null ? Figures : HistoricalFigures).GetValueOrDefault(nis));
    }

    public string? CurrentCodeOf(string nis) => ReferenceData.CurrentMunicipalityOf(nis);
}
