using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.BusinessParks;

/// <summary>Where the business park pages read: the overview with its figures, and one park.</summary>
public interface IBusinessParkSource
{
    Task<BusinessParkOverview> OverviewAsync();

    /// <summary>One park with its dated plots and figures; null when not registered.</summary>
    Task<BusinessParkItem?> ParkAsync(string slug);
}
