using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.EventStore.Telemetry;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// What SQLite and PostgreSQL share: one writer that gathers concurrent appends into one
/// transaction (group commit), the rules checked under the batch lock, and every read.
/// A backend supplies connections, the lock, the clock and the insert.
/// </summary>
public abstract partial class RelationalEventStore : IEventStore, IAsyncDisposable
{
    private const int MaxStreamIdLength = 200;

    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly Channel<CommittedBatch> _durable =
        Channel.CreateUnbounded<CommittedBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _syncer;
    /// <summary>
    /// Where commits need a flush, how many batches may be committed and not yet flushed: one being flushed, and the
    /// next being written. More would make the writer commit ever smaller batches, each rewriting the same pages.
    /// </summary>
    private readonly SemaphoreSlim _flushAhead = new(2, 2);

    private protected RelationalEventStore(EventStoreOptions options, ILogger logger)
    {
        Options = options;
        Logger = logger;
        Credentials = new CredentialStore(async ct => await OpenAsync(ct).ConfigureAwait(false), options.Time);
        Beneficiaries = new BeneficiaryStore(async ct => await OpenAsync(ct).ConfigureAwait(false), options.Time);
        Projections = new ProjectionStore(async ct => await OpenAsync(ct).ConfigureAwait(false), options.Time);
        Snapshots = new SnapshotStore(async ct => await OpenAsync(ct).ConfigureAwait(false));
        _writer = Task.Run(WriteLoopAsync);
        _syncer = Task.Run(SyncLoopAsync);
    }

    /// <summary>Names and secrets of principals, in the same database, outside the hash chain.</summary>
    public CredentialStore Credentials { get; }

    /// <summary>Grants' beneficiaries' names and company numbers, in the same database, outside the hash chain.</summary>
    public BeneficiaryStore Beneficiaries { get; }

    /// <summary>Read models and checkpoints, in the same database.</summary>
    public ProjectionStore Projections { get; }

    /// <summary>Aggregate snapshots for historical reads, in the same database.</summary>
    public SnapshotStore Snapshots { get; }

    protected EventStoreOptions Options { get; }
    protected ILogger Logger { get; }
    internal HeadSignal Signal { get; } = new();

    protected abstract ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken);
    private protected abstract Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the backend's commit returns before the commit is on disk, so that <see cref="FlushCommitsAsync"/>
    /// must make it durable before anyone is answered. The writer then goes on with the next batch while the last
    /// one is flushed: the flush no longer stands between two batches. Other readers may see a commit a few
    /// milliseconds before it is durable; no append is answered and no subscriber woken before.
    /// </summary>
    private protected virtual bool CommitsNeedFlush => false;

    /// <summary>Makes every commit returned so far durable (for <see cref="CommitsNeedFlush"/> backends).</summary>
    private protected virtual Task FlushCommitsAsync() => Task.CompletedTask;

    /// <summary>Whether an exception means the database cannot be reached (a 503, worth a retry), rather than a fault.</summary>
    protected abstract bool IsUnavailable(Exception exception);

    public Task<AppendResult> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<EventToAppend> events,
        IdempotencyRequest? idempotency = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (streamId.Length > MaxStreamIdLength || streamId.Any(char.IsWhiteSpace))
            throw new ArgumentException($"A stream id has at most {MaxStreamIdLength} characters and no white space.", nameof(streamId));
        if (expectedVersion < ExpectedVersion.Any)
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), "An expected version is a version, NoStream (0) or Any (-1).");
        if (events.Count == 0)
            throw new ArgumentException("An append has at least one event.", nameof(events));
        cancellationToken.ThrowIfCancellationRequested();

        // Canonical data and metadata are what is stored and hashed; refuse bad JSON before queueing.
        var prepared = events.Select(e => new PreparedEvent(
            e.EventId ?? Guid.CreateVersion7(),
            string.IsNullOrWhiteSpace(e.EventType) ? throw new ArgumentException("Every event has a type.", nameof(events)) : e.EventType,
            e.CanonicalData,
            e.CanonicalMetadata,
            e.EffectiveDate,
            e.Tags ?? throw new ArgumentException("Every event has tags.", nameof(events)))).ToArray();

        // A span per append, under the caller's (the grain call), from queueing to the outcome; the commit span on
        // the writer is a child of the first append of its batch and links the others.
        var span = StartAppendActivity(streamId, events.Count);
        var pending = new PendingAppend(streamId, expectedVersion, prepared, idempotency,
            span?.Context ?? Activity.Current?.Context ?? default, Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            span?.Dispose();
            throw new ObjectDisposedException(GetType().FullName);
        }
        // Once queued the append goes through; cancelling stops only the wait. A retry with the same idempotency key is safe.
        var completion = pending.Completion.Task.WaitAsync(cancellationToken);
        return span is null ? completion : TraceAsync(completion, span);
    }

    private static Activity? StartAppendActivity(string streamId, int eventCount)
    {
        if (!MonitorTelemetry.ActivitySource.HasListeners()) return null;
        var caller = Activity.Current;
        var span = MonitorTelemetry.ActivitySource.StartActivity("EventStore.Append");
        // This method is not async: put the caller's span back, so that its own later work is not under the append.
        Activity.Current = caller;
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("provmon.stream", streamId);
            span.SetTag("provmon.event.count", eventCount);
        }
        return span;
    }

    private static async Task<AppendResult> TraceAsync(Task<AppendResult> completion, Activity span)
    {
        try
        {
            return await completion.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            span.Dispose();
        }
    }

    private async Task WriteLoopAsync()
    {
        // Spans on the writer have the appending caller as parent, never whatever was current when the store opened.
        Activity.Current = null;
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Appends go on gathering in the queue while the writer waits here.
            if (CommitsNeedFlush) await _flushAhead.WaitAsync().ConfigureAwait(false);
            await _writerGate.WaitAsync().ConfigureAwait(false);
            try
            {
                await WriteNextBatchAsync(batch).ConfigureAwait(false);
            }
            finally
            {
                _writerGate.Release();
                // Behind this batch's outcomes in the flush line: the slot comes back once they are answered.
                if (CommitsNeedFlush) _durable.Writer.TryWrite(CommittedBatch.SlotReturn);
            }
        }
    }

    private async Task WriteNextBatchAsync(List<PendingAppend> batch)
    {
        batch.Clear();
        var eventCount = 0;
        while (batch.Count < Options.MaxAppendsPerBatch
               && _queue.Reader.TryPeek(out var next)
               && (batch.Count == 0 || eventCount + next.Events.Length <= Options.MaxEventsPerBatch)
               && _queue.Reader.TryRead(out next))
        {
            batch.Add(next);
            eventCount += next.Events.Length;
        }

        if (batch.Count > 0) await WriteBatchAsync(batch).ConfigureAwait(false);
    }

    /// <summary>Holds the writer until the returned handle is disposed, so that a test can gather appends into one batch.</summary>
    internal async Task<IDisposable> HoldWriterAsync()
    {
        await _writerGate.WaitAsync().ConfigureAwait(false);
        return new Release(_writerGate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        using var activity = StartCommitActivity(batch);
        try
        {
            var (outcomes, committed) = await CommitBatchAsync(batch).ConfigureAwait(false);
            Complete([.. batch], outcomes, committed);
        }
        catch (CommitOutcomeUnknownException unknown)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "commit outcome unknown");
            await ResolveUnknownCommitAsync(batch, unknown).ConfigureAwait(false);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            // One bad append must not fail the others: retry each on its own.
            Logger.LogWarning(ex, "A batch of {Count} appends failed; retrying them one by one", batch.Count);
            foreach (var pending in batch)
                await WriteBatchAsync([pending]).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            batch[0].Completion.TrySetException(Translate(ex));
        }
    }

    /// <summary>
    /// The span of one group commit: a child of the first append's span, linked to the other appends.
    /// Nothing is allocated when no one listens to <see cref="MonitorTelemetry.ActivitySource"/>.
    /// </summary>
    private static Activity? StartCommitActivity(List<PendingAppend> batch)
    {
        if (!MonitorTelemetry.ActivitySource.HasListeners()) return null;
        List<ActivityLink>? links = null;
        for (var i = 1; i < batch.Count; i++)
            if (batch[i].Caller != default) (links ??= []).Add(new ActivityLink(batch[i].Caller));
        var activity = MonitorTelemetry.ActivitySource.StartActivity("EventStore.Commit", ActivityKind.Internal, batch[0].Caller, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("provmon.append.count", batch.Count);
            if (batch.Count == 1) activity.SetTag("provmon.stream", batch[0].StreamId);
        }
        return activity;
    }

    /// <summary>Counts the events a commit stored (replayed appends store nothing) and the batch's size.</summary>
    private static void RecordCommitted(Outcome[] outcomes)
    {
        long events = 0;
        foreach (var outcome in outcomes)
            if (outcome.Result is { Replayed: false } result) events += result.ToPosition - result.FromPosition + 1;
        if (events == 0) return;
        MonitorTelemetry.EventsAppended.Add(events);
        MonitorTelemetry.AppendBatchSize.Record((int)events);
    }

    /// <summary>
    /// The connection failed during COMMIT: the batch may or may not be stored. Look its first event up;
    /// if it is there, every append succeeded; if not, retry them one by one; if the store does not
    /// answer, say that the outcome is unknown (a retry with the same idempotency key is safe).
    /// </summary>
    private async Task ResolveUnknownCommitAsync(List<PendingAppend> batch, CommitOutcomeUnknownException unknown)
    {
        bool stored;
        try
        {
            await using var connection = await OpenReadConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM events WHERE event_id = @id";
            AddParameter(command, "@id", EventIdValue(unknown.FirstEventId));
            stored = Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var error = new EventStoreUnavailableException("The store failed while committing; whether the events were stored is unknown. Retry with the same idempotency key.", ex);
            foreach (var pending in batch) pending.Completion.TrySetException(error);
            return;
        }

        if (stored) Complete([.. batch], unknown.Outcomes, committed: true);
        else
        {
            foreach (var pending in batch) await WriteBatchAsync([pending]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Answers a batch's appends: at once, or, where commits need a flush, in order after the flush that covers it.
    /// Outcomes without a commit of their own (refusals, replays) wait in the same line: a replay may answer with a
    /// commit that is still being flushed.
    /// </summary>
    private void Complete(PendingAppend[] batch, Outcome[] outcomes, bool committed)
    {
        if (!CommitsNeedFlush) Deliver(batch, outcomes);
        else if (!_durable.Writer.TryWrite(new CommittedBatch(batch, outcomes, committed)))
            foreach (var pending in batch) pending.Completion.TrySetException(new ObjectDisposedException(GetType().FullName));
    }

    private void Deliver(PendingAppend[] batch, Outcome[] outcomes)
    {
        RecordCommitted(outcomes);
        for (var i = 0; i < batch.Length; i++) outcomes[i].Deliver(batch[i]);
        if (outcomes.Any(o => o.Result is { Replayed: false })) Signal.Notify();
    }

    /// <summary>
    /// Flushes what the writer committed, then answers those appends; the batches that the writer committed
    /// during a flush share the next one.
    /// </summary>
    private async Task SyncLoopAsync()
    {
        var ready = new List<CommittedBatch>();
        while (await _durable.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            ready.Clear();
            while (_durable.Reader.TryRead(out var next)) ready.Add(next);
            Exception? failure = null;
            if (ready.Exists(b => b.Committed))
            {
                try
                {
                    await FlushCommitsAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Logger.LogError(ex, "The store could not make its last commits durable");
                    failure = new EventStoreUnavailableException(
                        "The store could not make the commit durable; whether the events survive a power cut is unknown. Retry with the same idempotency key.", ex);
                }
            }

            foreach (var done in ready)
            {
                if (ReferenceEquals(done, CommittedBatch.SlotReturn)) _flushAhead.Release();
                else if (failure is null) Deliver(done.Batch, done.Outcomes);
                else foreach (var pending in done.Batch) pending.Completion.TrySetException(failure);
            }
        }
    }

    /// <summary>A batch whose transaction ended, waiting for the flush before its appends are answered.</summary>
    private sealed record CommittedBatch(PendingAppend[] Batch, Outcome[] Outcomes, bool Committed)
    {
        /// <summary>Not a batch: the writer's sign that one of its batches was wholly handed over (see <see cref="_flushAhead"/>).</summary>
        public static readonly CommittedBatch SlotReturn = new([], [], false);
    }

    /// <summary>How an event id is passed as a parameter (PostgreSQL: uuid; SQLite: its 16 bytes).</summary>
    protected virtual object EventIdValue(Guid eventId) => eventId;

    private protected Exception Translate(Exception ex) => ex switch
    {
        EventStoreException => ex,
        _ when IsUnavailable(ex) => new EventStoreUnavailableException($"The event store is unavailable: {ex.Message}", ex),
        _ => new EventStoreException($"The event store failed: {ex.Message}", ex),
    };

    private async Task<(Outcome[] Outcomes, bool Committed)> CommitBatchAsync(List<PendingAppend> batch)
    {
        await using var session = await BeginWriteAsync(CancellationToken.None).ConfigureAwait(false);
        var (now, position, prevHash, lastRecordedAt, versions, known) = await session.ReadStateAsync(
            batch.Select(p => p.StreamId).Distinct(StringComparer.Ordinal).ToList(),
            batch.Where(p => p.Idempotency is not null).Select(p => p.Idempotency!).ToList(), CancellationToken.None).ConfigureAwait(false);

        var recordedAt = Math.Max(now, lastRecordedAt);
        var rows = new List<RecordedEvent>();
        var newKeys = new List<StoredIdempotency>();
        var outcomes = new Outcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (pending.Idempotency is { } idem && known.TryGetValue((idem.Principal, idem.Key), out var first))
            {
                outcomes[i] = first.RequestHash == idem.RequestHash
                    ? new Outcome(first.Result with { Replayed = true }, null)
                    : new Outcome(null, new IdempotencyKeyReusedException(idem.Principal, idem.Key));
                continue;
            }

            var version = versions.GetValueOrDefault(pending.StreamId);
            if (pending.ExpectedVersion != ExpectedVersion.Any && pending.ExpectedVersion != version)
            {
                outcomes[i] = new Outcome(null, new WrongExpectedVersionException(pending.StreamId, pending.ExpectedVersion, version));
                continue;
            }

            var fromVersion = version + 1;
            var fromPosition = position + 1;
            foreach (var e in pending.Events)
            {
                position++;
                version++;
                var row = new RecordedEvent(position, pending.StreamId, version, e.EventId, e.EventType, e.Data, e.Metadata,
                    e.EffectiveDate, EventHashing.FromMicroseconds(recordedAt), e.Tags, prevHash, Hash: "");
                row = row with { Hash = EventHashing.Hash(row) };
                rows.Add(row);
                prevHash = row.Hash;
            }

            versions[pending.StreamId] = version;
            var result = new AppendResult(pending.StreamId, fromVersion, version, fromPosition, position,
                pending.Events.Select(e => e.EventId).ToArray());
            outcomes[i] = new Outcome(result, null);
            if (pending.Idempotency is { } key)
            {
                var stored = new StoredIdempotency(key.Principal, key.Key, key.RequestHash, result);
                known[(key.Principal, key.Key)] = stored;
                newKeys.Add(stored);
            }
        }

        if (rows.Count > 0)
        {
            await session.InsertAsync(rows, newKeys, CancellationToken.None).ConfigureAwait(false);
            try
            {
                await session.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsUnavailable(ex))
            {
                throw new CommitOutcomeUnknownException(rows[0].EventId, outcomes, ex);
            }
        }

        return (outcomes, rows.Count > 0);
    }

    /// <summary>The head as a batch reads it under the lock (the newest row); read with <see cref="ReadTipAsync"/>.</summary>
    internal const string TipQuery = "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1";

    /// <summary>The head from the reader's current result of <see cref="TipQuery"/>: position 0 and the zero hash for an empty log.</summary>
    internal static async Task<(long Position, string Hash, long RecordedAt)> ReadTipAsync(DbDataReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? TipOf(reader) : (0L, EventHashing.GenesisHash, 0L);

    /// <summary>The head in the reader's current row of <see cref="TipQuery"/>.</summary>
    internal static (long Position, string Hash, long RecordedAt) TipOf(DbDataReader reader) =>
        (reader.GetInt64(0), Convert.ToHexStringLower((byte[])reader[1]), reader.GetInt64(2));

    /// <summary>The idempotency records in the reader's current result, with the columns principal, idempotency_key, request_hash, result.</summary>
    internal static async Task<Dictionary<(string, string), StoredIdempotency>> ReadKnownKeysAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string), StoredIdempotency>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = KnownKeyOf(reader);
            found[(stored.Principal, stored.Key)] = stored;
        }
        return found;
    }

    /// <summary>The idempotency record in the reader's current row (columns principal, idempotency_key, request_hash, result).</summary>
    internal static StoredIdempotency KnownKeyOf(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), JsonSerializer.Deserialize<AppendResult>(reader.GetString(3), JsonOptions)!);

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The rows of the event_tags index for one event (<see cref="EventTagRows"/>).</summary>
    internal static IEnumerable<(string Kind, string Value)> TagRows(RecordedEvent e) => EventTagRows.Of(e);

    internal static string AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return name;
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _durable.Writer.TryComplete();
        await _syncer.ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    private sealed record PreparedEvent(Guid EventId, string EventType, string Data, string Metadata, DateOnly EffectiveDate, EventTags Tags);

    private sealed record PendingAppend(string StreamId, long ExpectedVersion, PreparedEvent[] Events, IdempotencyRequest? Idempotency,
        ActivityContext Caller, long QueuedAt)
    {
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class CommitOutcomeUnknownException(Guid firstEventId, Outcome[] outcomes, Exception inner)
        : Exception("The connection failed during COMMIT.", inner)
    {
        public Guid FirstEventId { get; } = firstEventId;
        public Outcome[] Outcomes { get; } = outcomes;
    }

    private readonly record struct Outcome(AppendResult? Result, Exception? Error)
    {
        public void Deliver(PendingAppend pending)
        {
            MonitorTelemetry.AppendLatency.Record(Stopwatch.GetElapsedTime(pending.QueuedAt).TotalMilliseconds);
            if (Result is not null) pending.Completion.TrySetResult(Result);
            else pending.Completion.TrySetException(Error!);
        }
    }
}

/// <summary>One write transaction of a backend, holding the batch lock once <see cref="ReadStateAsync"/> returned.</summary>
internal abstract class WriteSession : IAsyncDisposable
{
    /// <summary>
    /// Takes the store-wide batch lock, then reads what the batch is checked against: the database clock (microseconds
    /// since the Unix epoch), the head, the versions of its streams and its known idempotency keys.
    /// </summary>
    public abstract Task<BatchState> ReadStateAsync(List<string> streams, List<IdempotencyRequest> keys, CancellationToken cancellationToken);

    public abstract Task InsertAsync(IReadOnlyList<RecordedEvent> events, IReadOnlyList<StoredIdempotency> keys, CancellationToken cancellationToken);

    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>What a batch is checked against, read under the batch lock.</summary>
internal sealed record BatchState(
    long Now, long Position, string Hash, long LastRecordedAt,
    Dictionary<string, long> Versions, Dictionary<(string, string), StoredIdempotency> Known);
