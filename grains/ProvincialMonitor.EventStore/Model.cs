namespace ProvincialMonitor.EventStore;

/// <summary>An event to append. <see cref="Data"/> and <see cref="Metadata"/> are JSON objects; the store keeps their RFC 8785 form.</summary>
public sealed record EventToAppend(
    string EventType,
    string Data,
    string Metadata,
    DateOnly EffectiveDate,
    EventTags Tags,
    Guid? EventId = null)
{
    // The texts this instance's Data and Metadata were canonicalised to, by Canonicalize. A copy made with "with"
    // and another Data or Metadata no longer matches, so the store canonicalises that one again.
    private string? _canonicalData, _canonicalMetadata;

    /// <summary>
    /// This event with its data and metadata in their canonical form, which the store then takes as they are instead
    /// of canonicalising them a second time: for a caller that needs the canonical text itself (an aggregate evolves
    /// its state from exactly what is stored). Refuses what is not a JSON object, like the store.
    /// </summary>
    public EventToAppend Canonicalize()
    {
        var data = CanonicalJson.CanonicalizeObject(Data, "An event's data");
        var metadata = CanonicalJson.CanonicalizeObject(Metadata, "An event's metadata");
        return this with { Data = data, Metadata = metadata, _canonicalData = data, _canonicalMetadata = metadata };
    }

    internal string CanonicalData => ReferenceEquals(Data, _canonicalData) ? Data : CanonicalJson.CanonicalizeObject(Data, "An event's data");

    internal string CanonicalMetadata =>
        ReferenceEquals(Metadata, _canonicalMetadata) ? Metadata : CanonicalJson.CanonicalizeObject(Metadata, "An event's metadata");
}

/// <summary>
/// The indexed columns of an event, covered by its hash. The aggregate sets them from its state
/// (a subsidy knows its project's provinces, domain and clusters).
/// </summary>
public sealed record EventTags
{
    public EventTags(
        string actor,
        string source,
        IEnumerable<string>? provinces = null,
        string? domain = null,
        IEnumerable<string>? clusters = null,
        string? campaign = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Actor = actor;
        Source = source;
        Provinces = Normalize(provinces);
        Domain = string.IsNullOrEmpty(domain) ? null : domain;
        Clusters = Normalize(clusters);
        Campaign = string.IsNullOrEmpty(campaign) ? null : campaign;
    }

    public string Actor { get; }
    public string Source { get; }
    public IReadOnlyList<string> Provinces { get; }
    public string? Domain { get; }
    public IReadOnlyList<string> Clusters { get; }
    public string? Campaign { get; }

    // Sorted and distinct, so that the same tags always hash the same way.
    private static string[] Normalize(IEnumerable<string>? values) =>
        values is null ? [] : values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>An event as stored: its place in the stream and in the global log, and its link in the hash chain.</summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    string Data,
    string Metadata,
    DateOnly EffectiveDate,
    DateTimeOffset RecordedAt,
    EventTags Tags,
    string PrevHash,
    string Hash);

public sealed record IdempotencyRequest
{
    public IdempotencyRequest(string principal, string key, string requestHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        if (key.Length > 200) throw new ArgumentException("An idempotency key has at most 200 characters.", nameof(key));
        Principal = principal;
        Key = key;
        RequestHash = requestHash;
    }

    public string Principal { get; }
    public string Key { get; }
    /// <summary>A hash of the whole request (for example the hex SHA-256 of the route and the canonical body).</summary>
    public string RequestHash { get; }
}

/// <summary>What an append did: the stream's versions and the global positions it was given.</summary>
public sealed record AppendResult(
    string StreamId,
    long FromVersion,
    long ToVersion,
    long FromPosition,
    long ToPosition,
    IReadOnlyList<Guid> EventIds,
    bool Replayed = false);

/// <summary>An idempotency record: the first result of a request.</summary>
public sealed record StoredIdempotency(string Principal, string Key, string RequestHash, AppendResult Result);

/// <summary>Limits on a stream read. Versions are inclusive; <see cref="RecordedUpTo"/> and <see cref="EffectiveOnOrBefore"/> give docs/domain.md's as-of semantics.</summary>
public sealed record StreamQuery(
    long FromVersion = 1,
    long? ToVersion = null,
    DateTimeOffset? RecordedUpTo = null,
    DateOnly? EffectiveOnOrBefore = null);

public enum LogDirection { Forwards, Backwards }

/// <summary>
/// A filter on the global log, paged by position: forwards from after <see cref="AfterPosition"/>,
/// or backwards from before <see cref="BeforePosition"/>. Date ranges are inclusive of the start and exclusive of the end
/// for recorded times, inclusive on both sides for effective dates.
/// </summary>
public sealed record LogQuery
{
    public string? StreamId { get; init; }
    public string? StreamPrefix { get; init; }
    public IReadOnlyList<string>? EventTypes { get; init; }
    public string? Province { get; init; }
    public string? Domain { get; init; }
    public string? Cluster { get; init; }
    public string? Campaign { get; init; }
    public string? Actor { get; init; }
    public string? Source { get; init; }

    /// <summary>The decision reference in the events' metadata.</summary>
    public string? DecisionRef { get; init; }

    /// <summary>A municipality (NIS code) the events' data names: a project's location, a market's or an advice's municipality.</summary>
    public string? Municipality { get; init; }

    public DateTimeOffset? RecordedFrom { get; init; }
    public DateTimeOffset? RecordedBefore { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public LogDirection Direction { get; init; } = LogDirection.Forwards;
    public long AfterPosition { get; init; }
    public long? BeforePosition { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>One page of a log query; <see cref="NextPosition"/> continues it (as AfterPosition or BeforePosition) when there is more.</summary>
public sealed record LogPage(IReadOnlyList<RecordedEvent> Events, long? NextPosition);

/// <summary>A chain head, which is also a receipt: the hash of the event at a position.</summary>
public sealed record ChainHead(long Position, string Hash);

public enum ChainBreak
{
    /// <summary>The row's content no longer matches its hash, or it was rewritten with a recomputed hash.</summary>
    Changed,
    /// <summary>A row is missing: a gap in positions, a removed newest row (seen with a receipt), or a row removed and the rest renumbered.</summary>
    Missing,
    /// <summary>A row was added that the chain did not have.</summary>
    Inserted,
    /// <summary>A row holds another position's event.</summary>
    Reordered,
}

/// <summary>
/// The outcome of a verification: intact up to <see cref="VerifiedUpTo"/>, or broken at
/// <see cref="BreakPosition"/> with the kind of break.
/// </summary>
public sealed record VerificationResult(
    bool Intact,
    long VerifiedUpTo,
    string? HeadHash,
    long? BreakPosition = null,
    ChainBreak? Break = null,
    string? Detail = null);
