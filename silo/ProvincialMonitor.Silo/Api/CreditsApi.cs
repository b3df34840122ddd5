using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Api;

/// <summary>Credits against spending (BBC 2020): per province and domain the credit of a year, what was granted and paid against it.</summary>
public static class CreditsApi
{
    private static readonly QueryParameter Year = new("year", "The year of the credits (default: this year in Brussels).") { Kind = QueryKind.Whole };

    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/indicators").WithTags("Indicators");
        indicators.MapGet("/credits", (HttpRequest request, IGrainFactory grains, MonitorClock clock) =>
                CreditsAsync(request, grains, clock, [.. ProvinceSlugs.All.Select(Contributions.Province), Contributions.Flanders]))
            .Produces<CreditsView>().ProducesProblem(StatusCodes.Status400BadRequest).WithMetadata(new QueryDescription(Year));
        indicators.MapGet("/provinces/{slug}/credits", (HttpRequest request, IGrainFactory grains, MonitorClock clock, string slug) => ProvinceSlugs.IsKnown(slug)
                ? CreditsAsync(request, grains, clock, [Contributions.Province(slug)])
                : Task.FromResult(Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no province '{slug}'.")))
            .Produces<CreditsView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new QueryDescription(Year));
        return app;
    }

    private static async Task<IResult> CreditsAsync(HttpRequest request, IGrainFactory grains, MonitorClock clock, string[] scopes)
    {
        var reader = new QueryReader(request);
        var year = reader.Whole(Year, Refusals.FieldNotAYear) ?? clock.Today.Year;
        if (reader.Problem is { } malformed) return malformed;
        if (year is < 1990 or > 2100) return Problems.Invalid400(Year.Name, Refusals.FieldNotAYear);
        var projector = grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);
        var views = await Task.WhenAll(scopes.Select(projector.Scope));
        return Results.Ok(CreditFigures.Of(views, (int)year));
    }
}
