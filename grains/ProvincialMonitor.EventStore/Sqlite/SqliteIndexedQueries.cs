namespace ProvincialMonitor.EventStore.Sqlite;

/// <summary>
/// The reads that take the indexes behind the log (<see cref="SqliteIndexer"/>) up to their checkpoints and the log after
/// them, each in one statement, so one snapshot of the log, the indexes and the checkpoints.
/// </summary>
internal static class SqliteIndexedQueries
{
    /// <summary>The tag rows' and filter columns' checkpoint.</summary>
    public const string CheckpointSql = "(SELECT position FROM event_index_checkpoint)";

    /// <summary>The stream index's checkpoint.</summary>
    public const string StreamCheckpointSql = "(SELECT stream_position FROM event_index_checkpoint)";

    /// <summary>
    /// That the event at <c>position</c> has the tag (<paramref name="kind"/>, the value of <paramref name="parameter"/>):
    /// its tag rows, or, after the checkpoint, the same rule as <see cref="EventTagRows"/> applied to the row.
    /// </summary>
    private static string TagFilter(string kind, string parameter) =>
        $"position IN (SELECT position FROM event_tags WHERE kind = '{kind}' AND value = {parameter} UNION ALL {TailRule(kind, parameter)})";

    private static string TailRule(string kind, string parameter) => kind switch
    {
        "province" => $"SELECT t.position FROM events t, json_each(t.provinces) j WHERE t.position > {CheckpointSql} AND j.value = {parameter}",
        "cluster" => $"SELECT t.position FROM events t, json_each(t.clusters) j WHERE t.position > {CheckpointSql} AND j.value = {parameter}",
        "decision" => $"SELECT t.position FROM events t WHERE t.position > {CheckpointSql} AND {parameter} <> '' AND instr(t.metadata, '\"decisionRef\"') > 0 " +
                      $"AND json_type(t.metadata, '$.decisionRef') = 'text' AND json_extract(t.metadata, '$.decisionRef') = {parameter}",
        EventTagRows.Municipality =>
            $"SELECT t.position FROM events t WHERE t.position > {CheckpointSql} AND {parameter} <> '' AND instr(t.data, '\"municipality\"') > 0 " +
            $"AND json_type(t.data, '$.municipality') = 'text' AND json_extract(t.data, '$.municipality') = {parameter} " +
            $"UNION ALL SELECT t.position FROM events t, json_each(t.data, '$.municipalities') j WHERE t.position > {CheckpointSql} AND {parameter} <> '' " +
            $"AND instr(t.data, '\"municipalities\"') > 0 AND json_type(t.data, '$.municipalities') = 'array' AND j.type = 'text' AND j.value = {parameter}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of tag row"),
    };

    /// <summary>
    /// A log query's statement (<see cref="RelationalEventStore"/>'s <c>LogQuerySql</c>), one statement, so one snapshot of
    /// the log, the index and the checkpoint. Without a condition on a filter column: the log's rows in order, each tag a
    /// list of positions (<see cref="TagFilter"/>). With one: two parts merged in position order, <c>event_filters</c> up
    /// to the checkpoint walked along the column's index (its columns are prefixed <c>f_</c>, so that the conditions' bare
    /// names are the log row's), each tag a probe of its tag row; and the log after the checkpoint, each tag by its rule.
    /// Both parts apply every condition to the log's row.
    /// </summary>
    public static string LogQuerySql(string columns, IReadOnlyList<string> where, IReadOnlyList<(string Column, string Condition)> filters,
        IReadOnlyList<(string Kind, string Parameter)> tags, bool forwards, string limit)
    {
        var order = $" ORDER BY position {(forwards ? "ASC" : "DESC")} LIMIT {limit}";
        if (!filters.Any(f => f.Column != "position"))
        {
            var all = where.Concat(tags.Select(t => TagFilter(t.Kind, t.Parameter))).ToList();
            return $"SELECT {columns} FROM event_rows" + (all.Count > 0 ? " WHERE " + string.Join(" AND ", all) : "") + order;
        }
        var rowColumns = string.Join(", ", columns.Split(", ").Skip(1).Select(c => "e." + c));
        var indexed = filters.Select(f => $"f.f_{f.Column} {f.Condition}").Prepend($"f.f_position <= {CheckpointSql}").Concat(where)
            .Concat(tags.Select(t => $"EXISTS (SELECT 1 FROM event_tags g WHERE g.kind = '{t.Kind}' AND g.value = {t.Parameter} AND g.position = e.position)"));
        var tail = where.Prepend($"position > {CheckpointSql}").Concat(tags.Select(t => $"position IN ({TailRule(t.Kind, t.Parameter)})"));
        return $"SELECT f.f_position AS position, {rowColumns} FROM event_filters f CROSS JOIN event_rows e ON e.position = f.f_position " +
               $"WHERE {string.Join(" AND ", indexed)} UNION ALL SELECT {columns} FROM event_rows WHERE {string.Join(" AND ", tail)}" + order;
    }

    /// <summary>
    /// That a row of <c>event_rows</c> belongs to the stream named by <paramref name="stream"/>: its positions in the stream
    /// index up to the checkpoint (within the version bounds, where given) and in the log after it, read by the stream's
    /// number. The row's own stream id is compared as well (without its index, so that the positions lead the query).
    /// </summary>
    public static string StreamCondition(string stream, string? fromVersion, string? toVersion)
    {
        var number = $"(SELECT n.stream_no FROM streams n WHERE n.stream_id = {stream})";
        var bounds = (fromVersion is null ? "" : $" AND i.stream_version >= {fromVersion}") + (toVersion is null ? "" : $" AND i.stream_version <= {toVersion}");
        return $"+stream_id = {stream} AND position IN (SELECT i.position FROM stream_index i WHERE i.stream_no = {number}{bounds} " +
               $"UNION ALL SELECT t.position FROM events t WHERE t.position > {StreamCheckpointSql} AND t.stream_no = {number})";
    }

    /// <summary>The last position recorded at or before <c>@moment</c>: from the filter index up to the checkpoint, or the log after it.</summary>
    public const string PositionRecordedBySql =
        "SELECT MAX(p) FROM (SELECT (SELECT f_position FROM event_filters WHERE f_recorded_at <= @moment ORDER BY f_recorded_at DESC, f_position DESC LIMIT 1) AS p " +
        $"UNION ALL SELECT (SELECT position FROM events WHERE position > {CheckpointSql} AND recorded_at <= @moment ORDER BY position DESC LIMIT 1))";
}
