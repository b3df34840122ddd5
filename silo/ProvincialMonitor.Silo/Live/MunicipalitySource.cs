using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.Dashboard.Shared;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The figures per municipality on this silo: the projector's read models now, the log folded by event type as of a date.</summary>
public sealed class MunicipalitySource(IGrainFactory grains, HistoricalIndicators history, MonitorClock clock) : IMunicipalitySource
{
    private IIndicatorsGrain Projector => grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);

    public Task<MunicipalityMap?> MapAsync(string measure, HistoricalPoint? point = null) =>
        point is null ? Projector.Municipalities(measure) : history.MunicipalitiesAsync(measure, AuditSource.QueryOf(point));

    public Task<MunicipalityFigures?> MunicipalityAsync(string nis, HistoricalPoint? point = null) =>
        point is null ? Projector.Municipality(nis)
        : history.MunicipalityAsync(nis, AuditSource.QueryOf(point), point.Date == clock.Today ? clock.Now : Api.AsOf.EndOfDayInBrussels(point.Date));

    public string? CurrentCodeOf(string nis) => ReferenceData.CurrentMunicipalityOf(nis);
}
