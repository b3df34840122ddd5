using System.Collections.Immutable;

namespace ProvincialMonitor.Grains.BusinessParks;

[GenerateSerializer, Immutable]
public sealed record Plot(
    [property: Id(0)] string Buyer,
    [property: Id(1)] decimal Hectares,
    [property: Id(2)] string Sector);

/// <summary>A business park as its events made it; <see cref="Vacant"/> and <see cref="Reserve"/> are the newest measurement's.</summary>
[GenerateSerializer, Immutable]
public sealed record BusinessParkState(
    [property: Id(0)] string Slug,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string Name,
    [property: Id(3)] string Municipality,
    [property: Id(4)] string Province,
    [property: Id(5)] decimal GrossHectares,
    [property: Id(6)] decimal NetHectares,
    [property: Id(7)] string Kind,
    [property: Id(8)] string ManagingBody,
    [property: Id(9)] string Phase,
    [property: Id(10)] ImmutableList<Plot> Plots,
    [property: Id(11)] decimal? Vacant,
    [property: Id(12)] decimal? Reserve)
{
    public decimal Issued => Plots.Sum(p => p.Hectares);

    public static BusinessParkState Unregistered(string slug) => new(slug, false, "", "", "", 0, 0, "", "", "", [], null, null);
}
