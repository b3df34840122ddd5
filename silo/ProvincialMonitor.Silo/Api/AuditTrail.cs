using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The stream <c>audit-trail</c> as the host uses it: the records go through its grain (<see cref="IAuditTrailGrain"/>),
/// which appends them; the acknowledged breaks are read from the stream through <see cref="AuditLog"/>.
/// </summary>
public sealed class AuditTrail(AuditLog log, IGrainFactory grains)
{
    public const string StreamId = StreamIds.AuditTrail;

    private IAuditTrailGrain Grain => grains.GetGrain<IAuditTrailGrain>(AuditTrailGrain.Key);

    /// <summary>Records a verification; returns the position of the record.</summary>
    public Task<long> VerifiedAsync(Actor actor, long from, long? to, VerificationResult result, long? receiptPosition, int anchors) =>
        Grain.Verified(actor, from, to, result.Intact, result.VerifiedUpTo, result.BreakPosition, result.Break?.ToString().ToLowerInvariant(),
            receiptPosition, anchors);

    /// <summary>Records an administrator's acknowledgement of a break; returns the position of the record.</summary>
    public Task<long> AcknowledgedAsync(Actor actor, long breakPosition, string reason) => Grain.Acknowledged(actor, breakPosition, reason);

    /// <summary>The breaks an administrator acknowledged, as the trail records them (read at start, so that a restart keeps them hidden).</summary>
    public async Task<IReadOnlyList<long>> AcknowledgedBreaksAsync(CancellationToken cancellationToken = default) =>
        [.. (await log.StreamAsync(StreamId, cancellationToken))
            .Select(e => EventJson.Deserialize(e.EventType, e.Data))
            .OfType<ChainBreakAcknowledged>()
            .Select(a => a.BreakPosition)];

    /// <summary>Records an export; returns the position of the record.</summary>
    public Task<long> ExportedAsync(Actor actor, string what, string format, string filters, int rows, ChainHead head) =>
        Grain.Exported(actor, what, format, filters, rows, head.Position, head.Hash);
}
