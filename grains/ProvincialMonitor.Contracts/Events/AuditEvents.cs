namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// Someone verified the chain (stream <c>audit-trail</c>): the range checked, the outcome, and the receipt or
/// anchors it was checked against. Audit records are the only events an auditor causes.
/// </summary>
public sealed record ChainVerified(
    long FromPosition,
    long? ToPosition,
    bool Intact,
    long VerifiedUpTo,
    long? BreakPosition,
    string? Break,
    long? ReceiptPosition,
    int AnchorsChecked) : IDomainEvent;

/// <summary>Someone exported part of the record (stream <c>audit-trail</c>): what, in which format, with which filters, and the chain head it was made at.</summary>
public sealed record RecordExported(
    string What,
    string Format,
    string Filters,
    int Rows,
    long HeadPosition,
    string HeadHash) : IDomainEvent;

/// <summary>
/// An administrator acknowledged a break of the hash chain the silo found (stream <c>audit-trail</c>), with a reason:
/// the dashboard's banner no longer shows that break; the health check and the metric stay broken.
/// </summary>
public sealed record ChainBreakAcknowledged(long BreakPosition, string Reason) : IDomainEvent;
