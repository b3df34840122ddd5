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

/// <summary>A plot as the figures read it: its event and the day it was issued (the event's effective date).</summary>
[GenerateSerializer, Immutable]
public sealed record ParkPlot(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] DateOnly IssuedOn,
    [property: Id(2)] string Buyer,
    [property: Id(3)] decimal Hectares,
    [property: Id(4)] string Sector);

/// <summary>
/// The business park figures of one scope (<c>business-park:{slug}</c>, <c>municipality:{nis}</c>, <c>province:{slug}</c>,
/// <c>flanders</c>), in hectares, on <see cref="BusinessParkOverview.Today"/>. <see cref="SupplyYears"/> is null when nothing
/// was issued in the last <see cref="BusinessParkOverview.PaceYears"/> years (not computable).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BusinessParkFigureSet(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Name,
    [property: Id(2)] int Parks,
    [property: Id(3)] decimal NetHectares,
    [property: Id(4)] decimal IssuedThisYear,
    [property: Id(5)] decimal Available,
    [property: Id(6)] decimal Activated,
    [property: Id(7)] decimal IssuedLastYears,
    [property: Id(8)] decimal? SupplyYears);

/// <summary>A park as the list and its page show it: its registration, phase, dated plots and newest measurement, and its figures.</summary>
[GenerateSerializer, Immutable]
public sealed record BusinessParkItem(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] string Province,
    [property: Id(4)] decimal GrossHectares,
    [property: Id(5)] string Kind,
    [property: Id(6)] string ManagingBody,
    [property: Id(7)] string Phase,
    [property: Id(8)] DateOnly? PhaseSince,
    [property: Id(9)] ParkPlot[] Plots,
    [property: Id(10)] decimal? VacantHectares,
    [property: Id(11)] decimal? ReserveHectares,
    [property: Id(12)] DateOnly? MeasuredOn,
    [property: Id(13)] bool Demo,
    [property: Id(14)] BusinessParkFigureSet Figures);

/// <summary><c>GET /api/business-parks</c>: Vlaanderen's and each province's figures, and every park with its own.</summary>
[GenerateSerializer, Immutable]
public sealed record BusinessParkOverview(
    [property: Id(0)] long Position,
    [property: Id(1)] DateOnly Today,
    [property: Id(2)] int PaceYears,
    [property: Id(3)] BusinessParkFigureSet Flanders,
    [property: Id(4)] BusinessParkFigureSet[] Provinces,
    [property: Id(5)] BusinessParkItem[] Parks);

/// <summary>One park's part of a business park figure (<c>GET /api/business-parks/explain</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record ParkFigureLine(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string Municipality,
    [property: Id(3)] decimal Amount);

/// <summary>
/// A business park figure explained by its parks: for an additive figure the lines add up to <see cref="Value"/>; years of
/// supply lists the available hectares (<see cref="Lines"/>) and the issued in the pace years (<see cref="PaceLines"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ParkFigureExplanation(
    [property: Id(0)] string Scope,
    [property: Id(1)] string Measure,
    [property: Id(2)] string Label,
    [property: Id(3)] decimal? Value,
    [property: Id(4)] ParkFigureLine[] Lines,
    [property: Id(5)] ParkFigureLine[] PaceLines);
