using System.Collections.Immutable;

namespace ProvincialMonitor.Grains.Projects;

/// <summary>
/// GrantingProvince: whose money a grant of the province or the pom is (an old grant that names none: the lead's); null for
/// the others. Paid: every payment, gross; Recovered: what was taken back, so that Net is what the beneficiary keeps.
/// BalanceRef: the payment of the balance, which closed the grant; PaidAfterBalance: a payment followed it (a correction's state).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Grant(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Funder,
    [property: Id(2)] decimal Paid,
    [property: Id(3)] string? GrantingProvince,
    [property: Id(4)] decimal Recovered = 0,
    [property: Id(5)] string? BalanceRef = null,
    [property: Id(6)] bool PaidAfterBalance = false,
    [property: Id(7)] string? Regulation = null,
    [property: Id(8)] string? BeneficiaryId = null)
{
    public decimal Net => Paid - Recovered;
}

[GenerateSerializer, Immutable]
public sealed record Output(
    [property: Id(0)] string Metric,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Period);

/// <summary>A project as its events made it.</summary>
[GenerateSerializer, Immutable]
public sealed record ProjectState(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string Title,
    [property: Id(3)] string? ExternalRef,
    [property: Id(4)] string LeadProvince,
    [property: Id(5)] string[] ParticipatingProvinces,
    [property: Id(6)] string Domain,
    [property: Id(7)] string[] Clusters,
    [property: Id(8)] ImmutableList<string> Partners,
    [property: Id(9)] DateOnly? PlannedStart,
    [property: Id(10)] DateOnly? PlannedEnd,
    [property: Id(11)] decimal? TotalBudget,
    [property: Id(12)] string? CrossBorderProgramme,
    [property: Id(13)] string Status,
    [property: Id(14)] ImmutableDictionary<string, Grant> Grants,
    [property: Id(15)] ImmutableList<string> Milestones,
    [property: Id(16)] ImmutableList<Output> Outputs,
    [property: Id(17)] string[] Municipalities)
{
    /// <summary>The project's own ERDF co-financing rate in percent, beside its programme's maximum; null: none recorded.</summary>
    [Id(40)] public decimal? CoFinancingRate { get; init; }

    public static ProjectState Unregistered(string projectId) => new(
        projectId, false, "", null, "", [], "", [], [], null, null, null, null, "",
        ImmutableDictionary<string, Grant>.Empty, [], [], []);

    /// <summary>The lead province first, then the participants: every province the project counts in.</summary>
    public string[] Provinces => [LeadProvince, .. ParticipatingProvinces.Where(p => p != LeadProvince)];
}
