using ProvincialMonitor.Grains.Telemetry;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>A break this silo found in the chain: where (exact, or the end of a range), its kind and the detail.</summary>
public sealed record ChainBreakFound(long Position, long VerifiedUpTo, string Kind, string Detail);

/// <summary>
/// The one chain check of a silo (docs/audit.md): the log against itself, every anchor the silo has (its anchor folder
/// and every witness, each signature checked with the public key) and any receipt given. It also holds what this
/// silo knows: the break it found, if any, until a check of the whole log finds the store restored; and which
/// breaks an administrator acknowledged (those no longer raise the banner, the health check and the metric stay).
/// </summary>
public sealed class ChainGuard : IDisposable
{
    private readonly IEventStore _store;
    private readonly AnchorSettings? _settings;
    private readonly ILogger<ChainGuard> _logger;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _acknowledged = [];
    private ChainBreakFound? _break;

    public ChainGuard(IEventStore store, AnchorSettings? settings, ILogger<ChainGuard> logger)
    {
        _store = store;
        _settings = settings;
        _logger = logger;
    }

    /// <summary>The break found, or null while none is (also before the first check).</summary>
    public ChainBreakFound? Break
    {
        get { lock (_gate) return _break; }
    }

    /// <summary>The break, unless an administrator acknowledged it.</summary>
    public ChainBreakFound? Alarm
    {
        get { lock (_gate) return _break is { } b && !_acknowledged.Contains(b.Position) ? b : null; }
    }

    /// <summary>Whether any check has run since the silo started.</summary>
    public bool Checked { get; private set; }

    /// <summary>Hides the banner for the current break at <paramref name="position"/>; false when there is no such break.</summary>
    public bool Acknowledge(long position)
    {
        lock (_gate)
        {
            if (_break?.Position != position) return false;
            _acknowledged.Add(position);
            return true;
        }
    }

    /// <summary>Takes the acknowledgements the audit trail records (at start): a break found at one of these positions raises no banner.</summary>
    public void Remember(IEnumerable<long> acknowledged)
    {
        lock (_gate) _acknowledged.UnionWith(acknowledged);
    }

    /// <summary>
    /// What the anchor folder and the witnesses say: the heads of the anchors with a valid signature (each once), the
    /// breaks anchors recorded (those vouch for nothing) and the lines that cannot be used.
    /// </summary>
    public AnchorEvidence ReadAnchors()
    {
        if (_settings is null) return AnchorEvidence.None;
        using var key = PublicKey(_settings);
        var evidence = AnchorFiles.Evidence(_settings.Folder, _settings.Witnesses, key);
        foreach (var p in evidence.Problems) _logger.LogWarning("Anchor {File} line {Line} is not used: {Reason}", p.File, p.Line, p.Reason);
        return evidence;
    }

    /// <summary>
    /// Verifies <paramref name="from"/>–<paramref name="to"/> against every anchor that vouches and the receipts given,
    /// and says which breaks anchors recorded. A check of the whole log with no receipt of the caller's is also this
    /// silo's own check: it raises or clears the alarm.
    /// </summary>
    public async Task<(VerificationResult Result, AnchorEvidence Anchors)> VerifyAsync(long from, long? to, IReadOnlyList<ChainHead> receipts,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var anchors = ReadAnchors();
        var result = await _store.VerifyAgainstAsync(from, to, [.. anchors.Heads, .. receipts], progress, cancellationToken);
        if (from == 1 && to is null && receipts.Count == 0) Note(result, wholeLog: true);
        return (result, anchors);
    }

    /// <summary>
    /// The check at start: every anchor's hash against its row, then the log from the newest anchor to the head. Without
    /// anchors it checks nothing (null): the whole log is the background check's.
    /// </summary>
    public async Task<VerificationResult?> CheckRecentAsync(CancellationToken cancellationToken = default)
    {
        var anchors = ReadAnchors().Heads;
        if (anchors.Count == 0) return null;
        var result = await _store.MatchReceiptsAsync(anchors, long.MaxValue, cancellationToken)
            ?? await _store.VerifyAsync(anchors[^1].Position, null, null, null, cancellationToken);
        Note(result, wholeLog: false);
        return result;
    }

    /// <summary>The check before an anchor is written: the newest anchor that vouches still matches its row, and the log from there to the head verifies.</summary>
    public async Task<VerificationResult> CheckSinceNewestAnchorAsync(CancellationToken cancellationToken = default)
    {
        var anchors = ReadAnchors().Heads;
        var newest = anchors.Count == 0 ? null : anchors.Where(a => a.Position == anchors[^1].Position).ToList();
        var result = (newest is null ? null : await _store.MatchReceiptsAsync(newest, long.MaxValue, cancellationToken))
            ?? await _store.VerifyAsync(newest is null ? 1 : newest[0].Position, null, null, null, cancellationToken);
        Note(result, wholeLog: newest is null);
        return result;
    }

    /// <summary>
    /// Takes a check's outcome: a break raises the alarm (logged once per position); an intact check of the whole log
    /// clears it (the store was restored), a partial check leaves a known earlier break standing.
    /// </summary>
    private void Note(VerificationResult result, bool wholeLog)
    {
        lock (_gate)
        {
            Checked = true;
            if (!result.Intact)
            {
                var found = new ChainBreakFound(result.BreakPosition ?? result.VerifiedUpTo + 1, result.VerifiedUpTo,
                    result.Break?.ToString().ToLowerInvariant() ?? "changed", result.Detail ?? "");
                // A check of the whole log finds the first break; a partial one (from the newest anchor) keeps an earlier break standing.
                if (wholeLog || _break is null || found.Position < _break.Position)
                {
                    if (_break?.Position != found.Position)
                        _logger.LogError("The hash chain is broken at position {Position} ({Kind}): {Detail}", found.Position, found.Kind, found.Detail);
                    _break = found;
                }
            }
            else if (wholeLog && _break is not null)
            {
                _logger.LogWarning("The hash chain verifies again in full; the break at position {Position} is over", _break.Position);
                _break = null;
            }
            DomainTelemetry.ReportChainIntact(this, _break is null);
        }
    }

    /// <summary>The key that checks anchors: derived from the private key, else the public key file beside it.</summary>
    private static ECDsa? PublicKey(AnchorSettings settings)
    {
        if (File.Exists(settings.PrivateKeyFile)) return AnchorFiles.LoadKey(settings.PrivateKeyFile);
        var beside = Path.Combine(Path.GetDirectoryName(settings.PrivateKeyFile) ?? ".", AnchorKeys.PublicKeyFileName);
        return File.Exists(beside) ? AnchorFiles.LoadKey(beside) : null;
    }

    public void Dispose() => DomainTelemetry.ForgetChain(this);
}
