using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>
/// The stream <c>audit-trail</c> (key <see cref="AuditTrailGrain.Key"/>, one grain for the cluster): every verification,
/// export and acknowledged chain break, with who did it. Nothing decides on it, so each call appends its record at the
/// stream's version; the records join the hash chain like any event.
/// </summary>
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Records a verification; returns the position of the record.</summary>
    Task<long> Verified(Actor actor, long from, long? to, bool intact, long verifiedUpTo, long? breakPosition, string? breakKind,
        long? receiptPosition, int anchors);

    /// <summary>Records an administrator's acknowledgement of a break; returns the position of the record.</summary>
    Task<long> Acknowledged(Actor actor, long breakPosition, string reason);

    /// <summary>Records an export; returns the position of the record.</summary>
    Task<long> Exported(Actor actor, string what, string format, string filters, int rows, long headPosition, string headHash);
}

public sealed class AuditTrailGrain(IEventStore store, MonitorClock clock) : Grain, IAuditTrailGrain
{
    public const string Key = StreamIds.AuditTrail;

    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _version = await store.GetStreamVersionAsync(StreamIds.AuditTrail, cancellationToken);

    public Task<long> Verified(Actor actor, long from, long? to, bool intact, long verifiedUpTo, long? breakPosition, string? breakKind,
        long? receiptPosition, int anchors) =>
        AppendAsync(actor, new ChainVerified(from, to, intact, verifiedUpTo, breakPosition, breakKind, receiptPosition, anchors));

    public Task<long> Acknowledged(Actor actor, long breakPosition, string reason) =>
        AppendAsync(actor, new ChainBreakAcknowledged(breakPosition, reason));

    public Task<long> Exported(Actor actor, string what, string format, string filters, int rows, long headPosition, string headHash) =>
        AppendAsync(actor, new RecordExported(what, format, filters, rows, headPosition, headHash));

    private async Task<long> AppendAsync(Actor actor, IDomainEvent e)
    {
        for (var attempt = 1; ; attempt++)
        {
            var context = new Contracts.Commands.CommandContext(actor, Sources.Api, clock.Now, Guid.NewGuid());
            try
            {
                var appended = await store.AppendAsync(StreamIds.AuditTrail, _version,
                    [EventEnvelopes.ToAppend(new NewEvent(e, context.Today, new EventScope([], null, [])), null, null, context)]);
                _version = appended.ToVersion;
                return appended.ToPosition;
            }
            catch (WrongExpectedVersionException) when (attempt == 1)
            {
                // Another activation wrote in between (only a duplicate activation can): append after what it wrote.
                _version = await store.GetStreamVersionAsync(StreamIds.AuditTrail);
            }
        }
    }
}
