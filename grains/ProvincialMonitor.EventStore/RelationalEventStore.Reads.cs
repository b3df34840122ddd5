using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ProvincialMonitor.EventStore;

public abstract partial class RelationalEventStore
{
    private protected const string Columns =
        "position, stream_id, stream_version, event_id, event_type, data, metadata, effective_date, recorded_at, " +
        "provinces, domain, clusters, campaign, actor, source, prev_hash, hash";

    private const int PageSize = 1000;

    /// <summary>What the reads select <see cref="Columns"/> from: the log's table, or a view of it that has these columns.</summary>
    private protected virtual string Rows => "events";

    /// <summary>
    /// The condition that a row of <see cref="Rows"/> belongs to the stream named by the parameter <paramref name="stream"/>;
    /// a backend may use the version bounds (parameter names, or null) to read less of a long stream, and the caller
    /// applies them to the row as well.
    /// </summary>
    private protected virtual string StreamCondition(string stream, string? fromVersion, string? toVersion) => $"stream_id = {stream}";

    public async Task<StoredIdempotency?> FindIdempotencyAsync(string principal, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT request_hash, result FROM idempotency_keys WHERE principal = @p AND idempotency_key = @k";
        AddParameter(command, "@p", principal);
        AddParameter(command, "@k", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredIdempotency(principal, key, reader.GetString(0),
            JsonSerializer.Deserialize<AppendResult>(reader.GetString(1), JsonOptions)! with { Replayed = true });
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(stream_version) FROM {Rows} WHERE {StreamCondition("@s", null, null)}";
        AddParameter(command, "@s", streamId);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new StreamQuery();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        AddParameter(command, "@s", streamId);
        AddParameter(command, "@from", query.FromVersion);
        var to = query.ToVersion is { } last ? AddParameter(command, "@to", last) : null;
        var sql = new StringBuilder($"SELECT {Columns} FROM {Rows} WHERE {StreamCondition("@s", "@from", to)} AND stream_version >= @from");
        if (to is not null) sql.Append(" AND stream_version <= ").Append(to);
        if (query.RecordedUpTo is { } recorded)
            sql.Append(" AND recorded_at <= ").Append(AddParameter(command, "@recorded", EventHashing.ToMicroseconds(recorded)));
        if (query.EffectiveOnOrBefore is { } effective)
            sql.Append(" AND effective_date <= ").Append(AddParameter(command, "@effective", effective));
        sql.Append(" ORDER BY stream_version");
        command.CommandText = sql.ToString();
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {Rows} WHERE event_id = @id";
        AddParameter(command, "@id", EventIdValue(eventId));
        var events = await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : events[0];
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long fromPosition = 1, long? toPosition = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The next page is read while the caller works through this one, so that reading and (say) hashing or
        // folding overlap instead of taking turns.
        Task<List<RecordedEvent>>? next = ReadPageAsync(fromPosition - 1, toPosition, PageSize, cancellationToken);
        try
        {
            while (next is not null)
            {
                var page = await next.ConfigureAwait(false);
                next = page.Count < PageSize ? null : ReadPageAsync(page[^1].Position, toPosition, PageSize, cancellationToken);
                foreach (var e in page) yield return e;
            }
        }
        finally
        {
            // A caller that stops early leaves a read in flight: let it finish (and return its connection) unobserved.
            if (next is not null) _ = next.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public async IAsyncEnumerable<RecordedEvent> SubscribeAsync(long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        var position = afterPosition;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wake = Signal.Next;
            var page = await ReadPageAsync(position, null, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var e in page)
            {
                position = e.Position;
                yield return e;
            }

            if (page.Count < PageSize)
                await Task.WhenAny(wake, Task.Delay(Options.PollInterval, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task WhenAppendedAsync(CancellationToken cancellationToken)
    {
        var wake = Signal.Next; // before the first await: taken when called
        await WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAny(wake, Task.Delay(Options.PollInterval, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL listens before a subscription catches up; SQLite is woken in process.</summary>
    protected virtual Task WaitUntilListeningAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ChainHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ChainHead(reader.GetInt64(0), Convert.ToHexStringLower((byte[])reader[1]))
            : new ChainHead(0, EventHashing.GenesisHash);
    }

    public async Task<long> PositionRecordedByAsync(DateTimeOffset moment, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = PositionRecordedBySql;
        AddParameter(command, "@moment", EventHashing.ToMicroseconds(moment));
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } position and not DBNull
                ? Convert.ToInt64(position, System.Globalization.CultureInfo.InvariantCulture)
                : 0;
        }
        catch (Exception ex) when (ex is DbException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>A log query's statement: the rows meeting every condition and having every tag (kind, parameter), in position
    /// order; <paramref name="filters"/> repeats the conditions on a filter column or the position (see SqliteIndexedQueries).</summary>
    private protected virtual string LogQuerySql(IReadOnlyList<string> where, IReadOnlyList<(string Column, string Condition)> filters,
        IReadOnlyList<(string Kind, string Parameter)> tags, bool forwards, string limit)
    {
        var all = where.Concat(tags.Select(t => $"position IN (SELECT position FROM event_tags WHERE kind = '{t.Kind}' AND value = {t.Parameter})")).ToList();
        return $"SELECT {Columns} FROM {Rows}" + (all.Count > 0 ? " WHERE " + string.Join(" AND ", all) : "") +
               $" ORDER BY position {(forwards ? "ASC" : "DESC")} LIMIT {limit}";
    }

    /// <summary>The last position recorded at or before the parameter <c>@moment</c> (microseconds).</summary>
    private protected virtual string PositionRecordedBySql => // the (recorded_at, position) index read backwards: the first row
        "SELECT position FROM events WHERE recorded_at <= @moment ORDER BY recorded_at DESC, position DESC LIMIT 1";

    public async Task<LogPage> QueryAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        var filters = new List<(string Column, string Condition)>();
        var tags = new List<(string Kind, string Parameter)>();
        void Where(string condition) => where.Add(condition);
        void Filter(string column, string condition) // on a filter column or the position: see LogQuerySql
        {
            where.Add($"{column} {condition}");
            filters.Add((column, condition));
        }

        // Both bounds hold in both directions (forwards pages on with AfterPosition, backwards with BeforePosition).
        if (query.Direction == LogDirection.Forwards || query.AfterPosition > 0)
            Filter("position", $"> {AddParameter(command, "@after", query.AfterPosition)}");
        if (query.BeforePosition is { } before)
            Filter("position", $"< {AddParameter(command, "@before", before)}");
        if (query.StreamId is { } stream) Where(StreamCondition(AddParameter(command, "@stream", stream), null, null));
        if (query.StreamPrefix is { } prefix)
            Where($"substr(stream_id, 1, {AddParameter(command, "@prefixLength", prefix.Length)}) = {AddParameter(command, "@prefix", prefix)}");
        if (query.EventTypes is { Count: > 0 } types)
            Filter("event_type", $"IN ({string.Join(", ", types.Select((t, i) => AddParameter(command, $"@type{i}", t)))})");
        if (query.Province is { } province)
            tags.Add(("province", AddParameter(command, "@province", province)));
        if (query.Cluster is { } cluster)
            tags.Add(("cluster", AddParameter(command, "@cluster", cluster)));
        if (query.DecisionRef is { } decision)
            tags.Add(("decision", AddParameter(command, "@decision", decision)));
        if (query.Municipality is { } municipality)
            tags.Add(("municipality", AddParameter(command, "@municipality", municipality)));
        if (query.Domain is { } domain) Filter("domain", $"= {AddParameter(command, "@domain", domain)}");
        if (query.Campaign is { } campaign) Filter("campaign", $"= {AddParameter(command, "@campaign", campaign)}");
        if (query.Actor is { } actor) Filter("actor", $"= {AddParameter(command, "@actor", actor)}");
        if (query.Source is { } source) Filter("source", $"= {AddParameter(command, "@source", source)}");
        if (query.RecordedFrom is { } recordedFrom)
            Filter("recorded_at", $">= {AddParameter(command, "@recordedFrom", EventHashing.ToMicroseconds(recordedFrom))}");
        if (query.RecordedBefore is { } recordedBefore)
            Filter("recorded_at", $"< {AddParameter(command, "@recordedBefore", EventHashing.ToMicroseconds(recordedBefore))}");
        if (query.EffectiveFrom is { } effectiveFrom) Filter("effective_date", $">= {AddParameter(command, "@effectiveFrom", effectiveFrom)}");
        if (query.EffectiveTo is { } effectiveTo) Filter("effective_date", $"<= {AddParameter(command, "@effectiveTo", effectiveTo)}");
        command.CommandText = LogQuerySql(where, filters, tags, query.Direction == LogDirection.Forwards, AddParameter(command, "@limit", limit + 1));
        var events = await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        if (events.Count <= limit) return new LogPage(events, null);
        var page = events.Take(limit).ToArray();
        return new LogPage(page, page[^1].Position);
    }

    public async Task<VerificationResult> VerifyAsync(
        long fromPosition = 1,
        long? toPosition = null,
        ChainHead? receipt = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromPosition, 1);
        var startHash = EventHashing.GenesisHash;
        if (fromPosition > 1)
        {
            var before = await ReadPageAsync(fromPosition - 2, fromPosition - 1, 1, cancellationToken).ConfigureAwait(false);
            if (before.Count == 0 || before[0].Position != fromPosition - 1)
                return new VerificationResult(false, fromPosition - 1, null, fromPosition - 1, ChainBreak.Missing,
                    $"The event at position {fromPosition - 1}, where verification starts from, is missing.");
            startHash = before[0].Hash;
        }

        return await ChainVerifier.VerifyAsync(ReadAllAsync(fromPosition, toPosition, cancellationToken), fromPosition, startHash,
            toPosition, receipt, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<RecordedEvent>> ReadPageAsync(long afterPosition, long? toPosition, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var bound = toPosition is { } to ? $" AND position <= {AddParameter(command, "@to", to)}" : "";
        command.CommandText = $"SELECT {Columns} FROM {Rows} WHERE position > @after{bound} ORDER BY position LIMIT @limit";
        AddParameter(command, "@after", afterPosition);
        AddParameter(command, "@limit", limit);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Translate(ex);
        }
    }

    private async Task<List<RecordedEvent>> ReadEventsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await LogRows.ReadAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw Translate(ex);
        }
    }
}
