using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Campaigns;

public sealed class CampaignGrain(
    IEventStore store,
    [PersistentState("snapshot-campaign", GrainStorage.Snapshots)] IPersistentState<History<CampaignState>> snapshot,
    ILogger<CampaignGrain> logger)
    : AggregateGrain<CampaignState, CampaignCommand, CampaignDecider>(store, snapshot, logger), ICampaignGrain
{
    protected override object ViewOf(CampaignState state) => AggregateViews.Campaign(state);
}
