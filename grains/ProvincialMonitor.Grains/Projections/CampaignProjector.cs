namespace ProvincialMonitor.Grains.Projections;

/// <summary>Folds the campaign and market events into the campaign figures (being built).</summary>
public sealed class CampaignProjector
{
    public const string Name = "campaigns";
}
