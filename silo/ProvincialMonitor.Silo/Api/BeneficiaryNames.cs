using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// Grants' beneficiaries by name, read from outside the hash chain when a project is shown or exported; the admin's
/// erase action forgets a name and company number (a sole trader's personal data) while the events keep the id.
/// </summary>
public static class BeneficiaryNames
{
    /// <summary>The project with each grant's beneficiary name and company number (written form); none once erased.</summary>
    public static async Task<ProjectView> WithNamesAsync(ProjectView project, BeneficiaryStore store, CancellationToken cancellationToken = default)
    {
        if (!project.Grants.Values.Any(g => g.BeneficiaryId is not null)) return project;
        var grants = new Dictionary<string, GrantView>(StringComparer.Ordinal);
        foreach (var (grantRef, grant) in project.Grants)
        {
            var name = grant.BeneficiaryId is { } id ? await store.FindAsync(id, cancellationToken) : null;
            grants[grantRef] = grant with
            {
                BeneficiaryName = name?.Name,
                CompanyNumber = name?.CompanyNumber is { } number ? CompanyNumbers.Written(number) : null,
            };
        }
        return project with { Grants = grants };
    }

    /// <summary>The view of a state read (<see cref="StreamsApi.StateAsync"/>) with names, for a project; any other view as it is.</summary>
    public static async Task<object> CompleteAsync(object view, BeneficiaryStore store, CancellationToken cancellationToken = default) =>
        view is ProjectView project ? await WithNamesAsync(project, store, cancellationToken) : view;

    /// <summary>
    /// <c>POST /api/admin/beneficiaries/{id}/erase-name</c>: 204; 404 for an id the table does not hold; the refusal of
    /// <see cref="EraseBeneficiaryName"/> otherwise (409 once erased). The erasure is on record in the security stream
    /// (<see cref="BeneficiaryNameErased"/>), with the admin as its actor.
    /// </summary>
    public static async Task<IResult> EraseAsync(HttpContext http, string id, Hosting.EventStoreConnector store, CommandDispatcher dispatcher)
    {
        if (await store.Beneficiaries.FindAsync(id) is null)
            return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"Beneficiary {id} is not known.");
        var request = new CommandRequest(Principals.Of(http), Sources.Api);
        var refusal = (await dispatcher.SendAsync<ISecurityGrain, SecurityCommand>(SecurityIds.Key, new EraseBeneficiaryName(id), request)).Refusal;
        // The event first, then the row: a retry after a failed update is refused as erased already and still erases the row.
        if (refusal is null || refusal.Code == Refusals.BeneficiaryNameErased.Code) await store.Beneficiaries.EraseAsync(id);
        return refusal is null ? Results.NoContent() : Problems.From(refusal);
    }
}
