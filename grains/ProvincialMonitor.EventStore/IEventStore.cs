namespace ProvincialMonitor.EventStore;

/// <summary>
/// The append-only, hash-chained event log. Streams have versions (1, 2, …); the global log
/// has gap-free positions (1, 2, …) in commit order. Implementations: SQLite and PostgreSQL.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> if its version is
    /// <paramref name="expectedVersion"/> (<see cref="ExpectedVersion.NoStream"/> for a new stream,
    /// <see cref="ExpectedVersion.Any"/> to skip the check). With an idempotency request, a retry
    /// with the same key and request hash returns the first result and writes nothing.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">The stream is at another version.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for another request.</exception>
    /// <exception cref="EventStoreUnavailableException">The database cannot be reached.</exception>
    Task<AppendResult> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventToAppend> events,
        IdempotencyRequest? idempotency = null,
        CancellationToken cancellationToken = default);

    /// <summary>The first result recorded for an idempotency key, or null when the key is unknown.</summary>
    Task<StoredIdempotency?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken = default);

    /// <summary>The stream's current version (0 when it has no events).</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>A stream's events in version order, optionally limited by version, recorded time or effective date.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>One event by its id (the unique index on event_id), or null when the log has no such event.</summary>
    Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>The global log from <paramref name="fromPosition"/> (inclusive), in position order.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, long? toPosition = null, CancellationToken cancellationToken = default);

    /// <summary>One page of the global log, filtered by stream, event type, tags and date ranges.</summary>
    Task<LogPage> QueryAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The global log after <paramref name="afterPosition"/>: catches up, then waits for new events
    /// and yields them as they are committed, until cancelled.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> SubscribeAsync(long afterPosition, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when events may have been committed after this call (PostgreSQL: by any silo, through NOTIFY;
    /// SQLite: in this process), or after the poll interval at the latest, without reading them. Take it before
    /// reading the log, so that what is committed while reading wakes the next read.
    /// </summary>
    Task WhenAppendedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The last position recorded at or before <paramref name="moment"/> (0 when none was): recorded_at never decreases
    /// along the log, so everything up to it, and nothing after it, was known at that moment. One index probe.
    /// </summary>
    Task<long> PositionRecordedByAsync(DateTimeOffset moment, CancellationToken cancellationToken = default);

    /// <summary>The newest position and hash (position 0 and the zero hash for an empty log).</summary>
    Task<ChainHead> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Logins, names and key hashes: in the same database, outside the hash chain.</summary>
    CredentialStore Credentials { get; }

    /// <summary>Grants' beneficiaries' names and company numbers: in the same database, outside the hash chain.</summary>
    BeneficiaryStore Beneficiaries { get; }

    /// <summary>
    /// Recomputes the hash chain from <paramref name="fromPosition"/> to <paramref name="toPosition"/>
    /// (the head when null) and checks a receipt when one is given.
    /// </summary>
    Task<VerificationResult> VerifyAsync(
        long fromPosition = 1,
        long? toPosition = null,
        ChainHead? receipt = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default);
}

public static class ExpectedVersion
{
    /// <summary>Append whatever version the stream is at.</summary>
    public const long Any = -1;

    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;
}
