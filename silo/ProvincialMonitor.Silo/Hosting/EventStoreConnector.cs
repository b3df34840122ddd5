using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Postgres;
using ProvincialMonitor.EventStore.Sqlite;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Opens the event store (creating or migrating its schema) before anything else starts, and closes it
/// last, after the writer has flushed what was queued. It is the <see cref="IEventStore"/> of the silo,
/// so that services built before the store opens can hold it.
/// </summary>
public sealed class EventStoreConnector(StoreSettings settings, MonitorClock clock, ILoggerFactory loggers) : IHostedService, IEventStore, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<EventStoreConnector>();
    private RelationalEventStore? _store;

    /// <summary>Logins, names and key hashes, in the store's database.</summary>
    public CredentialStore Credentials => Store.Credentials;

    public BeneficiaryStore Beneficiaries => Store.Beneficiaries;

    /// <summary>Read models and checkpoints, in the store's database.</summary>
    public ProjectionStore Projections => Store.Projections;

    /// <summary>Aggregate snapshots for historical reads, in the store's database.</summary>
    public SnapshotStore Snapshots => Store.Snapshots;

    private RelationalEventStore Store => _store ?? throw new InvalidOperationException("The event store is not open yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var storeLogger = loggers.CreateLogger("ProvincialMonitor.EventStore");
        _store = settings.Kind switch
        {
            StoreKind.Sqlite => await SqliteEventStore.OpenAsync(settings.SqlitePath,
                new EventStoreOptions { SqliteSynchronous = settings.SqliteSynchronous, Time = clock.Time }, storeLogger, cancellationToken),
            _ => await PostgresEventStore.OpenAsync(settings.ConnectionString!, new EventStoreOptions { Time = clock.Time }, storeLogger, cancellationToken),
        };
        var head = await _store.GetHeadAsync(cancellationToken);
        _logger.LogInformation("Event store open ({Store}): {Count} events, head hash {Hash}", settings.Describe(), head.Position, head.Hash);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<EventToAppend> events,
        IdempotencyRequest? idempotency = null, CancellationToken cancellationToken = default) =>
        Store.AppendAsync(streamId, expectedVersion, events, idempotency, cancellationToken);

    public Task<StoredIdempotency?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken = default) =>
        Store.FindIdempotencyAsync(principal, key, cancellationToken);

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        Store.GetStreamVersionAsync(streamId, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamQuery? query = null, CancellationToken cancellationToken = default) =>
        Store.ReadStreamAsync(streamId, query, cancellationToken);

    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        Store.ReadEventAsync(eventId, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long fromPosition = 1, long? toPosition = null, CancellationToken cancellationToken = default) =>
        Store.ReadAllAsync(fromPosition, toPosition, cancellationToken);

    public Task<LogPage> QueryAsync(LogQuery query, CancellationToken cancellationToken = default) => Store.QueryAsync(query, cancellationToken);

    public IAsyncEnumerable<RecordedEvent> SubscribeAsync(long afterPosition, CancellationToken cancellationToken) =>
        Store.SubscribeAsync(afterPosition, cancellationToken);

    public Task WhenAppendedAsync(CancellationToken cancellationToken) => Store.WhenAppendedAsync(cancellationToken);

    public Task<long> PositionRecordedByAsync(DateTimeOffset moment, CancellationToken cancellationToken = default) =>
        Store.PositionRecordedByAsync(moment, cancellationToken);

    public Task<ChainHead> GetHeadAsync(CancellationToken cancellationToken = default) => Store.GetHeadAsync(cancellationToken);

    public Task<VerificationResult> VerifyAsync(long fromPosition = 1, long? toPosition = null, ChainHead? receipt = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Store.VerifyAsync(fromPosition, toPosition, receipt, progress, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
