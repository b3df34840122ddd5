using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// A projection folded from the global log in position order, with its own checkpoint (by <see cref="Name"/>).
/// Deterministic: the same events give the same model, which is what makes a rebuild and a reload safe.
/// </summary>
public interface IProjectionModel
{
    /// <summary>The projection's name: its checkpoint and read models in the projection store.</summary>
    string Name { get; }

    /// <summary>The position of the last event folded.</summary>
    long Position { get; }

    /// <summary>
    /// Folds the next event. <paramref name="target"/> is, for a correction or retraction, the event it names as read
    /// from the store (<see cref="Amendments.TargetAsync"/>), when the caller folded that event too; null otherwise.
    /// </summary>
    void Apply(RecordedEvent recorded, RecordedEvent? target = null);

    /// <summary>The keys whose views changed since the last call.</summary>
    IReadOnlyCollection<string> TakeChanged();
}
