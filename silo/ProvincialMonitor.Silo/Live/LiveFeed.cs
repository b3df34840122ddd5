using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using ProvincialMonitor.Silo.Observability;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Silo.Live;

/// <summary>
/// This silo's end of the push: an Orleans observer registered with the push registry (and registered again
/// every 5 seconds), which gathers updates and flushes them about every 50 ms to the SignalR hub's groups,
/// keeping only the newest value per scope, and to the Blazor circuits of this silo.
/// </summary>
public sealed class LiveFeed(IGrainFactory grains, IHubContext<IndicatorsHub, IIndicatorsClient> hub, MonitorClock clock, ILogger<LiveFeed> logger)
    : BackgroundService, IIndicatorsObserver
{
    private static readonly TimeSpan Flush = TimeSpan.FromMilliseconds(50);
    // The registry lives in one silo's memory: when that silo dies, a new activation elsewhere knows no
    // observer until each silo registers again, so the dashboards would miss pushes until then.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, ScopeIndicators> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScopeIndicators> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EventSummary> _events = new();
    private readonly ConcurrentDictionary<string, CampaignFigures> _campaigns = new(StringComparer.Ordinal);
    private long _position;
    // UTC ticks of the commit of the newest event waiting for a flush (0: none), for the push latency.
    private long _newestCommitTicks;

    /// <summary>For Blazor circuits on this silo: raised after each flush with what changed.</summary>
    public event Action<IndicatorsUpdate>? Changed;

    /// <summary>For Blazor circuits on this silo: raised after each flush with each changed campaign.</summary>
    public event Action<CampaignFigures>? CampaignChanged;

    public void Updated(IndicatorsUpdate update)
    {
        foreach (var scope in update.Scopes)
        {
            _latest[scope.Scope] = scope;
            _pending[scope.Scope] = scope;
        }
        foreach (var e in update.Events)
        {
            _events.Enqueue(e);
            var ticks = e.RecordedAt.UtcTicks;
            var seen = Interlocked.Read(ref _newestCommitTicks);
            while (ticks > seen)
            {
                var found = Interlocked.CompareExchange(ref _newestCommitTicks, ticks, seen);
                if (found == seen) break;
                seen = found;
            }
        }
        Interlocked.Exchange(ref _position, Math.Max(Interlocked.Read(ref _position), update.Position));
    }

    public void CampaignsUpdated(CampaignFigures[] campaigns)
    {
        foreach (var campaign in campaigns)
            _campaigns.AddOrUpdate(campaign.Slug, campaign, (_, old) => old.Position > campaign.Position ? old : campaign);
    }

    /// <summary>The newest figures of every scope, from the projector when this silo has not seen them yet.</summary>
    public async Task<ComparisonSnapshot> ComparisonAsync()
    {
        var projector = grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name);
        var scopes = await Task.WhenAll(IndicatorsModel.Scopes.Select(projector.Scope));
        return new ComparisonSnapshot(scopes.Max(s => s.Position), scopes);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IIndicatorsObserver>(this);
        var registry = grains.GetGrain<IPushRegistryGrain>(PushRegistryGrain.Key);
        long? registeredAt = null;
        using var timer = new PeriodicTimer(Flush);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (registeredAt is not { } at || clock.Time.GetElapsedTime(at) > Refresh)
                {
                    try
                    {
                        await registry.Register(reference);
                        registeredAt = clock.Time.GetTimestamp();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Could not register with the push registry; trying again");
                    }
                }
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            try { await registry.Unregister(reference); }
            catch (Exception ex) when (ex is not OutOfMemoryException) { logger.LogDebug(ex, "Unregistering from the push registry failed"); }
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var slug in _campaigns.Keys.ToList())
        {
            if (!_campaigns.TryRemove(slug, out var campaign)) continue;
            await hub.Clients.Group(IndicatorsHub.CampaignTopic(slug)).CampaignChanged(campaign);
            CampaignChanged?.Invoke(campaign);
        }
        if (_pending.IsEmpty && _events.IsEmpty) return;
        var scopes = _pending.Keys.ToList().Select(k => _pending.TryRemove(k, out var v) ? v : null).OfType<ScopeIndicators>().ToList();
        var events = new List<EventSummary>();
        while (_events.TryDequeue(out var e)) events.Add(e);
        var position = Interlocked.Read(ref _position);
        var newestCommit = Interlocked.Exchange(ref _newestCommitTicks, 0);

        foreach (var scope in scopes)
            await hub.Clients.Group(scope.Scope).ProvinceChanged(scope);
        if (scopes.Count > 0)
        {
            var all = IndicatorsModel.Scopes.Select(s => _latest.GetValueOrDefault(s)).OfType<ScopeIndicators>().ToList();
            await hub.Clients.Group(IndicatorsHub.ComparisonTopic).ComparisonChanged(new ComparisonSnapshot(position, all));
        }
        foreach (var e in events)
            await hub.Clients.Group(IndicatorsHub.EventsTopic).EventRecorded(e);
        Changed?.Invoke(new IndicatorsUpdate(position, scopes, events));
        if (newestCommit > 0)
            HostTelemetry.PushLatency.Record(
                Math.Max(0, (clock.Now.UtcTicks - newestCommit) / (double)TimeSpan.TicksPerMillisecond));
    }
}
