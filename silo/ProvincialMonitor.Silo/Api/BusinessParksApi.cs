using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.BusinessParks;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The business parks (docs/domain.md "Business parks"): the overview with the figures of Vlaanderen, each province and
/// each park, one park, its events, and a park figure explained by its parks. The commands come from the catalog.
/// </summary>
public static class BusinessParksApi
{
    private static readonly QueryParameter Scope = new("scope", "flanders, province:{slug}, municipality:{nis} or business-park:{slug}.")
        { Default = MeasureCatalog.Flanders };

    private static readonly QueryParameter Measure = new("measure", "A business park figure (parks.*, GET /api/indicators/measures).");

    public static IEndpointRouteBuilder MapBusinessParksApi(this IEndpointRouteBuilder app)
    {
        var parks = app.MapGroup("/api/business-parks").WithTags("Business parks");

        parks.MapGet("/", (IGrainFactory grains) => Figures(grains).BusinessParks()).Produces<BusinessParkOverview>();
        parks.MapGet("/explain", ExplainAsync).Produces<ParkFigureExplanation>().WithMetadata(new QueryDescription(Scope, Measure))
            .ProducesProblem(StatusCodes.Status400BadRequest);
        parks.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IBusinessParkGrain>(slug), $"Business park {slug}", request, CommandKind.BusinessPark.Name, slug))
            .DescribedAsState<BusinessParkView>();
        parks.MapGet("/{slug}/events", (string slug, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, BusinessParkDecider.StreamId(slug), $"Business park {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    private static IBusinessParkFiguresGrain Figures(IGrainFactory grains) => grains.GetGrain<IBusinessParkFiguresGrain>(ReadModelProjector.Name);

    private static async Task<IResult> ExplainAsync(HttpRequest request, IGrainFactory grains)
    {
        var query = new QueryReader(request);
        var scope = query.Given(Scope) is { Length: > 0 } given ? given : Scope.Default!;
        var measure = query.Given(Measure);
        if (string.IsNullOrWhiteSpace(measure)) return Problems.Invalid400("measure", Refusals.FieldRequired);
        return await Figures(grains).ExplainBusinessParks(scope, measure) is { } explanation
            ? Results.Ok(explanation)
            : Problems.Invalid400("measure", Refusals.FieldNotOneOf, ("options", string.Join(", ", BusinessParkMeasures.All.Select(m => m.Code))));
    }
}
