using ProvincialMonitor.Grains.Telemetry;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>Where anchors go, with which key, and how often (docs/audit.md "Anchors").</summary>
public sealed record AnchorSettings(string Folder, string PrivateKeyFile, TimeSpan Interval)
{
    /// <summary>
    /// Folders each anchor is also appended to (<c>Anchors:Witnesses</c>); one that cannot be written does not stop the
    /// anchor. Verification reads them all.
    /// </summary>
    public IReadOnlyList<string> Witnesses { get; init; } = [];

    /// <summary>An anchor after this many events since the previous one, whichever comes first with <see cref="Interval"/>; 0: no count.</summary>
    public long EveryEvents { get; init; } = DefaultEveryEvents;

    public const long DefaultEveryEvents = 10_000;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);
}

/// <summary>
/// Writes the chain head to the anchor folder and the witnesses (key <c>anchor</c>, one grain for the cluster):
/// when <see cref="AnchorSettings.Interval"/> has passed or <see cref="AnchorSettings.EveryEvents"/> events were
/// recorded since the previous anchor, whichever comes first.
/// </summary>
public interface IAnchorGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder (which brings the grain back after its silo left) and anchors now when one is due.</summary>
    Task Start();

    /// <summary>
    /// Writes an anchor of the current head (none for an empty log: null) after verifying the log since the newest
    /// anchor; returns its position. Over a chain the silo knows is broken the anchor records the break
    /// (<see cref="Anchor.BrokenAt"/>), so that it vouches for nothing and keeps the finding outside the database.
    /// </summary>
    Task<long?> AnchorNow();
}

/// <summary>
/// While active, the grain looks at the head every <see cref="CheckEvery"/> (one read of the head, nothing on the
/// append path); the reminder, at the interval, reactivates it on another silo when its silo is gone.
/// </summary>
public sealed class AnchorGrain(IEventStore store, AnchorSettings settings, ChainGuard guard, MonitorClock clock, ILogger<AnchorGrain> logger)
    : Grain, IAnchorGrain, IRemindable
{
    public const string Key = "anchor";
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);
    private const string Reminder = "anchor-chain-head";

    private ChainHead? _anchored;
    private DateTimeOffset? _anchoredAt;
    private DateTimeOffset _retryAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var newest = AnchorFiles.Read(settings.Folder).Anchors.MaxBy(a => a.AnchoredAt, StringComparer.Ordinal);
        if (newest is not null)
        {
            _anchored = new ChainHead(newest.Position, newest.Hash);
            _anchoredAt = DateTimeOffset.Parse(newest.AnchoredAt, CultureInfo.InvariantCulture);
        }
        this.RegisterGrainTimer(_ => CheckAsync(), new GrainTimerCreationOptions(CheckEvery, CheckEvery) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Start()
    {
        // Orleans reminders fire at most once a minute; the timer does the rest.
        var period = settings.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : settings.Interval;
        await this.RegisterOrUpdateReminder(Reminder, period, period);
        await AnchorIfDueAsync();
    }

    public async Task<long?> AnchorNow()
    {
        var head = await store.GetHeadAsync();
        return head.Position == 0 ? null : await WriteAsync(head);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckAsync();

    private async Task CheckAsync()
    {
        if (clock.Now < _retryAt) return;
        try
        {
            await AnchorIfDueAsync();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EventStoreUnavailableException)
        {
            _retryAt = clock.Now + RetryAfterFailure;
            logger.LogError(ex, "Could not write an anchor to {Folder}; trying again in {Retry}", settings.Folder, RetryAfterFailure);
        }
    }

    /// <summary>Anchors a head that moved since the previous anchor, once the interval passed or enough events were recorded.</summary>
    private async Task AnchorIfDueAsync()
    {
        var head = await store.GetHeadAsync();
        if (head.Position == 0 || head == _anchored) return;
        var byCount = settings.EveryEvents > 0 && head.Position - (_anchored?.Position ?? 0) >= settings.EveryEvents;
        var byTime = _anchoredAt is null || clock.Now - _anchoredAt.Value >= settings.Interval;
        if (byCount || byTime) await WriteAsync(head);
    }

    private async Task<long?> WriteAsync(ChainHead head)
    {
        await guard.CheckSinceNewestAnchorAsync();
        var broken = guard.Break;
        if (broken is not null)
            logger.LogError("The anchor at position {Head} records the break at position {Position} the silo knows of ({Detail}); it vouches for nothing",
                head.Position, broken.Position, broken.Detail);
        DateTimeOffset? recordedAt = null;
        await foreach (var e in store.ReadAllAsync(head.Position, head.Position)) recordedAt = e.RecordedAt;
        var now = clock.Now;
        Anchor anchor;
        using (var key = AnchorKeys.Load(settings.PrivateKeyFile))
            anchor = AnchorFiles.Sign(key, head.Position, head.Hash, recordedAt, now, broken?.Position);
        await AnchorFiles.AppendAsync(settings.Folder, anchor);
        (_anchored, _anchoredAt) = (head, now);
        var witnessed = 0;
        foreach (var witness in settings.Witnesses)
        {
            try
            {
                await AnchorFiles.AppendAsync(witness, anchor);
                witnessed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                DomainTelemetry.AnchorWitnessFailures.Add(1);
                logger.LogWarning(ex, "The anchor at position {Position} is in {Folder} but could not be written to the witness {Witness}", head.Position, settings.Folder, witness);
            }
        }
        logger.LogInformation("Anchored the chain head at position {Position} in {Folder} and {Witnessed} of {Witnesses} witness(es)", head.Position, settings.Folder, witnessed, settings.Witnesses.Count);
        return head.Position;
    }
}
