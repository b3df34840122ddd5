using System.Collections.Concurrent;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// A delay per login after repeated failed logins (docs/security.md "Login throttling, forwarded headers and
/// cookies"), beside the limit per client address. The first <see cref="FreeFailures"/> failures in a row cost
/// nothing; after that the next attempt for the same login must wait <see cref="FirstDelay"/>, twice as long after
/// each further failure, at most <see cref="MaxDelay"/>. An attempt made while waiting is refused without checking
/// the password and does not lengthen the wait. A successful login resets the count, and so does
/// <see cref="ForgetAfter"/> without failures. Unknown logins count as well (so that a refusal says nothing about
/// whether a login exists). Kept in this silo's memory: every silo of a cluster counts for itself.
/// </summary>
public sealed class LoginThrottle(MonitorClock clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(15);

    /// <summary>Logins counted at most; beyond it, those without a failure for <see cref="MaxDelay"/> are forgotten first.</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.Ordinal);

    /// <summary>The wait after <paramref name="failures"/> failures in a row: none, then 2 s, 4 s, 8 s, … up to 2 minutes.</summary>
    public static TimeSpan DelayAfter(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : failures - FreeFailures >= 16 ? MaxDelay
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << (failures - FreeFailures)));

    /// <summary>How long an attempt for this login must still wait; zero when it may be checked now.</summary>
    public TimeSpan WaitFor(string login)
    {
        if (!_failures.TryGetValue(Key(login), out var entry)) return TimeSpan.Zero;
        var left = entry.Last + DelayAfter(entry.Failures) - clock.Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string login)
    {
        var now = clock.Now;
        _failures.AddOrUpdate(Key(login), (1, now), (_, entry) => (now - entry.Last > ForgetAfter ? 1 : entry.Failures + 1, now));
        if (_failures.Count > MaxTracked)
            foreach (var (key, entry) in _failures)
                if (now - entry.Last > MaxDelay) _failures.TryRemove(key, out _);
    }

    public void Succeeded(string login) => _failures.TryRemove(Key(login), out _);

    /// <summary>As the credential table compares logins: without surrounding spaces and case.</summary>
    private static string Key(string login) => login.Trim().ToLowerInvariant();
}
