using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>
/// Where the map and the municipality pages read the figures per municipality (docs/domain.md "Figures per
/// municipality"): now from the read models, or as they were at a <see cref="HistoricalPoint"/>. The silo implements it
/// in-process; the live updates come with <see cref="IIndicatorSource.Changed"/> (read the figures again after one).
/// </summary>
public interface IMunicipalitySource
{
    /// <summary>
    /// One measure for the 285 municipalities (by NIS code) and "zonder locatie" per province, with its label, unit and
    /// the legend's note; null for a measure not counted per municipality.
    /// </summary>
    Task<MunicipalityMap?> MapAsync(string measure, HistoricalPoint? point = null);

    /// <summary>
    /// A municipality's figures, its projects and the campaign markets held there; null for a code that is not a 2025
    /// municipality (an older code: <see cref="CurrentCodeOf"/>).
    /// </summary>
    Task<MunicipalityFigures?> MunicipalityAsync(string nis, HistoricalPoint? point = null);

    /// <summary>The 2025 code of a municipality by a code of 2019–2024 (itself when current); null for an unknown code.</summary>
    string? CurrentCodeOf(string nis);
}
