namespace ProvincialMonitor.Contracts.Views;

[GenerateSerializer, Immutable]
public sealed record PlotView(
    [property: Id(0)] string Buyer,
    [property: Id(1)] decimal Hectares,
    [property: Id(2)] string Sector);

/// <summary>
/// <c>GET /api/business-parks/{slug}</c>: a park, its plots in the order issued, and its newest vacancy measurement (null: none
/// yet); the dates are in the park's events (<c>/events</c>) and in the list's figures.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BusinessParkView(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] decimal GrossHectares,
    [property: Id(5)] decimal NetHectares,
    [property: Id(6)] string Kind,
    [property: Id(7)] string ManagingBody,
    [property: Id(8)] string Phase,
    [property: Id(9)] PlotView[] Plots,
    [property: Id(10)] decimal IssuedHectares,
    [property: Id(11)] decimal? VacantHectares,
    [property: Id(12)] decimal? ReserveHectares);
