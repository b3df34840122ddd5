using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Contracts.Live;

/// <summary>What a connection may ask of the indicators hub: each method's name is the name to invoke.</summary>
public interface IIndicatorsHub
{
    /// <summary>Joins a topic (<see cref="IndicatorsTopics"/>); an unknown topic is an error.</summary>
    Task Subscribe(string topic);

    Task Unsubscribe(string topic);

    Task<ComparisonSnapshot> GetComparison();

    Task<ScopeIndicators> GetProvince(string slug);

    Task<CampaignFigures> GetCampaign(string slug);

    /// <summary>The events after <paramref name="position"/> (at most 500), for a client that was away.</summary>
    Task<IReadOnlyList<EventSummary>> GetEventsSince(long position);
}
