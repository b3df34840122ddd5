using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Campaigns;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The campaign page's source on this silo: the live feed for updates, the campaign projector for reads.</summary>
public sealed class CampaignSource(LiveFeed feed, IGrainFactory grains) : ICampaignSource
{
    private ICampaignFiguresGrain Projector => grains.GetGrain<ICampaignFiguresGrain>(ReadModelProjector.Name);

    public event Action<CampaignFigures>? Changed
    {
        add => feed.CampaignChanged += value;
        remove => feed.CampaignChanged -= value;
    }

    public async Task<IReadOnlyList<CampaignListItem>> CampaignsAsync() => await Projector.Campaigns();

    public Task<CampaignFigures?> CampaignAsync(string slug) => Projector.Campaign(slug);
}
