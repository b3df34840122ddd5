using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Border;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// A province's border list (docs/domain.md "Cross-border"): its border consultations and GROS obstacles with their status,
/// and the stream's events. Every Flemish province has one, empty until its first event; another slug is a 404.
/// The commands come from the catalog.
/// </summary>
public static class BorderApi
{
    public static IEndpointRouteBuilder MapBorderApi(this IEndpointRouteBuilder app)
    {
        var border = app.MapGroup("/api/provinces/{slug}/border").WithTags("Border");

        border.MapGet("/", (HttpRequest request, string slug, IGrainFactory grains) => ProvinceSlugs.IsKnown(slug)
                ? StreamsApi.StateAsync(grains.GetGrain<IBorderGrain>(slug), $"Border list of {slug}", request, CommandKind.Border.Name, slug)
                : Task.FromResult(NotAProvince(slug)))
            .DescribedAsState<BorderView>().ProducesProblem(StatusCodes.Status404NotFound);
        border.MapGet("/events", (string slug, AuditLog log, CancellationToken ct) => ProvinceSlugs.IsKnown(slug)
                ? StreamsApi.EventsAsync(log, BorderDecider.StreamId(slug), $"Border list of {slug}", ct)
                : Task.FromResult(NotAProvince(slug)))
            .DescribedAsEvents().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult NotAProvince(string slug) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{slug} is not a Flemish province.");
}
