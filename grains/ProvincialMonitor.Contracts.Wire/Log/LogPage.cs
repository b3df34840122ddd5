using System.Text.Json;

namespace ProvincialMonitor.Contracts.Views;

/// <summary>The tags of a stored event, as the log shows them.</summary>
public sealed record EventTagsResponse(string[] Provinces, string? Domain, string[] Clusters, string? Campaign, string Actor, string Source);

/// <summary>One stored event of the log (<c>GET /api/events</c>, a stream's events): its data and metadata as written, and its hashes.</summary>
public sealed record EventResponse(
    long Position, string StreamId, long StreamVersion, Guid EventId, string EventType, DateOnly EffectiveDate,
    DateTimeOffset RecordedAt, JsonElement Data, JsonElement Metadata, EventTagsResponse Tags, string PrevHash, string Hash);

/// <summary>One page of the log and the position to ask <c>after</c> for the next (null: none).</summary>
public sealed record EventsPage(IEnumerable<EventResponse> Events, long? Next);
