using Microsoft.AspNetCore.SignalR;
using ProvincialMonitor.Silo.Observability;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>
/// <c>/hubs/indicators</c>: join a topic with <c>Subscribe</c> (<c>comparison</c>, <c>province:{slug}</c>,
/// <c>flanders</c>, <c>events</c>, <c>campaign:{slug}</c>) and receive <c>ComparisonChanged</c>,
/// <c>ProvinceChanged</c>, <c>EventRecorded</c> and <c>CampaignChanged</c>, each with the position it reflects. After a reconnect, subscribe again and ask
/// <c>GetEventsSince</c> for what was missed (docs/http-api.md "The hub").
/// </summary>
public sealed class IndicatorsHub(IGrainFactory grains, Api.AuditLog log, LiveFeed feed) : Hub<IIndicatorsClient>, IIndicatorsHub
{
    public const string ComparisonTopic = IndicatorsTopics.Comparison;
    public const string EventsTopic = IndicatorsTopics.Events;

    public static string CampaignTopic(string slug) => IndicatorsTopics.Campaign(slug);

    public override Task OnConnectedAsync()
    {
        HostTelemetry.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        HostTelemetry.HubConnections.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Subscribe(string topic) => Groups.AddToGroupAsync(Context.ConnectionId, Checked(topic));

    public Task Unsubscribe(string topic) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Checked(topic));

    public Task<ComparisonSnapshot> GetComparison() => feed.ComparisonAsync();

    public Task<ScopeIndicators> GetProvince(string slug) =>
        ProvinceSlugs.IsKnown(slug)
            ? grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name).Scope(Contributions.Province(slug))
            : throw new HubException($"There is no province '{slug}'.");

    /// <summary>The campaign's figures; a campaign that was not launched is an error.</summary>
    public async Task<CampaignFigures> GetCampaign(string slug) =>
        await grains.GetGrain<ICampaignFiguresGrain>(ReadModelProjector.Name).Campaign(slug)
        ?? throw new HubException($"There is no campaign '{slug}'.");

    /// <summary>The events after <paramref name="position"/> (at most 500), for a client that was away.</summary>
    public async Task<IReadOnlyList<EventSummary>> GetEventsSince(long position)
    {
        var page = await log.QueryAsync(new LogQuery { AfterPosition = Math.Max(0, position), Limit = 500 });
        return page.Events.Select(EventSummaries.Of).ToArray();
    }

    private static string Checked(string topic) =>
        topic is ComparisonTopic or EventsTopic or IndicatorsTopics.Flanders
        || (topic.StartsWith("province:", StringComparison.Ordinal) && ProvinceSlugs.IsKnown(topic["province:".Length..]))
        || (topic.StartsWith("campaign:", StringComparison.Ordinal) && IsSlug(topic["campaign:".Length..]))
            ? topic
            : throw new HubException($"Unknown topic '{topic}': use comparison, events, flanders, province:{{slug}} or campaign:{{slug}}.");

    private static bool IsSlug(string value) =>
        value.Length is > 0 and <= 60 && value.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
