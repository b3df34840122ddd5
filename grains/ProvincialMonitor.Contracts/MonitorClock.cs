namespace ProvincialMonitor.Contracts;

/// <summary>
/// The monitor's one clock: the instant, and the calendar of Brussels that every date of the product is in (docs/domain.md:
/// "today" is Brussels' day). Every product path and every test takes "now" and "today" from it; the build refuses
/// <c>DateTime.Now</c>, <c>UtcNow</c>, <c>Today</c>, <c>DateTimeOffset.Now</c>, <c>UtcNow</c>, <c>TimeProvider.System</c>
/// and a time zone looked up by name anywhere else (BannedSymbols.txt).
/// </summary>
/// <remarks>
/// A type of its own rather than the <see cref="TimeProvider"/> it wraps: Orleans takes a <see cref="TimeProvider"/>
/// from the same services for its membership and timers, so a test that moves the monitor's day past midnight must
/// not move Orleans' clock with it. Registered once per host (<c>SiloHosting.AddEventStore</c>, a host that registered
/// its own first keeps it).
/// </remarks>
public sealed class MonitorClock(TimeProvider time)
{
#pragma warning disable RS0030 // the one place the system's clock and Brussels' zone are named
    /// <summary>The system's clock.</summary>
    public static MonitorClock System { get; } = new(TimeProvider.System);

    /// <summary>Europe/Brussels, with its daylight saving time.</summary>
    public static TimeZoneInfo Brussels { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
#pragma warning restore RS0030

    /// <summary>The time source underneath, for timers and APIs that take a <see cref="TimeProvider"/>.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The instant, in UTC.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today's date in Brussels.</summary>
    public DateOnly Today => DateOf(Now);

    /// <summary>An instant as Brussels' wall clock shows it (with Brussels' offset at that instant).</summary>
    public static DateTimeOffset InBrussels(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Brussels);

    /// <summary>The calendar day in Brussels of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(InBrussels(instant).DateTime);

    /// <summary>
    /// A wall-clock time in Brussels as an instant. A time that the clocks skip or show twice is read with winter's
    /// offset: 02:30 on the last Sunday of March is 03:30 summer time, and 02:30 on the last Sunday of October the
    /// second 02:30.
    /// </summary>
    public static DateTimeOffset AtBrusselsTime(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local));
    }

    /// <summary>A time of day on a date in Brussels as an instant (see <see cref="AtBrusselsTime(DateTime)"/>).</summary>
    public static DateTimeOffset AtBrusselsTime(DateOnly day, TimeOnly time) => AtBrusselsTime(day.ToDateTime(time));

    /// <summary>The first instant of a day in Brussels (midnight: Brussels never changes its clocks at midnight).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => AtBrusselsTime(day, TimeOnly.MinValue);
}
