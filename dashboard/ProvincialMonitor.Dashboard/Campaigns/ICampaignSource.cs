using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.Campaigns;

/// <summary>
/// Where the campaign page reads its figures. The silo implements it in-process over its live feed and the
/// campaign projector grain.
/// </summary>
public interface ICampaignSource
{
    /// <summary>Every campaign, newest period first.</summary>
    Task<IReadOnlyList<CampaignListItem>> CampaignsAsync();

    /// <summary>One campaign's figures, or null when no campaign has this slug.</summary>
    Task<CampaignFigures?> CampaignAsync(string slug);

    /// <summary>Raised after each flush of the live feed with the new figures of a changed campaign; on any thread.</summary>
    event Action<CampaignFigures>? Changed;
}
