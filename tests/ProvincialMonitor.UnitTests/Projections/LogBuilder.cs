using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>Recorded events as the store would give them, numbered in order, for projections to fold.</summary>
internal sealed class LogBuilder
{
    private readonly List<RecordedEvent> _events = [];
    private readonly Dictionary<string, long> _versions = [];

    public IReadOnlyList<RecordedEvent> Events => _events;

    public Guid Add(string stream, IDomainEvent e, DateOnly effective, string[]? provinces = null, DateTimeOffset? recordedAt = null)
    {
        var id = Guid.CreateVersion7();
        var version = _versions[stream] = _versions.GetValueOrDefault(stream) + 1;
        _events.Add(new RecordedEvent(_events.Count + 1, stream, version, id, EventTypes.NameOf(e), CanonicalJson.Canonicalize(EventJson.Serialize(e)), "{}",
            effective, recordedAt ?? new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), new EventTags("u-1", "api", provinces ?? []), "", ""));
        return id;
    }

    /// <summary>Folds the events from <paramref name="from"/> (an index) into the model as a projector does: a correction or retraction with the event it names.</summary>
    public void FoldInto(IProjectionModel model, int from = 0)
    {
        foreach (var e in _events.Skip(from))
            model.Apply(e, Amendments.TargetOf(e) is { } id ? _events.FirstOrDefault(t => t.EventId == id) : null);
    }
}
