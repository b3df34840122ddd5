using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.BusinessParks;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The business parks on this silo: the projector's read model.</summary>
public sealed class BusinessParkSource(IGrainFactory grains) : IBusinessParkSource
{
    private IBusinessParkFiguresGrain Projector => grains.GetGrain<IBusinessParkFiguresGrain>(ReadModelProjector.Name);

    public Task<BusinessParkOverview> OverviewAsync() => Projector.BusinessParks();

    public Task<BusinessParkItem?> ParkAsync(string slug) => Projector.BusinessPark(slug);
}
