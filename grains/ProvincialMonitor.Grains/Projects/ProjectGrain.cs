using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projects;

public sealed class ProjectGrain(
    IEventStore store,
    [PersistentState("snapshot-project", GrainStorage.Snapshots)] IPersistentState<History<ProjectState>> snapshot,
    ILogger<ProjectGrain> logger)
    : AggregateGrain<ProjectState, ProjectCommand, ProjectDecider>(store, snapshot, logger), IProjectGrain
{
    protected override object ViewOf(ProjectState state) => AggregateViews.Project(state);

    protected override async Task<Refusal?> BeforeDecideAsync(ProjectCommand command, History<ProjectState> history)
    {
        if (command is not RegisterProject { ExternalRef: { Length: > 0 } externalRef, LeadProvince: { } lead } || history.State.Registered)
            return null;
        var owner = await GrainFactory.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(lead, externalRef.Trim())).Claim(Key);
        return owner is null ? null : Refusal.Of(Refusals.ProjectExternalRefTaken, ("lead", lead), ("externalRef", externalRef), ("owner", owner));
    }

    // Only a claim this command made is released: once the project is registered the reference is its own,
    // and a refused second registration must not free it for another project.
    protected override Task AfterRefusalAsync(ProjectCommand command) =>
        command is RegisterProject { ExternalRef: { Length: > 0 } externalRef, LeadProvince: { } lead } && !State.Registered
            ? GrainFactory.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(lead, externalRef.Trim())).Release(Key)
            : Task.CompletedTask;
}
