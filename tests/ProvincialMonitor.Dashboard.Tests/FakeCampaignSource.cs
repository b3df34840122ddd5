using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Campaigns;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>A campaign source whose campaigns the test sets and whose updates the test raises, as the live feed would.</summary>
internal sealed class FakeCampaignSource : ICampaignSource
{
    public Dictionary<string, CampaignFigures> Campaigns { get; } = new(StringComparer.Ordinal);

    public List<CampaignListItem> List { get; } = [];

    public Exception? Failure { get; set; }

    public List<string> Reads { get; } = [];

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public event Action<CampaignFigures>? Changed;

    public void Raise(CampaignFigures figures) => Changed?.Invoke(figures);

    public Task<IReadOnlyList<CampaignListItem>> CampaignsAsync() =>
        Failure is null ? Task.FromResult<IReadOnlyList<CampaignListItem>>(List) : Task.FromException<IReadOnlyList<CampaignListItem>>(Failure);

    public Task<CampaignFigures?> CampaignAsync(string slug)
    {
        Reads.Add(slug);
        return Failure is null ? Task.FromResult(Campaigns.GetValueOrDefault(slug)) : Task.FromException<CampaignFigures?>(Failure);
    }
}
