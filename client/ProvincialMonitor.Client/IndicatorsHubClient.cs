using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Client;

/// <summary>
/// The indicators hub (<c>/hubs/indicators</c>), typed: each message of <see cref="IIndicatorsClient"/> raises its event;
/// <see cref="SubscribeAsync"/> joins a topic (<see cref="IndicatorsTopics"/>), and after a reconnect the topics are joined again
/// (ask <see cref="GetEventsSinceAsync"/> for what was missed).
/// </summary>
public sealed class IndicatorsHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IndicatorsHubClient(Uri baseAddress, string? apiKey = null, Action<HttpConnectionOptions>? configure = null)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, IndicatorsTopics.HubPath), o =>
            {
                if (apiKey is not null) o.Headers["X-Api-Key"] = apiKey;
                configure?.Invoke(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolver = ClientJson.Resolver)
            .WithAutomaticReconnect()
            .Build();
        _connection.On<ComparisonSnapshot>(nameof(IIndicatorsClient.ComparisonChanged), c => ComparisonChanged?.Invoke(c));
        _connection.On<ScopeIndicators>(nameof(IIndicatorsClient.ProvinceChanged), s => ProvinceChanged?.Invoke(s));
        _connection.On<EventSummary>(nameof(IIndicatorsClient.EventRecorded), e => EventRecorded?.Invoke(e));
        _connection.On<CampaignFigures>(nameof(IIndicatorsClient.CampaignChanged), c => CampaignChanged?.Invoke(c));
        _connection.Reconnected += async _ =>
        {
            string[] topics;
            lock (_gate) topics = [.. _topics];
            foreach (var topic in topics) await _connection.InvokeAsync(nameof(IIndicatorsHub.Subscribe), topic);
            Reconnected?.Invoke();
        };
    }

    public event Action<ComparisonSnapshot>? ComparisonChanged;

    public event Action<ScopeIndicators>? ProvinceChanged;

    public event Action<EventSummary>? EventRecorded;

    public event Action<CampaignFigures>? CampaignChanged;

    /// <summary>Raised after a reconnect, once the topics are joined again.</summary>
    public event Action? Reconnected;

    public HubConnectionState State => _connection.State;

    public Task StartAsync(CancellationToken cancellationToken = default) => _connection.StartAsync(cancellationToken);

    public async Task SubscribeAsync(string topic, CancellationToken cancellationToken = default)
    {
        await _connection.InvokeAsync(nameof(IIndicatorsHub.Subscribe), topic, cancellationToken);
        lock (_gate) _topics.Add(topic);
    }

    public async Task UnsubscribeAsync(string topic, CancellationToken cancellationToken = default)
    {
        await _connection.InvokeAsync(nameof(IIndicatorsHub.Unsubscribe), topic, cancellationToken);
        lock (_gate) _topics.Remove(topic);
    }

    public Task<ComparisonSnapshot> GetComparisonAsync(CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<ComparisonSnapshot>(nameof(IIndicatorsHub.GetComparison), cancellationToken);

    public Task<ScopeIndicators> GetProvinceAsync(string slug, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<ScopeIndicators>(nameof(IIndicatorsHub.GetProvince), slug, cancellationToken);

    public Task<CampaignFigures> GetCampaignAsync(string slug, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<CampaignFigures>(nameof(IIndicatorsHub.GetCampaign), slug, cancellationToken);

    /// <summary>The events after <paramref name="position"/> (at most 500).</summary>
    public Task<IReadOnlyList<EventSummary>> GetEventsSinceAsync(long position, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<IReadOnlyList<EventSummary>>(nameof(IIndicatorsHub.GetEventsSince), position, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
