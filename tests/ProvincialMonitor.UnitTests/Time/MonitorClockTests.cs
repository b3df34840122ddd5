using System.Globalization;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.UnitTests.Time;

/// <summary>
/// The monitor's one clock: Brussels' calendar around midnight and on the days the clocks change. The instants are
/// fixed on purpose (they are the cases: 2027's daylight saving days) and the clock under test is fixed with them, so
/// no case depends on the day the suite runs.
/// </summary>
public sealed class MonitorClockTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData("2027-03-31T23:30:00Z", "2027-04-01")] // half past midnight in Brussels (CEST)
    [InlineData("2026-12-05T23:12:00Z", "2026-12-06")] // 00:12 in Brussels (CET): the hour the suite once went red
    [InlineData("2026-12-05T22:59:59Z", "2026-12-05")]
    [InlineData("2027-03-28T00:59:59Z", "2027-03-28")] // 01:59:59 CET, just before the spring change
    [InlineData("2027-03-28T01:00:00Z", "2027-03-28")] // 03:00 CEST
    [InlineData("2027-10-30T22:00:00Z", "2027-10-31")] // midnight CEST before the autumn change
    [InlineData("2027-10-31T22:59:59Z", "2027-10-31")] // 23:59:59 CET
    [InlineData("2027-10-31T23:00:00Z", "2027-11-01")]
    public void Today_is_the_date_in_Brussels(string utc, string day)
    {
        var clock = new MonitorClock(new FixedTime(Utc(utc)));

        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), clock.Today);
        Assert.Equal(Utc(utc), clock.Now);
        Assert.Equal(clock.Today, MonitorClock.DateOf(clock.Now));
    }

    [Theory]
    [InlineData("2027-01-15", "2027-01-14T23:00:00Z")]
    [InlineData("2027-07-15", "2027-07-14T22:00:00Z")]
    [InlineData("2027-03-28", "2027-03-27T23:00:00Z")] // the day of the spring change starts in winter time
    [InlineData("2027-10-31", "2027-10-30T22:00:00Z")] // the day of the autumn change starts in summer time
    public void A_day_starts_at_midnight_in_Brussels(string day, string utc) =>
        Assert.Equal(Utc(utc), MonitorClock.StartOfDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-03-28T02:30:00", "2027-03-28T01:30:00Z")] // skipped in spring: read in winter time (03:30 CEST)
    [InlineData("2027-10-31T02:30:00", "2027-10-31T01:30:00Z")] // shown twice in autumn: the second, winter time
    [InlineData("2027-10-31T01:30:00", "2027-10-30T23:30:00Z")]
    [InlineData("2027-06-01T09:00:00", "2027-06-01T07:00:00Z")]
    public void A_wall_clock_time_in_Brussels_is_one_instant(string local, string utc) =>
        Assert.Equal(Utc(utc), MonitorClock.AtBrusselsTime(DateTime.Parse(local, CultureInfo.InvariantCulture)));

    [Fact]
    public void An_instant_in_Brussels_keeps_the_instant_and_shows_the_local_offset()
    {
        var instant = Utc("2027-07-01T10:00:00Z");
        var local = MonitorClock.InBrussels(instant);

        Assert.Equal(instant, local);
        Assert.Equal(TimeSpan.FromHours(2), local.Offset);
        Assert.Equal(12, local.Hour);
    }
}
