using System.Security.Claims;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.Audit;

/// <summary>
/// A filter on the decision log (every part optional). <see cref="Aggregate"/> is a kind of stream
/// (<c>project</c>, <c>province</c>, <c>cluster</c>, <c>campaign</c>, <c>market</c>, <c>region</c>, <c>security</c>,
/// <c>audit-trail</c>); the date range (inclusive) applies to the recorded day (Brussels) or the effective date,
/// as <see cref="DateBasis"/> says (<c>recorded</c> or <c>effective</c>).
/// </summary>
public sealed record AuditFilter(
    string? Province = null,
    string? Domain = null,
    string? Aggregate = null,
    IReadOnlyList<string>? Types = null,
    string? Actor = null,
    string? DecisionRef = null,
    string? Source = null,
    string DateBasis = "recorded",
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>
/// One event of the decision log: who (actor and role), which body, when recorded, when in effect, the decision
/// reference, position and hash; <see cref="Corrects"/> is the event a correction or retraction names, with its
/// position when it is known.
/// </summary>
public sealed record AuditEntry(
    long Position,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    string Summary,
    string Actor,
    string? ActorName,
    string Role,
    string? Body,
    string? DecisionRef,
    string Source,
    DateTimeOffset RecordedAt,
    DateOnly EffectiveDate,
    string Hash,
    Guid? Corrects,
    long? CorrectsPosition);

/// <summary>A page of the decision log in global order (oldest first); <see cref="Next"/> continues it after that position.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next);

/// <summary>One step of a replay: the event and the aggregate's state (JSON) right after it.</summary>
public sealed record ReplayStepView(
    long Position,
    long StreamVersion,
    string EventType,
    DateOnly EffectiveDate,
    DateTimeOffset RecordedAt,
    string Actor,
    string Summary,
    bool Exists,
    string StateJson);

/// <summary>The chain head: a receipt an auditor can keep and verify against later.</summary>
public sealed record ChainReceipt(long Position, string Hash, DateTimeOffset? RecordedAt);

/// <summary>
/// The outcome of a verification: intact up to a position, or the first broken position and the kind of break
/// (<c>changed</c>, <c>missing</c>, <c>inserted</c>, <c>reordered</c>); <see cref="Message"/> says it in one line.
/// </summary>
public sealed record VerificationOutcome(bool Intact, long VerifiedUpTo, long? BreakPosition, string? Break, string Message, long Head);

/// <summary>A break of the hash chain the silo found and no administrator acknowledged: its position and what was found.</summary>
public sealed record ChainAlarm(long Position, string Detail);

/// <summary>A moment in the past: a date, on the effective basis (what was in effect that day) or the recorded basis (what the record held at the end of that day).</summary>
public sealed record HistoricalPoint(DateOnly Date, string Basis = "effective");

/// <summary>What the Audit page and the as-of pickers read. The silo implements it in-process.</summary>
public interface IAuditSource
{
    /// <summary>A page of the decision log after <paramref name="afterPosition"/>, oldest first; at most <paramref name="limit"/> (1–500).</summary>
    Task<AuditPage> LogAsync(AuditFilter filter, long afterPosition, int limit);

    /// <summary>Every event of one aggregate with the state after it; empty when the aggregate has no events. Kinds: <c>project</c>, <c>province</c>, <c>cluster</c>, <c>campaign</c>, <c>market</c> (key <c>{campaign}/{id}</c>), <c>flanders</c> (key <c>vlaanderen</c>).</summary>
    Task<IReadOnlyList<ReplayStepView>> ReplayAsync(string kind, string key);

    Task<ChainReceipt> HeadAsync();

    /// <summary>Verifies the whole chain (and, given a receipt, that the log up to it is unchanged), reporting the position reached; recorded in the audit trail as done by <paramref name="user"/>.</summary>
    Task<VerificationOutcome> VerifyAsync(ClaimsPrincipal user, ChainReceipt? receipt, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>The break of the chain this silo found and no administrator acknowledged; null when there is none.</summary>
    Task<ChainAlarm?> AlarmAsync();

    /// <summary>An administrator acknowledges the break at <paramref name="position"/> with a reason (recorded in the audit trail); false when the silo knows no such break.</summary>
    Task<bool> AcknowledgeBreakAsync(ClaimsPrincipal user, long position, string reason);

    /// <summary>The five provinces and Flanders as they were at <paramref name="point"/>.</summary>
    Task<IReadOnlyList<ScopeIndicators>> ComparisonAsOfAsync(HistoricalPoint point);

    /// <summary>One scope (<c>province:{slug}</c> or <c>flanders</c>) as it was at <paramref name="point"/>.</summary>
    Task<ScopeIndicators> ScopeAsOfAsync(string scope, HistoricalPoint point);
}
