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

    // A beneficiary row this command made (removed again when the grant is refused). One command at a time: no reentrancy.
    private string? _beneficiaryMade;

    /// <summary>A new grant's beneficiary, given by name and company number, gets its pseudonymous id from the name table (made once per number).</summary>
    protected override async Task<ProjectCommand> CompleteAsync(ProjectCommand command)
    {
        _beneficiaryMade = null;
        if (command is not GrantSubsidy { GrantRef: { } grantRef, BeneficiaryName: { Length: > 0 } name } grant
            || CompanyNumbers.Normalize(grant.CompanyNumber) is not { } number
            || !State.Registered || State.Grants.ContainsKey(grantRef))
            return command;
        var (id, made) = await Store.Beneficiaries.ResolveAsync(number, name, Beneficiaries.NewId);
        if (made) _beneficiaryMade = id;
        return grant with { BeneficiaryId = id };
    }

    protected override async Task<Refusal?> BeforeDecideAsync(ProjectCommand command, History<ProjectState> history)
    {
        // A beneficiary named by its id alone must be known, its name kept.
        if (command is GrantSubsidy { BeneficiaryId: { } beneficiary, CompanyNumber: null, GrantRef: var grantRef } && !history.State.Grants.ContainsKey(grantRef ?? "")
            && await Store.Beneficiaries.FindAsync(beneficiary) is not { Name: not null })
            return Refusal.Of(Refusals.GrantBeneficiaryUnknown, ("beneficiaryId", beneficiary));
        if (command is not RegisterProject { ExternalRef: { Length: > 0 } externalRef, LeadProvince: { } lead } || history.State.Registered)
            return null;
        var owner = await GrainFactory.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(lead, externalRef.Trim())).Claim(Key);
        return owner is null ? null : Refusal.Of(Refusals.ProjectExternalRefTaken, ("lead", lead), ("externalRef", externalRef), ("owner", owner));
    }

    // Only a claim this command made is released: once the project is registered the reference is its own,
    // and a refused second registration must not free it for another project.
    protected override Task AfterRefusalAsync(ProjectCommand command)
    {
        if (_beneficiaryMade is { } made)
        {
            _beneficiaryMade = null;
            return Store.Beneficiaries.RemoveAsync(made);
        }
        return command is RegisterProject { ExternalRef: { Length: > 0 } externalRef, LeadProvince: { } lead } && !State.Registered
            ? GrainFactory.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(lead, externalRef.Trim())).Release(Key)
            : Task.CompletedTask;
    }
}
