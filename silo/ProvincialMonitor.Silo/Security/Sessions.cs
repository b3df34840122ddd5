using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// Login sessions (docs/security.md "Sessions"). Every login gets a random id, which its cookie carries and the table
/// <c>login_sessions</c> keeps open or ended (beside the log, outside the hash chain, shared by the silos of a cluster).
/// A logout ends the session: every copy of its cookie is refused, and its hub connections and dashboard circuits are
/// closed; at once on the silo of the logout, within <see cref="CheckInterval"/> on the others.
/// </summary>
public sealed class Sessions(EventStoreConnector store, MonitorClock clock, ILogger<Sessions> logger) : BackgroundService
{
    /// <summary>The claim of the session id in the cookie's principal.</summary>
    public const string Claim = "provmon:session";

    /// <summary>How old this silo's knowledge of an open session may be; also how often its open connections are checked.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (bool Open, long CheckedAt)> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _connections = new(StringComparer.Ordinal);

    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(Claim);

    /// <summary>The principal with the session's claim added (at sign-in, and when a changed role renews the cookie).</summary>
    public static ClaimsPrincipal WithSession(ClaimsPrincipal principal, string sessionId)
    {
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Claim, sessionId));
        return principal;
    }

    /// <summary>A new open session of <paramref name="actorId"/>: 128 random bits.</summary>
    public async Task<string> StartAsync(string actorId, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await store.Credentials.StartSessionAsync(id, actorId, cancellationToken);
        _known[id] = (true, clock.Time.GetTimestamp());
        return id;
    }

    /// <summary>Ends the session in the store, then closes its connections on this silo.</summary>
    public async Task EndAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await store.Credentials.EndSessionAsync(sessionId, cancellationToken);
        Ended(sessionId);
    }

    /// <summary>
    /// Whether the session is open, as this silo learned it at most <see cref="CheckInterval"/> ago (an end on this
    /// silo is known at once). While the store cannot be reached, a session known as open stays open.
    /// </summary>
    public async Task<bool> IsOpenAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var known = _known.TryGetValue(sessionId, out var entry);
        if (known && (!entry.Open || clock.Time.GetElapsedTime(entry.CheckedAt) < CheckInterval)) return entry.Open;
        try
        {
            return await CheckAsync(sessionId, cancellationToken);
        }
        catch (Exception ex) when (known && Api.Unavailability.IsUnavailable(ex))
        {
            logger.LogWarning("The store is unavailable: session {Session} stays open as last seen ({Reason})", Short(sessionId), ex.GetBaseException().Message);
            return true;
        }
    }

    /// <summary>Asks the store; an ended session's connections on this silo are closed.</summary>
    private async Task<bool> CheckAsync(string sessionId, CancellationToken cancellationToken)
    {
        var open = await store.Credentials.IsSessionOpenAsync(sessionId, cancellationToken);
        if (open) _known[sessionId] = (true, clock.Time.GetTimestamp());
        else Ended(sessionId);
        return open;
    }

    private void Ended(string sessionId)
    {
        _known[sessionId] = (false, clock.Time.GetTimestamp());
        if (!_connections.TryRemove(sessionId, out var connections)) return;
        logger.LogInformation("Session {Session} ended: closing its {Count} connection(s)", Short(sessionId), connections.Count);
        foreach (var connection in connections.Values) connection.Abort();
    }

    /// <summary>A hub connection (the indicators hub, or a dashboard circuit's) of a cookie session, closed when the session ends.</summary>
    internal void Opened(HubCallerContext connection)
    {
        if (connection.User is null || IdOf(connection.User) is not { } sessionId) return;
        _connections.GetOrAdd(sessionId, _ => new ConcurrentDictionary<string, HubCallerContext>(StringComparer.Ordinal))[connection.ConnectionId] = connection;
        // Ended between the cookie's check and this moment: close it now rather than at the next round.
        if (_known.TryGetValue(sessionId, out var entry) && !entry.Open) Ended(sessionId);
    }

    internal void Closed(HubCallerContext connection)
    {
        if (connection.User is not null && IdOf(connection.User) is { } sessionId && _connections.TryGetValue(sessionId, out var connections))
            connections.TryRemove(connection.ConnectionId, out _);
    }

    /// <summary>Every <see cref="CheckInterval"/>: asks the store about the sessions with connections here, and forgets sessions not seen for a while.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, clock.Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (sessionId, connections) in _connections)
            {
                if (connections.IsEmpty)
                {
                    _connections.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, HubCallerContext>>(sessionId, connections));
                    continue;
                }
                try
                {
                    await CheckAsync(sessionId, stoppingToken);
                }
                catch (Exception ex) when (Api.Unavailability.IsUnavailable(ex))
                {
                    logger.LogWarning("The store is unavailable: the open connections' sessions are checked again in {Interval}", CheckInterval);
                    break;
                }
            }
            foreach (var (sessionId, entry) in _known)
                if (clock.Time.GetElapsedTime(entry.CheckedAt) > 4 * CheckInterval && !_connections.ContainsKey(sessionId))
                    _known.TryRemove(sessionId, out _);
        }
    }

    /// <summary>Enough of an id to follow it in the log, not enough to be it.</summary>
    private static string Short(string sessionId) => sessionId[..Math.Min(8, sessionId.Length)];
}

/// <summary>Tells <see cref="Sessions"/> which hub connections (every hub's, Blazor's circuits included) belong to which session.</summary>
internal sealed class SessionConnections(Sessions sessions) : IHubFilter
{
    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        sessions.Opened(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        sessions.Closed(context.Context);
        return next(context, exception);
    }
}
