using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.EventLog;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>
/// A grant of a project: what was granted, by whom, and how much of it is paid (net of recoveries; Recovered apart); Closed:
/// its balance was paid. The beneficiary's name and company number are null once erased (or for a grant without one).
/// </summary>
public sealed record GrantLine(string GrantRef, string Funder, decimal Amount, decimal Paid, decimal Recovered = 0, bool Closed = false,
    string? Regulation = null, string? BeneficiaryName = null, string? CompanyNumber = null);

/// <summary>A reported output of a project for one period.</summary>
public sealed record OutputLine(string Metric, decimal Value, string Period);

/// <summary>A project as its events made it, with its newest events in stream order (the timeline; <see cref="Version"/> counts them all).</summary>
public sealed record ProjectDetails(
    string Id,
    string Title,
    string? ExternalRef,
    string LeadProvince,
    IReadOnlyList<string> ParticipatingProvinces,
    string Domain,
    IReadOnlyList<string> Clusters,
    IReadOnlyList<string> Partners,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    decimal? TotalBudget,
    string? CrossBorderProgramme,
    string Status,
    IReadOnlyList<GrantLine> Grants,
    IReadOnlyList<string> Milestones,
    IReadOnlyList<OutputLine> Outputs,
    long Version,
    IReadOnlyList<LogEntry> Timeline)
{
    public string StreamId => StreamIds.Project(Id);

    /// <summary>The project's own ERDF co-financing rate in percent, beside its programme's maximum; null: none recorded.</summary>
    public decimal? CoFinancingRate { get; init; }

    public decimal Granted => Grants.Sum(g => g.Amount);

    public decimal Paid => Grants.Sum(g => g.Paid);
}

/// <summary>A cluster in the cluster list: what it is, its members and the money attributed to it.</summary>
/// <param name="Funding">Cluster funding granted to the cluster itself, by every province.</param>
/// <param name="FundingByProvince">The same by granting province (slug).</param>
/// <param name="Granted">Subsidies granted to projects of the cluster (a project's money counts for each of its clusters).</param>
public sealed record ClusterSummary(
    string Slug,
    string Name,
    string Sector,
    string Kind,
    string? Province,
    int Members,
    decimal Funding,
    IReadOnlyDictionary<string, decimal> FundingByProvince,
    decimal Granted,
    decimal Paid,
    int Projects);

public sealed record ClusterMemberLine(string Name, string? Kind);

public sealed record ClusterFundingLine(string Province, decimal Amount, string Purpose);

/// <summary>One cluster: its figures, its current members and its fundings, as of a position of the log.</summary>
public sealed record ClusterDetails(
    ClusterSummary Summary,
    IReadOnlyList<ClusterMemberLine> Members,
    IReadOnlyList<ClusterFundingLine> Fundings,
    long Version);
