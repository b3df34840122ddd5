namespace ProvincialMonitor.Contracts.Events;

/// <summary>Kind: spearhead (one of the seven Flemish clusters, no province) or provincial (names its province).</summary>
public sealed record ClusterRegistered(string Slug, string Name, string Sector, string Kind, string? Province) : IDomainEvent;

/// <summary>MemberKind: company, knowledge-institution, government or other.</summary>
public sealed record ClusterMemberJoined(string Member, string? MemberKind) : IDomainEvent;

public sealed record ClusterMemberLeft(string Member, string? Reason) : IDomainEvent;

/// <summary>Purpose: project-work, structural-investment or branding. The decision travels in the event's envelope.</summary>
public sealed record ClusterFundingGranted(string Province, decimal Amount, string Purpose) : IDomainEvent;

public sealed record ClusterCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record ClusterRetracted(Guid RetractedEventId, string Reason) : IRetraction;

public static class ClusterKinds
{
    public const string Spearhead = "spearhead";
    public const string Provincial = "provincial";

    public static readonly string[] All = [Spearhead, Provincial];

    public static bool IsSpearheadSlug(string? slug) => SpearheadClusters.All.Any(c => c.Slug == slug);
}

public static class ClusterMemberKinds
{
    public static readonly string[] All = ["company", "knowledge-institution", "government", "other"];
}

public static class ClusterFundingPurposes
{
    public static readonly string[] All = ["project-work", "structural-investment", "branding"];
}
