using System.Data.Common;
using System.Globalization;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// Where an aggregate's snapshot stands: after the first <see cref="StreamVersion"/> events of its stream, as
/// <see cref="Fold"/> (the code that folded them) left it. What it covers: the last of those events' position and
/// recorded time, and the latest effective date among them, so that a read as of a position, a recorded time or an
/// effective date can tell whether every one of those events belongs to its answer.
/// </summary>
public sealed record SnapshotPoint(
    string StreamId,
    string Fold,
    long StreamVersion,
    long Position,
    DateTimeOffset RecordedAt,
    DateOnly LatestEffectiveDate);

/// <summary>A snapshot: its point and the aggregate's state there (JSON).</summary>
public sealed record StreamSnapshot(SnapshotPoint Point, string State);

/// <summary>
/// Snapshots of aggregates for historical reads, in the event store's database and outside the hash chain: a cache
/// that the reads fill and may lose. Events never change, so a snapshot stays true for as long as the code that
/// folded it; snapshots folded by other code are deleted when a stream gets new ones.
/// </summary>
public sealed class SnapshotStore
{
    private const string DateFormat = "yyyy-MM-dd";
    private readonly Func<CancellationToken, ValueTask<DbConnection>> _open;

    internal SnapshotStore(Func<CancellationToken, ValueTask<DbConnection>> open) => _open = open;

    /// <summary>
    /// The latest snapshot of the stream, folded by <paramref name="fold"/>, whose events all took effect on or before
    /// <paramref name="effectiveOnOrBefore"/>, were recorded up to <paramref name="recordedUpTo"/> and lie at or before
    /// <paramref name="atPosition"/> (each bound left out when null); null when there is none.
    /// </summary>
    public async Task<SnapshotPoint?> FindAsync(string streamId, string fold, DateOnly? effectiveOnOrBefore = null,
        DateTimeOffset? recordedUpTo = null, long? atPosition = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // One statement text whatever the bounds, so that PostgreSQL prepares it once.
        command.CommandText =
            "SELECT stream_version, position, recorded_at, effective_max FROM aggregate_snapshots " +
            "WHERE stream_id = @s AND fold = @f AND effective_max <= @d AND recorded_at <= @t AND position <= @p " +
            "ORDER BY stream_version DESC LIMIT 1";
        RelationalEventStore.AddParameter(command, "@s", streamId);
        RelationalEventStore.AddParameter(command, "@f", fold);
        RelationalEventStore.AddParameter(command, "@d", (effectiveOnOrBefore ?? DateOnly.MaxValue).ToString(DateFormat, CultureInfo.InvariantCulture));
        RelationalEventStore.AddParameter(command, "@t", recordedUpTo is { } t ? EventHashing.ToMicroseconds(t) : long.MaxValue);
        RelationalEventStore.AddParameter(command, "@p", atPosition ?? long.MaxValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new SnapshotPoint(streamId, fold, reader.GetInt64(0), reader.GetInt64(1), EventHashing.FromMicroseconds(reader.GetInt64(2)),
            DateOnly.ParseExact(reader.GetString(3), DateFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>The state kept at the point (JSON); null when it is gone (code that folds otherwise replaced it).</summary>
    public async Task<string?> ReadStateAsync(SnapshotPoint point, CancellationToken cancellationToken = default)
    {
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM aggregate_snapshots WHERE stream_id = @s AND fold = @f AND stream_version = @v";
        RelationalEventStore.AddParameter(command, "@s", point.StreamId);
        RelationalEventStore.AddParameter(command, "@f", point.Fold);
        RelationalEventStore.AddParameter(command, "@v", point.StreamVersion);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>
    /// Keeps the snapshots (those already kept stay as they are) and deletes the snapshots of the same streams that
    /// other code folded, in one transaction.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<StreamSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        if (snapshots.Count == 0) return;
        await using var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (streamId, fold) in snapshots.Select(s => (s.Point.StreamId, s.Point.Fold)).Distinct())
        {
            await using var stale = connection.CreateCommand();
            stale.Transaction = transaction;
            stale.CommandText = "DELETE FROM aggregate_snapshots WHERE stream_id = @s AND fold <> @f";
            RelationalEventStore.AddParameter(stale, "@s", streamId);
            RelationalEventStore.AddParameter(stale, "@f", fold);
            await stale.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var (point, state) in snapshots)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO aggregate_snapshots (stream_id, fold, stream_version, position, recorded_at, effective_max, state) " +
                "VALUES (@s, @f, @v, @p, @t, @d, @state) ON CONFLICT (stream_id, fold, stream_version) DO NOTHING";
            RelationalEventStore.AddParameter(insert, "@s", point.StreamId);
            RelationalEventStore.AddParameter(insert, "@f", point.Fold);
            RelationalEventStore.AddParameter(insert, "@v", point.StreamVersion);
            RelationalEventStore.AddParameter(insert, "@p", point.Position);
            RelationalEventStore.AddParameter(insert, "@t", EventHashing.ToMicroseconds(point.RecordedAt));
            RelationalEventStore.AddParameter(insert, "@d", point.LatestEffectiveDate.ToString(DateFormat, CultureInfo.InvariantCulture));
            RelationalEventStore.AddParameter(insert, "@state", state);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
