using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>Fans the projector's updates out to every silo's observer; silos that stop refreshing expire.</summary>
public sealed class PushRegistryGrain(ILogger<PushRegistryGrain> logger) : Grain, IPushRegistryGrain
{
    public const string Key = "push";

    private readonly ObserverManager<IIndicatorsObserver> _observers = new(TimeSpan.FromMinutes(2), logger);

    public Task Register(IIndicatorsObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unregister(IIndicatorsObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(IndicatorsUpdate update)
    {
        _observers.Notify(o => o.Updated(update));
        return Task.CompletedTask;
    }

    public Task PublishCampaigns(CampaignFigures[] campaigns)
    {
        _observers.Notify(o => o.CampaignsUpdated(campaigns));
        return Task.CompletedTask;
    }
}
