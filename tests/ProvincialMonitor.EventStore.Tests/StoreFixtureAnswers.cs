using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ProvincialMonitor.EventStore.Tests;

/// <summary>
/// What a fixture's store answered when it was written (expected.json): the same on both backends. <see cref="Values"/>
/// holds, for each filter, every value the log has and the positions that filter answers for it.
/// </summary>
public sealed record ExpectedAnswers(
    long Events,
    IReadOnlyList<QueryAnswer> Queries,
    IReadOnlyDictionary<string, SortedDictionary<string, string>> Values,
    IReadOnlyList<KeyAnswer> Keys,
    IReadOnlyList<string> Logins,
    IReadOnlyList<string> ApiKeys);

/// <summary>
/// A filtered log query and its answer: the total over every page, the positions (as runs), a SHA-256 of the
/// "position eventId" lines, and the first page of the query's own size with where the next one starts.
/// </summary>
public sealed record QueryAnswer(string Name, LogQuery Query, long Total, string Positions, string EventIds, IReadOnlyList<string> FirstPage, long? Next);

/// <summary>An idempotency key and the first result it was given.</summary>
public sealed record KeyAnswer(string Principal, string Key, string StreamId, long FromPosition, long ToPosition, IReadOnlyList<Guid> EventIds);

public static class StoreFixtureAnswers
{
    private const int PageSize = 20;

    public static async Task<QueryAnswer> AnswerAsync(IEventStore store, string name, LogQuery query)
    {
        var first = await store.QueryAsync(query);
        var all = new List<RecordedEvent>();
        for (var page = query with { Limit = 1_000 }; ;)
        {
            var result = await store.QueryAsync(page);
            all.AddRange(result.Events);
            if (result.NextPosition is not { } next) break;
            page = query.Direction == LogDirection.Forwards ? page with { AfterPosition = next } : page with { BeforePosition = next };
        }
        var lines = string.Concat(all.Select(Line).Select(line => line + "\n"));
        return new QueryAnswer(name, query, all.Count, StoreFixture.Runs([.. all.Select(e => e.Position)]),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))), [.. first.Events.Select(Line)], first.NextPosition);
    }

    private static string Line(RecordedEvent e) => $"{e.Position.ToString(CultureInfo.InvariantCulture)} {e.EventId:D}";

    public static async Task<KeyAnswer> KeyAsync(IEventStore store, string principal, string key)
    {
        var found = await store.FindIdempotencyAsync(principal, key) ?? throw new InvalidOperationException($"no idempotency key {principal}/{key}");
        return new KeyAnswer(principal, key, found.Result.StreamId, found.Result.FromPosition, found.Result.ToPosition, found.Result.EventIds);
    }

    /// <summary>The filters of <see cref="ExpectedAnswers.Values"/>, each as the query of one value.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, LogQuery>> Filters = new Dictionary<string, Func<string, LogQuery>>
    {
        ["province"] = v => new LogQuery { Province = v },
        ["cluster"] = v => new LogQuery { Cluster = v },
        ["decision"] = v => new LogQuery { DecisionRef = v },
        [EventTagRows.Municipality] = v => new LogQuery { Municipality = v },
        ["stream"] = v => new LogQuery { StreamId = v },
        ["type"] = v => new LogQuery { EventTypes = [v] },
        ["domain"] = v => new LogQuery { Domain = v },
        ["campaign"] = v => new LogQuery { Campaign = v },
        ["actor"] = v => new LogQuery { Actor = v },
        ["source"] = v => new LogQuery { Source = v },
    };

    /// <summary>The answers of a store to the queries, values and keys given (those of the expected file, or newly chosen).</summary>
    public static async Task<ExpectedAnswers> AnswersAsync(RelationalEventStore store, IReadOnlyList<QueryAnswer> queries,
        IReadOnlyDictionary<string, SortedDictionary<string, string>> values, IReadOnlyList<KeyAnswer> keys)
    {
        var answered = new List<QueryAnswer>();
        foreach (var q in queries) answered.Add(await AnswerAsync(store, q.Name, q.Query));
        var valued = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (filter, byValue) in values)
        {
            valued[filter] = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in byValue.Keys) valued[filter][value] = (await AnswerAsync(store, value, Filters[filter](value) with { Limit = 1 })).Positions;
        }
        var keyed = new List<KeyAnswer>();
        foreach (var k in keys) keyed.Add(await KeyAsync(store, k.Principal, k.Key));
        return new ExpectedAnswers(
            (await store.GetHeadAsync()).Position, answered, valued, keyed,
            [.. (await store.Credentials.ListUsersAsync()).Select(u => u.Login ?? u.ActorId).Order(StringComparer.Ordinal)],
            [.. (await store.Credentials.ListApiKeysAsync()).Select(k => k.KeyId).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The queries a new fixture pins, chosen from its log: every province, cluster and source, the most and the least
    /// frequent decision references, municipalities, streams, types, domains, campaigns and actors, cursors both ways,
    /// a range of effective dates and a combination.
    /// </summary>
    public static async Task<IReadOnlyList<QueryAnswer>> ChooseQueriesAsync(IEventStore store)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync()) events.Add(e);
        var middle = events[events.Count / 2].Position;
        var tags = events.SelectMany(EventTagRows.Of).ToList();
        var queries = new List<(string, LogQuery)>
        {
            ("all", new LogQuery { Limit = PageSize }),
            ("all backwards", new LogQuery { Direction = LogDirection.Backwards, Limit = PageSize }),
            ("after the middle", new LogQuery { AfterPosition = middle, Limit = PageSize }),
            ("before the middle, backwards", new LogQuery { BeforePosition = middle, Direction = LogDirection.Backwards, Limit = PageSize }),
            ("stream prefix project-", new LogQuery { StreamPrefix = "project-", Limit = PageSize }),
        };
        foreach (var v in Every(tags.Where(t => t.Kind == "province").Select(t => t.Value)))
        {
            queries.Add(($"province {v}", new LogQuery { Province = v, Limit = PageSize }));
            queries.Add(($"province {v} after the middle", new LogQuery { Province = v, AfterPosition = middle, Limit = PageSize }));
        }
        foreach (var v in Every(tags.Where(t => t.Kind == "cluster").Select(t => t.Value)))
            queries.Add(($"cluster {v}", new LogQuery { Cluster = v, Limit = PageSize }));
        foreach (var v in Every(events.Select(e => e.Tags.Source)))
            queries.Add(($"source {v}", new LogQuery { Source = v, Limit = PageSize }));
        foreach (var v in Some(tags.Where(t => t.Kind == "decision").Select(t => t.Value)))
            queries.Add(($"decision {v}", new LogQuery { DecisionRef = v, Limit = PageSize }));
        foreach (var v in Some(tags.Where(t => t.Kind == EventTagRows.Municipality).Select(t => t.Value)))
            queries.Add(($"municipality {v}", new LogQuery { Municipality = v, Limit = PageSize }));
        foreach (var v in Some(events.Select(e => e.StreamId)))
            queries.Add(($"stream {v}", new LogQuery { StreamId = v, Limit = PageSize }));
        foreach (var v in Some(events.Select(e => e.Tags.Domain).OfType<string>()))
            queries.Add(($"domain {v}", new LogQuery { Domain = v, Limit = PageSize }));
        foreach (var v in Some(events.Select(e => e.Tags.Campaign).OfType<string>()))
            queries.Add(($"campaign {v}", new LogQuery { Campaign = v, Limit = PageSize }));
        foreach (var v in Some(events.Select(e => e.Tags.Actor)))
            queries.Add(($"actor {v}", new LogQuery { Actor = v, Limit = PageSize }));
        var types = Frequent(events.Select(e => e.EventType)).Take(2).ToList();
        queries.Add(($"types {string.Join(" ", types)}", new LogQuery { EventTypes = types, Limit = PageSize }));
        var dates = events.Select(e => e.EffectiveDate).Order().ToList();
        queries.Add(("effective in the middle half", new LogQuery { EffectiveFrom = dates[dates.Count / 4], EffectiveTo = dates[dates.Count * 3 / 4], Limit = PageSize }));
        var province = Frequent(tags.Where(t => t.Kind == "province").Select(t => t.Value)).First();
        var domain = Frequent(events.Where(e => e.Tags.Provinces.Contains(province)).Select(e => e.Tags.Domain).OfType<string>()).First();
        queries.Add(($"province {province}, domain {domain}, effective from the middle date, backwards", new LogQuery
        {
            Province = province, Domain = domain, EffectiveFrom = dates[dates.Count / 2], Direction = LogDirection.Backwards, Limit = 5,
        }));
        return [.. queries.Select(q => new QueryAnswer(q.Item1, q.Item2, 0, "", "", [], null))];
    }

    /// <summary>Every value of each filter in the log (the positions left empty: <see cref="AnswersAsync"/> fills them in).</summary>
    public static async Task<IReadOnlyDictionary<string, SortedDictionary<string, string>>> ChooseValuesAsync(IEventStore store)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync()) events.Add(e);
        var tags = events.SelectMany(EventTagRows.Of).ToList();
        var found = new Dictionary<string, IEnumerable<string>>
        {
            ["stream"] = events.Select(e => e.StreamId),
            ["type"] = events.Select(e => e.EventType),
            ["domain"] = events.Select(e => e.Tags.Domain).OfType<string>(),
            ["campaign"] = events.Select(e => e.Tags.Campaign).OfType<string>(),
            ["actor"] = events.Select(e => e.Tags.Actor),
            ["source"] = events.Select(e => e.Tags.Source),
        };
        foreach (var kind in tags.Select(t => t.Kind).Distinct()) found[kind] = tags.Where(t => t.Kind == kind).Select(t => t.Value);
        return Filters.Keys.ToDictionary(filter => filter,
            filter => new SortedDictionary<string, string>(found.GetValueOrDefault(filter, []).Distinct().ToDictionary(v => v, _ => ""), StringComparer.Ordinal));
    }

    /// <summary>The first two and the last three keys recorded (read from SQLite's table: only when a fixture is written).</summary>
    public static async Task<IReadOnlyList<KeyAnswer>> ChooseKeysAsync(string sqliteFile)
    {
        await using var connection = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT principal, idempotency_key FROM idempotency_keys ORDER BY position";
        var keys = new List<KeyAnswer>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) keys.Add(new KeyAnswer(reader.GetString(0), reader.GetString(1), "", 0, 0, []));
        return [.. keys.Take(2).Concat(keys.Skip(Math.Max(2, keys.Count - 3)))];
    }

    private static IEnumerable<string> Frequent(IEnumerable<string> values) =>
        values.CountBy(v => v).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key);

    private static IEnumerable<string> Every(IEnumerable<string> values) => values.Distinct().Order(StringComparer.Ordinal);

    /// <summary>The three most frequent values and the least frequent one.</summary>
    private static IEnumerable<string> Some(IEnumerable<string> values)
    {
        var ranked = Frequent(values).ToList();
        return ranked.Take(3).Concat(ranked.Skip(3).TakeLast(1));
    }
}
