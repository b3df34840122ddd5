using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// Writes the tag rows, the filter columns and the stream index of the log behind the append (docs/event-store.md,
/// "Indexer behind the log"): the tag rows and filter columns of the events after its checkpoint
/// (<c>event_index_checkpoint.position</c>), a batch at a time, the checkpoint moved in the same transaction; and the
/// stream index up to that checkpoint from its own (<c>stream_position</c>), in larger steps, because each step writes a
/// leaf per stream it touches. It runs on the writer's connection while it holds the writer (SQLite has one writer), a
/// moment after commits were made. A filtered query or a stream's read takes the index up to its checkpoint and the
/// log after it.
/// </summary>
internal sealed class SqliteIndexer : IAsyncDisposable
{
    /// <summary>How long the indexer lets commits gather after it was told of one.</summary>
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(250);

    /// <summary>The most events one indexer transaction covers, so that it holds the writer up only briefly.</summary>
    public const int BatchSize = 2_000;

    /// <summary>
    /// The fewest events a step of the stream index covers, unless <see cref="StreamInterval"/> has passed since the last
    /// one: a step writes about a leaf per stream it touches, so larger steps write fewer leaves per event.
    /// </summary>
    public const int StreamStep = 16_000;

    /// <summary>How long the stream index may trail the tag rows' checkpoint when fewer than <see cref="StreamStep"/> events came.</summary>
    private static readonly TimeSpan StreamInterval = TimeSpan.FromSeconds(2);

    private const string CheckpointSql = SqliteIndexedQueries.CheckpointSql;
    private const string StreamCheckpointSql = SqliteIndexedQueries.StreamCheckpointSql;

    private readonly Func<Task<IDisposable>> _holdWriter;
    private readonly Func<SqliteConnection?> _writer;
    private readonly ILogger _logger;
    private readonly Channel<bool> _commits = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _loop;

    private readonly IDisposable _lagReport;
    private long _head;
    private long _checkpoint;
    private long _streamCheckpoint;
    private long _lastStreamStep = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <param name="holdWriter">Holds the store's writer until the handle is disposed.</param>
    /// <param name="writer">The writer's connection while it is open, else null.</param>
    /// <param name="head">The log's head at open.</param>
    /// <param name="checkpoint">The indexer's checkpoints at open.</param>
    public SqliteIndexer(Func<Task<IDisposable>> holdWriter, Func<SqliteConnection?> writer, ILogger logger, long head, (long Tags, long Streams) checkpoint)
    {
        _holdWriter = holdWriter;
        _writer = writer;
        _logger = logger;
        (_head, _checkpoint, _streamCheckpoint) = (head, checkpoint.Tags, checkpoint.Streams);
        _lagReport = Telemetry.MonitorTelemetry.ReportIndexLag(() => Lag);
        _loop = Task.Run(LoopAsync);
        // A store that closed (or crashed) before its indexer reached the head catches up at open.
        if (head > checkpoint.Streams) Committed(head);
    }

    /// <summary>The log's head and the indexer's checkpoints.</summary>
    public static async Task<(long Head, (long Tags, long Streams) Checkpoint)> ReadPositionsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var positions = connection.CreateCommand();
        positions.CommandText = $"SELECT COALESCE((SELECT MAX(position) FROM events), 0), {CheckpointSql}, {StreamCheckpointSql}";
        await using var reader = await positions.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), (reader.GetInt64(1), reader.GetInt64(2)));
    }

    /// <summary>The tag rows' checkpoint as this process last moved or read it: the tag rows and filter columns hold every event up to it.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>The stream index's checkpoint as this process last moved or read it: the stream index holds every event up to it.</summary>
    public long StreamCheckpoint => Interlocked.Read(ref _streamCheckpoint);

    /// <summary>The events after the checkpoint, as this process last knew the head and the checkpoint.</summary>
    public long Lag => Math.Max(0, Interlocked.Read(ref _head) - Interlocked.Read(ref _checkpoint));

    /// <summary>While stopped, the indexer writes nothing after commits (the writer still keeps the lag under <see cref="MaxLag"/>):
    /// queries read the tag rows up to its checkpoint and the log after it.</summary>
    public bool Stopped { get; set; }

    /// <summary>Tells the indexer that commits were made, up to <paramref name="head"/>.</summary>
    public void Committed(long head)
    {
        long known;
        while ((known = Interlocked.Read(ref _head)) < head && Interlocked.CompareExchange(ref _head, head, known) != known) { }
        _commits.Writer.TryWrite(true);
    }

    /// <summary>Writes the tag rows of up to <see cref="BatchSize"/> events after the checkpoint; answers how many it covered.</summary>
    public async Task<int> IndexNextAsync()
    {
        using var held = await _holdWriter().ConfigureAwait(false);
        return _writer() is { } connection ? IndexNext(connection) : 0;
    }

    /// <summary>
    /// The most events the log may hold after the checkpoint while the writer writes: past it, the writer indexes a batch
    /// before its next one, so that a long import cannot leave filtered queries reading an ever longer tail.
    /// </summary>
    public long MaxLag { get; set; } = 20_000;

    /// <summary>
    /// Called by the writer, holding the writer, before a batch: indexes while the lag exceeds <see cref="MaxLag"/>, and
    /// writes the stream index once it trails the head by more than <see cref="MaxLag"/> and a <see cref="StreamStep"/>.
    /// </summary>
    public void CatchUpIfBehind(SqliteConnection connection)
    {
        try
        {
            while (Lag > MaxLag && IndexNext(connection) > 0) { }
            if (Interlocked.Read(ref _head) - StreamCheckpoint > MaxLag + StreamStep) IndexStreams(connection);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The index is derived: an indexer that fails must not stop the appends (queries read a longer tail meanwhile).
            _logger.LogWarning(ex, "The writer could not bring the indexer under its bound; the appends go on");
        }
    }

    /// <summary>The batch of <see cref="IndexNextAsync"/>, on the writer's connection, by a caller that holds the writer.</summary>
    private int IndexNext(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT position, provinces, clusters, data, metadata FROM events WHERE position > {CheckpointSql} ORDER BY position LIMIT {BatchSize}";
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO event_tags (kind, value, position) VALUES ($k, $v, $p)";
        var (kind, value, position) = (insert.Parameters.Add("$k", SqliteType.Text), insert.Parameters.Add("$v", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Integer));

        var (count, last) = (0, 0L);
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                last = reader.GetInt64(0);
                count++;
                var provinces = JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? [];
                var clusters = JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [];
                foreach (var (k, v) in EventTagRows.Of(provinces, clusters, reader.GetString(3), reader.GetString(4)))
                {
                    (kind.Value, value.Value, position.Value) = (k, v, last);
                    insert.ExecuteNonQuery();
                }
            }
        }
        if (count == 0) return 0;
        using var advance = connection.CreateCommand();
        advance.Transaction = transaction;
        // The filter columns of the same events, then the checkpoint past them.
        advance.CommandText = "INSERT OR IGNORE INTO event_filters (f_position, f_event_type, f_effective_date, f_recorded_at, f_domain, f_campaign, f_actor, f_source) " +
                              $"SELECT position, event_type, effective_date, recorded_at, domain, campaign, actor, source FROM events WHERE position > {CheckpointSql} AND position <= $p; " +
                              "UPDATE event_index_checkpoint SET position = $p";
        advance.Parameters.AddWithValue("$p", last);
        advance.ExecuteNonQuery();
        transaction.Commit();
        Interlocked.Exchange(ref _checkpoint, last);
        return count;
    }

    /// <summary>
    /// A step of the stream index, by a caller that holds the writer: the versions of the events after its checkpoint up
    /// to the tag rows' one, in the index's order, and its checkpoint moved there. A version written twice to a stream
    /// would stop the step here (the index's key), never be indexed over.
    /// </summary>
    private void IndexStreams(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using var step = connection.CreateCommand();
        step.Transaction = transaction;
        step.CommandText = "INSERT INTO stream_index (stream_no, stream_version, position) " +
                           $"SELECT stream_no, stream_version, position FROM events WHERE position > {StreamCheckpointSql} AND position <= {CheckpointSql} " +
                           "ORDER BY stream_no, stream_version; " +
                           "UPDATE event_index_checkpoint SET stream_position = position; SELECT stream_position FROM event_index_checkpoint";
        var reached = Convert.ToInt64(step.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        transaction.Commit();
        Interlocked.Exchange(ref _streamCheckpoint, reached);
        _lastStreamStep = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Writes a step of the stream index when <see cref="StreamStep"/> events wait for it, or when <paramref name="force"/>d or
    /// <see cref="StreamInterval"/> has passed since the last one; answers whether the stream index still trails the tag rows.</summary>
    private async Task<bool> IndexStreamsIfDueAsync(bool force)
    {
        using var held = await _holdWriter().ConfigureAwait(false);
        var waiting = Checkpoint - StreamCheckpoint;
        if (waiting <= 0 || _writer() is not { } connection) return false;
        if (!force && waiting < StreamStep && System.Diagnostics.Stopwatch.GetElapsedTime(_lastStreamStep) < StreamInterval) return true;
        IndexStreams(connection);
        return false;
    }

    /// <summary>Indexes until both checkpoints reach the head.</summary>
    public async Task IndexToHeadAsync()
    {
        while (await IndexNextAsync().ConfigureAwait(false) == BatchSize) { }
        await IndexStreamsIfDueAsync(force: true).ConfigureAwait(false);
    }

    /// <summary>Brings the loop back after <see cref="StreamInterval"/>, for a stream index left trailing when the commits stopped.</summary>
    private async Task WakeLaterAsync()
    {
        try
        {
            await Task.Delay(StreamInterval, _closing.Token).ConfigureAwait(false);
            _commits.Writer.TryWrite(true);
        }
        catch (OperationCanceledException)
        {
            // Closing: the next open catches up.
        }
    }

    private async Task LoopAsync()
    {
        while (await _commits.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Delay, _closing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _commits.Reader.TryRead(out _);
            if (Stopped) continue;
            try
            {
                while (!_closing.IsCancellationRequested && !Stopped && await IndexNextAsync().ConfigureAwait(false) == BatchSize) { }
                if (!_closing.IsCancellationRequested && !Stopped && await IndexStreamsIfDueAsync(force: false).ConfigureAwait(false)) _ = WakeLaterAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Queries read the log after the checkpoint meanwhile; the next commit brings the indexer back.
                _logger.LogWarning(ex, "The indexer could not write the tag rows of the log; it tries again after the next commit");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lagReport.Dispose();
        _commits.Writer.TryComplete();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _closing.Dispose();
    }
}
