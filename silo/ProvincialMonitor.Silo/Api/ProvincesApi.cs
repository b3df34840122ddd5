using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Provinces;
using ProvincialMonitor.Grains.Region;
using static ProvincialMonitor.Silo.Api.CommandEndpoints;

namespace ProvincialMonitor.Silo.Api;

public static class ProvincesApi
{
    public static IEndpointRouteBuilder MapProvincesApi(this IEndpointRouteBuilder app)
    {
        var provinces = app.MapGroup("/api/provinces").WithTags("Provinces");

        provinces.MapPost("/{slug}/decisions", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, TakeDecision>(http, slug, d));
        provinces.MapPost("/{slug}/budgets", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, AllocateBudget>(http, slug, d));
        provinces.MapPost("/{slug}/indicators", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, MeasureIndicator>(http, slug, d));
        provinces.MapPost("/{slug}/targets", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, SetTarget>(http, slug, d));
        provinces.MapPost("/{slug}/population", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, RecordPopulation>(http, slug, d));
        provinces.MapPost("/{slug}/retail-advice", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, GiveRetailPermitAdvice>(http, slug, d));
        provinces.MapPost("/{slug}/retail-appeals", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, FileRetailAppeal>(http, slug, d));
        provinces.MapPost("/{slug}/retail-appeals/{appealRef}/decision", (HttpContext http, string slug, string appealRef, CommandDispatcher d) =>
            HandleAsync<IProvinceGrain, DecideRetailAppeal>(http, slug, d, c => c with { AppealRef = appealRef }));
        provinces.MapPost("/{slug}/corrections", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, CorrectProvince>(http, slug, d));
        provinces.MapPost("/{slug}/retractions", (HttpContext http, string slug, CommandDispatcher d) => HandleAsync<IProvinceGrain, RetractProvinceEvent>(http, slug, d));

        provinces.MapGet("/", async (IGrainFactory grains) =>
        {
            var views = await Task.WhenAll(ProvinceSlugs.All.Select(s => grains.GetGrain<IProvinceGrain>(s).View()));
            return Results.Content($"[{string.Join(",", views.Where(v => v.Exists).Select(v => v.StateJson))}]", "application/json");
        });
        provinces.MapGet("/{slug}", (HttpRequest request, string slug, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IProvinceGrain>(slug), $"Province {slug}", request, "province", slug));
        provinces.MapGet("/{slug}/events", (string slug, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, ProvinceDecider.StreamId(slug), $"Province {slug}", ct));
        return app;
    }

    /// <summary>The Flemish region (<c>vlaanderen</c>): its targets and measured values.</summary>
    public static IEndpointRouteBuilder MapFlandersApi(this IEndpointRouteBuilder app)
    {
        var flanders = app.MapGroup("/api/flanders").WithTags("Flanders");
        const string key = RegionDecider.Key;

        flanders.MapPost("/targets", (HttpContext http, CommandDispatcher d) => HandleAsync<IRegionGrain, SetRegionTarget>(http, key, d));
        flanders.MapPost("/indicators", (HttpContext http, CommandDispatcher d) => HandleAsync<IRegionGrain, MeasureRegionIndicator>(http, key, d));
        flanders.MapPost("/corrections", (HttpContext http, CommandDispatcher d) => HandleAsync<IRegionGrain, CorrectRegion>(http, key, d));
        flanders.MapPost("/retractions", (HttpContext http, CommandDispatcher d) => HandleAsync<IRegionGrain, RetractRegionEvent>(http, key, d));

        flanders.MapGet("/", (HttpRequest request, IGrainFactory grains) => StreamsApi.StateAsync(grains.GetGrain<IRegionGrain>(key), "Flanders", request, "flanders", key));
        flanders.MapGet("/events", (IEventStore store, CancellationToken ct) => StreamsApi.EventsAsync(store, RegionDecider.StreamId(key), "Flanders", ct));
        return app;
    }
}
