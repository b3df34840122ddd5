using Orleans.Concurrency;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Grains;

/// <summary>The business park figures of the read model projector (key <c>indicators</c>), live on today in Brussels.</summary>
public interface IBusinessParkFiguresGrain : IGrainWithStringKey
{
    /// <summary>Vlaanderen's and each province's figures, and every park with its own.</summary>
    [AlwaysInterleave]
    Task<BusinessParkOverview> BusinessParks();

    /// <summary>One park with its dated plots and figures; null when not registered.</summary>
    [AlwaysInterleave]
    Task<BusinessParkItem?> BusinessPark(string slug);

    /// <summary>A park figure of a scope explained by its parks; null for a measure that is not a park figure.</summary>
    [AlwaysInterleave]
    Task<ParkFigureExplanation?> ExplainBusinessParks(string scope, string measure);
}
