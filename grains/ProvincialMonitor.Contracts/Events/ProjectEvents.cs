namespace ProvincialMonitor.Contracts.Events;

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
    string? CrossBorderProgramme) : IDomainEvent;

/// <summary>Funder: province, pom, flanders or eu.</summary>
public sealed record SubsidyGranted(string GrantRef, decimal Amount, string Funder) : IDomainEvent;

public sealed record SubsidyPaid(string GrantRef, decimal Amount, string PaymentRef) : IDomainEvent;

public sealed record PartnerJoined(string Name, string? Kind) : IDomainEvent;

public sealed record MilestoneReached(string Milestone, string? Description) : IDomainEvent;

/// <summary>Metric: jobs-created, companies-supported, hectares-activated, learners-reached, tonnes-recycled, startups-supported.</summary>
public sealed record OutputReported(string Metric, decimal Value, string Period) : IDomainEvent;

/// <summary>Status: planned, running, completed or stopped; only forward.</summary>
public sealed record ProjectStatusChanged(string Status) : IDomainEvent;

public sealed record ProjectCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record ProjectRetracted(Guid RetractedEventId, string Reason) : IRetraction;

public static class Funders
{
    public static readonly string[] All = ["province", "pom", "flanders", "eu"];
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
