using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.Silo.Api;

public static class ProvincesApi
{
    public static IEndpointRouteBuilder MapProvincesApi(this IEndpointRouteBuilder app)
    {
        var provinces = app.MapGroup("/api/provinces").WithTags("Provinces");

        provinces.MapGet("/", async (IGrainFactory grains) =>
        {
            var views = await Task.WhenAll(ProvinceSlugs.All.Select(s => grains.GetGrain<IProvinceGrain>(s).Read()));
            return Results.Ok(views.Select(v => v.View).OfType<ProvinceView>().ToArray());
        }).Produces<ProvinceView[]>();
        provinces.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IProvinceGrain>(slug), $"Province {slug}", request, "province", slug))
            .DescribedAsState<ProvinceView>();
        provinces.MapGet("/{slug}/events", (string slug, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, ProvinceDecider.StreamId(slug), $"Province {slug}", ct))
            .DescribedAsEvents();
        return app;
    }

    /// <summary>The Flemish region (<c>vlaanderen</c>): its targets and measured values.</summary>
    public static IEndpointRouteBuilder MapFlandersApi(this IEndpointRouteBuilder app)
    {
        var flanders = app.MapGroup("/api/flanders").WithTags("Flanders");
        const string key = RegionDecider.Key;

        flanders.MapGet("/", (HttpRequest request, IGrainFactory grains) => StreamsApi.StateAsync(grains.GetGrain<IRegionGrain>(key), "Flanders", request, "flanders", key))
            .DescribedAsState<FlandersView>();
        flanders.MapGet("/events", (AuditLog log, CancellationToken ct) => StreamsApi.EventsAsync(log, RegionDecider.StreamId(key), "Flanders", ct)).DescribedAsEvents();
        return app;
    }
}
