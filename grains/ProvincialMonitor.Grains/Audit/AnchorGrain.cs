using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>Where anchors go, with which key, and how often (README "Anchors").</summary>
public sealed record AnchorSettings(string Folder, string PrivateKeyFile, TimeSpan Interval)
{
    /// <summary>Further folders each anchor is also written to; verification reads them all.</summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];
}

/// <summary>Writes the chain head to the anchor sink (key <c>anchor</c>): on its reminder, and at start when an anchor is overdue.</summary>
public interface IAnchorGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder and writes an anchor now when the newest one is older than the interval.</summary>
    Task Start();

    /// <summary>
    /// Writes an anchor of the current head (none for an empty log) once the log since the newest anchor verifies;
    /// returns its position. Over a broken chain it writes none (null), so that no anchor vouches for a forged log.
    /// </summary>
    Task<long?> AnchorNow();
}

public sealed class AnchorGrain(IEventStore store, AnchorSettings settings, ChainGuard guard, MonitorClock clock, ILogger<AnchorGrain> logger)
    : Grain, IAnchorGrain, IRemindable
{
    public const string Key = "anchor";
    private const string Reminder = "anchor-chain-head";

    public async Task Start()
    {
        // Orleans reminders fire at most once a minute.
        var period = settings.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : settings.Interval;
        await this.RegisterOrUpdateReminder(Reminder, period, period);
        var newest = AnchorFiles.Newest(settings.Folder);
        if (newest is null || clock.Now - newest.Value >= settings.Interval) await AnchorNow();
    }

    public async Task<long?> AnchorNow()
    {
        var head = await store.GetHeadAsync();
        if (head.Position == 0) return null;
        var check = await guard.CheckSinceNewestAnchorAsync();
        if (guard.Break is { } broken)
        {
            logger.LogError("No anchor written: the hash chain is broken at position {Position} ({Detail})", broken.Position,
                check.Intact ? "found earlier" : check.Detail);
            return null;
        }
        DateTimeOffset? recordedAt = null;
        await foreach (var e in store.ReadAllAsync(head.Position, head.Position)) recordedAt = e.RecordedAt;
        using var key = AnchorFiles.LoadKey(settings.PrivateKeyFile);
        var anchor = AnchorFiles.Sign(key, head.Position, head.Hash, recordedAt, clock.Now);
        await AnchorFiles.AppendAsync(settings.Folder, anchor);
        logger.LogInformation("Anchored the chain head at position {Position} in {Folder}", head.Position, settings.Folder);
        return head.Position;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await AnchorNow();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EventStoreUnavailableException)
        {
            // The next tick tries again; an anchor that is late is reported as overdue at the next start.
            logger.LogError(ex, "Could not write an anchor to {Folder}", settings.Folder);
        }
    }
}
