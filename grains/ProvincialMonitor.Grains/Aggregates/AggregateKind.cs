using System.Text.Json;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Aggregates;

/// <summary>
/// A kind of aggregate (<see cref="CommandKind"/>: its name, Dutch name and streams) with its decider and state: read as of a
/// moment, replayed step by step, or handed to an <see cref="IVisitor{TResult}"/> that needs its types (the import's dry run).
/// </summary>
public sealed class AggregateKind
{
    private readonly IFolder _folder;

    private AggregateKind(CommandKind kind, IFolder folder)
    {
        Kind = kind;
        _folder = folder;
    }

    public CommandKind Kind { get; }

    public string Name => Kind.Name;

    public string StreamIdOf(string key) => _folder.StreamId(key);

    /// <summary>A kind with its decider and state (<see cref="AggregateKinds"/> pairs every kind with its types).</summary>
    public static AggregateKind For<TState, TCommand, TDecider>(CommandKind kind, Func<TState, object>? view = null)
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand> =>
        kind.CommandBase == typeof(TCommand)
            ? new AggregateKind(kind, new Folder<TState, TCommand, TDecider>(view))
            : throw new InvalidOperationException($"{kind.Name} takes {kind.CommandBase.Name}, not {typeof(TCommand).Name}.");

    /// <summary>Something done with an aggregate kind's types.</summary>
    public interface IVisitor<out TResult>
    {
        TResult Visit<TState, TCommand, TDecider>()
            where TCommand : Command
            where TDecider : IDecider<TState, TCommand>;
    }

    public TResult Accept<TResult>(IVisitor<TResult> visitor) => _folder.Accept(visitor);

    /// <summary>
    /// The state after folding the stream's events that the query includes, in position order. With
    /// <paramref name="snapshots"/>, the fold starts from the latest snapshot whose events the query includes, every
    /// one of them, and reads only the stream after it; it keeps new snapshots along what it folded.
    /// </summary>
    public async Task<HistoricalState> AsOfAsync(IEventStore store, string key, AsOfQuery query, AggregateSnapshots? snapshots = null,
        CancellationToken cancellationToken = default)
    {
        var streamId = StreamIdOf(key);
        var start = snapshots is null ? null : await snapshots.FindAsync(streamId, query, cancellationToken);
        var known = start?.StreamVersion ?? 0;
        List<RecordedEvent>? events = null;
        object? state = null;
        if (start is not null)
        {
            events = await ReadAsync(store, streamId, query, start.StreamVersion + 1, cancellationToken);
            // A correction or retraction folds every fact of the stream again, and a snapshot keeps the state alone.
            if (!events.Exists(Amendments.IsAmendment)) state = await snapshots!.StateAsync(start, _folder.Decode, cancellationToken);
            if (state is null) start = null;
        }
        if (start is null) events = await ReadAsync(store, streamId, query, 1, cancellationToken);
        if (events!.Count == 0 && start is null) return new HistoricalState(false, 0, 0, _folder.InitialJson(key));

        var capture = snapshots is null ? null : new SnapshotCapture(streamId, snapshots.Every, known);
        var (exists, json, view) = _folder.Fold(key, start, state, events, capture);
        if (capture is { Taken.Count: > 0 }) await snapshots!.SaveAsync(capture.Taken, cancellationToken);
        return new HistoricalState(exists, (start?.StreamVersion ?? 0) + events.Count, events.Count > 0 ? events[^1].Position : start!.Position, json, view);
    }

    private static async Task<List<RecordedEvent>> ReadAsync(IEventStore store, string streamId, AsOfQuery query, long fromVersion,
        CancellationToken cancellationToken) =>
        (await store.ReadStreamAsync(streamId, new StreamQuery(fromVersion, RecordedUpTo: query.RecordedUpTo, EffectiveOnOrBefore: query.EffectiveOn),
            cancellationToken)).Where(query.Includes).ToList();

    /// <summary>Every event of the stream with the state after it.</summary>
    public async Task<IReadOnlyList<ReplayStep>> ReplayAsync(IEventStore store, string key, CancellationToken cancellationToken = default) =>
        [.. _folder.Steps(key, await store.ReadStreamAsync(StreamIdOf(key), cancellationToken: cancellationToken))];

    /// <summary>
    /// The snapshots a fold takes on its way: after every <paramref name="every"/>-th event of the stream past
    /// <paramref name="after"/>, as long as it has folded every event of the stream before that one.
    /// </summary>
    private sealed class SnapshotCapture(string streamId, int every, long after)
    {
        public List<(StreamSnapshot Snapshot, object State)> Taken { get; } = [];

        public bool Wants(long version) => version > after && version % every == 0;

        public void Take(RecordedEvent last, DateOnly latestEffective, object state, string json) =>
            Taken.Add((new StreamSnapshot(new SnapshotPoint(streamId, AggregateSnapshots.Fold, last.StreamVersion, last.Position, last.RecordedAt,
                latestEffective), json), state));
    }

    private interface IFolder
    {
        string StreamId(string key);

        TResult Accept<TResult>(IVisitor<TResult> visitor);

        string InitialJson(string key);

        /// <summary>A snapshot's state from its JSON.</summary>
        object Decode(string json);

        /// <summary>Folds <paramref name="events"/> from the snapshot's state (or from the start) and shows the state once, and as its view.</summary>
        (bool Exists, string StateJson, object? View) Fold(string key, SnapshotPoint? start, object? state, IReadOnlyList<RecordedEvent> events, SnapshotCapture? capture);

        IEnumerable<ReplayStep> Steps(string key, IEnumerable<RecordedEvent> events);
    }

    private sealed class Folder<TState, TCommand, TDecider>(Func<TState, object>? view) : IFolder
        where TCommand : Command
        where TDecider : IDecider<TState, TCommand>
    {
        public string StreamId(string key) => TDecider.StreamId(key);

        public TResult Accept<TResult>(IVisitor<TResult> visitor) => visitor.Visit<TState, TCommand, TDecider>();

        public string InitialJson(string key) => Show(TDecider.Initial(key).State);

        public object Decode(string json) => JsonSerializer.Deserialize<TState>(json, StateFold.StateJson)!;

        public (bool Exists, string StateJson, object? View) Fold(string key, SnapshotPoint? start, object? state, IReadOnlyList<RecordedEvent> events, SnapshotCapture? capture)
        {
            // From a snapshot, the history has no facts: the caller folds from the start when the events amend any.
            var history = start is null ? TDecider.Initial(key) : new History<TState>((TState)state!, [], start.StreamVersion);
            var next = (start?.StreamVersion ?? 0) + 1;
            var latestEffective = start?.LatestEffectiveDate ?? DateOnly.MinValue;
            foreach (var e in events)
            {
                history = StateFold.Apply<TState, TCommand, TDecider>(history, e, out _);
                // Snapshots only along the stream's first events without a gap (none left out by the query).
                if (capture is null || e.StreamVersion != next) continue;
                next++;
                if (e.EffectiveDate > latestEffective) latestEffective = e.EffectiveDate;
                if (capture.Wants(e.StreamVersion)) capture.Take(e, latestEffective, history.State!, Show(history.State));
            }
            // Fold, then show the state once: the replay's steps show it after every event (quadratic in the stream's length).
            var exists = TDecider.Exists(history.State);
            return (exists, Show(history.State), exists ? view?.Invoke(history.State) : null);
        }

        public IEnumerable<ReplayStep> Steps(string key, IEnumerable<RecordedEvent> events)
        {
            var history = TDecider.Initial(key);
            foreach (var e in events)
            {
                history = StateFold.Apply<TState, TCommand, TDecider>(history, e, out _);
                yield return new ReplayStep(e, TDecider.Exists(history.State), Show(history.State));
            }
        }

        private static string Show(TState state) => JsonSerializer.Serialize(state, StateFold.StateJson);
    }
}
