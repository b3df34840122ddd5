using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Live;

/// <summary>
/// What the indicators hub (<c>/hubs/indicators</c>) sends to a connection: each method's name is the message's name on
/// the wire, its argument the message. The server's hub is typed on it; ProvincialMonitor.Client listens by it.
/// </summary>
public interface IIndicatorsClient
{
    /// <summary>To topic <c>comparison</c>: the newest figures of every scope.</summary>
    Task ComparisonChanged(ComparisonSnapshot comparison);

    /// <summary>To topic <c>province:{slug}</c> or <c>flanders</c>: that scope's new figures.</summary>
    Task ProvinceChanged(ScopeIndicators scope);

    /// <summary>To topic <c>events</c>: one new event.</summary>
    Task EventRecorded(EventSummary recorded);

    /// <summary>To topic <c>campaign:{slug}</c>: the campaign's new figures.</summary>
    Task CampaignChanged(CampaignFigures campaign);
}

/// <summary>The whole comparison: the newest figures of the five provinces and Flanders.</summary>
public sealed record ComparisonSnapshot(long Position, IReadOnlyList<ScopeIndicators> Scopes);

/// <summary>The hub's address and the topics a connection subscribes to.</summary>
public static class IndicatorsTopics
{
    public const string HubPath = "/hubs/indicators";
    public const string Comparison = "comparison";
    public const string Events = "events";
    public const string Flanders = "flanders";

    public static string Province(string slug) => $"province:{slug}";

    public static string Campaign(string slug) => $"campaign:{slug}";
}
