using System.Text.Json.Nodes;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// CrossBorderProgramme: a code of crossborder-programmes.csv; before that list, free text, read as written and shown as not
/// from the list. CoFinancingRate: the project's own ERDF co-financing rate in percent, at most the programme's maximum;
/// null: none recorded (every event before the list).
/// </summary>
public sealed record ProjectRegistered(
    string ProjectId,
    string Title,
    string? ExternalRef,
    string LeadProvince,
    string[] ParticipatingProvinces,
    string Domain,
    string[] Clusters,
    string[] Partners,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    decimal? TotalBudget,
    string? CrossBorderProgramme,
    decimal? CoFinancingRate = null) : IDomainEvent;

/// <summary>
/// Funder: province, pom, flanders or eu. GrantingProvince: the province whose money it is, for a grant of the province
/// or the pom (<see cref="Funders.NamesAProvince"/>); null for the Flemish government and the EU. Version 2: version 1
/// did not name the province; such a grant is read with GrantingProvince null, and a grant of the province or the pom
/// without one counts for the project's lead province. Regulation and BeneficiaryId (a pseudonymous <c>ben_…</c> id; the
/// name and company number are kept outside the hash chain) are optional members: a grant stored before them has neither.
/// </summary>
[EventVersion(2)]
public sealed record SubsidyGranted(string GrantRef, decimal Amount, string Funder, string? GrantingProvince, string? Regulation = null, string? BeneficiaryId = null) : IDomainEvent
{
    /// <summary><c>SubsidyGranted.v1</c> → v2: the granting province was not named (null: the lead province's, by rule).</summary>
    public static JsonObject FromV1(JsonObject v1)
    {
        v1.TryAdd("grantingProvince", null);
        return v1;
    }
}

/// <summary>Kind: advance or balance (<see cref="PaymentKinds"/>); a payment stored without one is an advance.</summary>
public sealed record SubsidyPaid(string GrantRef, decimal Amount, string PaymentRef, string? Kind = null) : IDomainEvent;

/// <summary>CooperationBody: the code of a cooperation body from cooperation-bodies.csv (kind <c>cooperation-body</c>); null for any other partner.</summary>
public sealed record PartnerJoined(string Name, string? Kind, string? CooperationBody = null) : IDomainEvent;

/// <summary>Partner kinds with a rule: a cooperation body (Euregio, EGTS) is one of the list; any other kind is free text.</summary>
public static class PartnerKinds
{
    public const string CooperationBody = "cooperation-body";
}

public sealed record MilestoneReached(string Milestone, string? Description) : IDomainEvent;

/// <summary>Metric: jobs-created, companies-supported, hectares-activated, learners-reached, tonnes-recycled, startups-supported.</summary>
public sealed record OutputReported(string Metric, decimal Value, string Period) : IDomainEvent;

/// <summary>Status: planned, running, completed or stopped; only forward.</summary>
public sealed record ProjectStatusChanged(string Status) : IDomainEvent;

/// <summary>The municipalities the project takes place in from now on (NIS codes on the 2025 boundaries, each once, in order).</summary>
public sealed record ProjectLocated(string[] Municipalities) : IDomainEvent;

public sealed record ProjectCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record ProjectRetracted(Guid RetractedEventId, string Reason) : IRetraction;

public static class Funders
{
    public static readonly string[] All = ["province", "pom", "flanders", "eu"];

    /// <summary>A grant of the province or of its pom is a province's money: it names the granting province.</summary>
    public static bool NamesAProvince(string? funder) => funder is "province" or "pom";
}

public static class OutputMetrics
{
    public static readonly string[] All = ["jobs-created", "companies-supported", "hectares-activated", "learners-reached", "tonnes-recycled", "startups-supported"];
}

public static class ProjectStatuses
{
    public const string Planned = "planned";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Stopped = "stopped";

    public static readonly string[] All = [Planned, Running, Completed, Stopped];

    /// <summary>Planned → running → completed | stopped; a status only moves forward.</summary>
    public static int Rank(string status) => status switch
    {
        Planned => 0,
        Running => 1,
        _ => 2,
    };
}
