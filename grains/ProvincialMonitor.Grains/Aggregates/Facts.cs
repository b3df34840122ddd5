using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Aggregates;

public static class Facts
{
    /// <summary>
    /// A fact with the event's canonical JSON, exactly as the store keeps it, so that a grain that just
    /// decided an event and one that read it back remember the same text (old values of corrections).
    /// </summary>
    public static Fact Of(Guid eventId, IDomainEvent e, DateOnly effectiveDate) =>
        new(eventId, EventTypes.NameOf(e), CanonicalJson.Canonicalize(EventJson.Serialize(e)), effectiveDate);
}
