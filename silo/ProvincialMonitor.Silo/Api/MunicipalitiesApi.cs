using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The figures per municipality (docs/domain.md "Figures per municipality"): one measure for the 285 municipalities and
/// "zonder locatie" per province (the map), and one municipality's figures, projects and campaign markets; live from the
/// read models, or as of a date, basis or position.
/// </summary>
public static class MunicipalitiesApi
{
    private static readonly QueryParameter Measure = new("measure", "A measure counted per municipality (GET /api/indicators/measures: those with a municipality rule).")
        { Default = "granted" };

    public static RouteGroupBuilder MapMunicipalities(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/municipalities", MapAsync).Produces<MunicipalityMap>().WithMetadata(new QueryDescription(Measure), AsOf.Described)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        indicators.MapGet("/municipalities/{nis}", MunicipalityAsync).Produces<MunicipalityFigures>().WithMetadata(AsOf.Described)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return indicators;
    }

    private static async Task<IResult> MapAsync(HttpRequest request, IGrainFactory grains, HistoricalIndicators history)
    {
        var given = new QueryReader(request).Given(Measure);
        var measure = string.IsNullOrWhiteSpace(given) ? Measure.Default! : given;
        if (!MeasureCatalog.CountsPerMunicipality(measure))
            return Problems.Invalid400("measure", Refusals.FieldNotOneOf, ("options", MunicipalityViews.Codes));
        if (!AsOf.Requested(request)) return Results.Ok(await IndicatorsApi.Projector(grains).Municipalities(measure));
        var (query, problem) = AsOf.Parse(request);
        return problem ?? Results.Ok(await history.MunicipalitiesAsync(measure, query!, request.HttpContext.RequestAborted));
    }

    /// <summary>A code of 2019–2024 merged into a 2025 municipality answers 308 to that municipality's address, the query kept.</summary>
    private static async Task<IResult> MunicipalityAsync(HttpRequest request, IGrainFactory grains, HistoricalIndicators history, MonitorClock clock, string nis)
    {
        if (ReferenceData.FindMunicipality(nis) is null)
            return ReferenceData.CurrentMunicipalityOf(nis) is { } current
                ? Results.Redirect($"/api/indicators/municipalities/{current}{request.QueryString}", permanent: true, preserveMethod: true)
                : Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no municipality '{nis}'.");
        if (!AsOf.Requested(request)) return Results.Ok(await IndicatorsApi.Projector(grains).Municipality(nis));
        var (query, problem) = AsOf.Parse(request);
        if (problem is not null) return problem;
        var shown = query!.RecordedUpTo ?? (query.EffectiveOn is { } day ? AsOf.EndOfDayInBrussels(day) : clock.Now);
        return Results.Ok(await history.MunicipalityAsync(nis, query, shown, request.HttpContext.RequestAborted));
    }
}
