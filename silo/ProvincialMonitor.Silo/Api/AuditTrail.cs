using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The stream <c>audit-trail</c>: every verification, export and acknowledged chain break, with who did it and when. It is not a policy
/// aggregate (nothing decides on it), so the record is appended directly; it joins the hash chain like any event.
/// </summary>
public sealed class AuditTrail(IEventStore store, MonitorClock clock)
{
    public const string StreamId = StreamIds.AuditTrail;

    /// <summary>Records a verification; returns the position of the record.</summary>
    public Task<long> VerifiedAsync(Actor actor, long from, long? to, VerificationResult result, long? receiptPosition, int anchors) =>
        AppendAsync(actor, new ChainVerified(from, to, result.Intact, result.VerifiedUpTo, result.BreakPosition,
            result.Break?.ToString().ToLowerInvariant(), receiptPosition, anchors));

    /// <summary>Records an administrator's acknowledgement of a break; returns the position of the record.</summary>
    public Task<long> AcknowledgedAsync(Actor actor, long breakPosition, string reason) =>
        AppendAsync(actor, new ChainBreakAcknowledged(breakPosition, reason));

    /// <summary>The breaks an administrator acknowledged, as the trail records them (read at start, so that a restart keeps them hidden).</summary>
    public async Task<IReadOnlyList<long>> AcknowledgedBreaksAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ReadStreamAsync(StreamId, cancellationToken: cancellationToken))
            .Select(e => EventJson.Deserialize(e.EventType, e.Data))
            .OfType<ChainBreakAcknowledged>()
            .Select(a => a.BreakPosition)];

    /// <summary>Records an export; returns the position of the record.</summary>
    public Task<long> ExportedAsync(Actor actor, string what, string format, string filters, int rows, ChainHead head) =>
        AppendAsync(actor, new RecordExported(what, format, filters, rows, head.Position, head.Hash));

    private async Task<long> AppendAsync(Actor actor, IDomainEvent e)
    {
        var context = new CommandContext(actor, Sources.Api, clock.Now, Guid.NewGuid());
        var appended = await store.AppendAsync(StreamId, ExpectedVersion.Any,
            [EventEnvelopes.ToAppend(new NewEvent(e, context.Today, new EventScope([], null, [])), null, null, context)]);
        return appended.ToPosition;
    }
}
