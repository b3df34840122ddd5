namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The clock the projections tell "today" by (Brussels' day in the figures, and the push at midnight). A type of its
/// own beside the silo's <see cref="TimeProvider"/>: Orleans takes that one from the same services for its membership
/// and timers, so a test that moves the projections' day past midnight must not move Orleans' clock with it.
/// </summary>
public sealed class ProjectionClock(TimeProvider time)
{
    /// <summary>The system's clock.</summary>
    public static readonly ProjectionClock System = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;
}
