namespace ProvincialMonitor.Contracts.Events;

/// <summary>A border consultation (grensoverschrijdend streekoverleg) held on the event's effective date.</summary>
public sealed record BorderConsultationHeld(string ConsultationRef, string Subject, string[] Partners) : IDomainEvent;

/// <summary>A border obstacle put on the GROS list (status <c>recorded</c>); Theme: one of <see cref="BorderObstacleThemes"/> or null.</summary>
public sealed record BorderObstacleRecorded(string ObstacleRef, string Title, string? Description, string? Theme) : IDomainEvent;

/// <summary>An open obstacle's new status (<see cref="BorderObstacleStatuses.Open"/>), with a note.</summary>
public sealed record BorderObstacleStatusChanged(string ObstacleRef, string Status, string? Note) : IDomainEvent;

/// <summary>An obstacle solved: how; its last event.</summary>
public sealed record BorderObstacleSolved(string ObstacleRef, string Solution) : IDomainEvent;

public sealed record BorderCorrected(Guid CorrectedEventId, FieldCorrection[] Changes, string Reason) : ICorrection;

public sealed record BorderRetracted(Guid RetractedEventId, string Reason) : IRetraction;

/// <summary>An obstacle's statuses: recorded, then any open status in any order, then solved (final).</summary>
public static class BorderObstacleStatuses
{
    public const string Recorded = "recorded";
    public const string InProgress = "in-progress";
    public const string Escalated = "escalated";
    public const string OnHold = "on-hold";
    public const string Solved = "solved";

    /// <summary>The statuses a change may set (recorded is the first, solving is its own event).</summary>
    public static readonly string[] Open = [InProgress, Escalated, OnHold];

    public static readonly string[] All = [Recorded, .. Open, Solved];
}

/// <summary>What an obstacle is about.</summary>
public static class BorderObstacleThemes
{
    public static readonly string[] All = ["labour", "tax-social-security", "mobility", "spatial-planning", "health", "education", "business", "other"];
}
