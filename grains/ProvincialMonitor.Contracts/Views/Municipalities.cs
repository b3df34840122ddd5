namespace ProvincialMonitor.Contracts.Views;

/// <summary>
/// One place on the map by municipality: a municipality (<c>municipality:{nis}</c>) or a province's projects without a
/// location (<c>unlocated:{province}</c>, "zonder locatie", <see cref="Nis"/> null).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityRow(
    [property: Id(0)] string Scope,
    [property: Id(1)] string? Nis,
    [property: Id(2)] string Name,
    [property: Id(3)] string Province,
    [property: Id(4)] decimal Value);

/// <summary>
/// One measure for the 285 municipalities (2025 boundaries, by NIS code) and the five "zonder locatie" rows, with the
/// measure's Dutch label and unit (<c>money</c>, <c>count</c>, <c>value</c>) and the note the legend shows.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityMap(
    [property: Id(0)] string Measure,
    [property: Id(1)] string Label,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Note,
    [property: Id(4)] long Position,
    [property: Id(5)] IReadOnlyList<MunicipalityRow> Rows);

/// <summary>A project located in a municipality, with its own money (every grant and payment, any funder).</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityProject(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string LeadProvince,
    [property: Id(3)] string Status,
    [property: Id(4)] decimal Granted,
    [property: Id(5)] decimal Paid);

/// <summary>A campaign's market in a municipality.</summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityMarket(
    [property: Id(0)] string Campaign,
    [property: Id(1)] string CampaignName,
    [property: Id(2)] string MarketId,
    [property: Id(3)] string Name,
    [property: Id(4)] int Traders,
    [property: Id(5)] long Entries);

/// <summary>
/// A municipality's figures (every measure counted per municipality, by code), the projects located there and the
/// campaign markets held there.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MunicipalityFigures(
    [property: Id(0)] string Nis,
    [property: Id(1)] string Name,
    [property: Id(2)] string Province,
    [property: Id(3)] long Position,
    [property: Id(4)] IReadOnlyDictionary<string, decimal> Measures,
    [property: Id(5)] IReadOnlyList<MunicipalityProject> Projects,
    [property: Id(6)] IReadOnlyList<MunicipalityMarket> Markets);
