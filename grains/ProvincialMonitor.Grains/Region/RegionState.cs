using ProvincialMonitor.Grains.Shared;

namespace ProvincialMonitor.Grains.Region;

/// <summary>Flanders as its events made it: the Flemish targets and measured values. It needs no registration.</summary>
[GenerateSerializer, Immutable]
public sealed record RegionState([property: Id(0)] IndicatorBook Indicators)
{
    public static readonly RegionState Empty = new(IndicatorBook.Empty);
}
