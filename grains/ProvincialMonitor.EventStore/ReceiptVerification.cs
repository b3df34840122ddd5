namespace ProvincialMonitor.EventStore;

/// <summary>
/// Verification against many receipts or anchors at once. A chain that was rewritten after a change and then
/// recomputed is intact in itself; only a receipt or anchor made before the rewrite shows it, at the first one
/// (in position order) whose hash the log no longer has.
/// </summary>
public static class ReceiptVerification
{
    public static async Task<VerificationResult> VerifyAgainstAsync(this IEventStore store, long from, long? to, IReadOnlyList<ChainHead> receipts,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        // The chain itself first: a row changed without recomputing the rest is found at its own position.
        var result = await store.VerifyAsync(from, to, null, progress, cancellationToken);
        if (!result.Intact) return result;
        return await store.MatchReceiptsAsync(receipts, result.VerifiedUpTo, cancellationToken) ?? result;
    }

    /// <summary>
    /// Whether the log still has each receipt's hash at its position (one row read per receipt, the chain itself is not
    /// verified): null when all match, else the break at the first that does not, with the range of the change
    /// (after the newest receipt that still matches, at or before the one that does not).
    /// </summary>
    public static async Task<VerificationResult?> MatchReceiptsAsync(this IEventStore store, IReadOnlyList<ChainHead> receipts, long verifiedUpTo,
        CancellationToken cancellationToken = default)
    {
        // Receipts that name one position are judged together: one that disagrees (an anchor re-signed to a forged
        // chain beside its witness) makes the position unconfirmed, so that the range starts at an independent point.
        var matched = 0L;
        foreach (var group in receipts.GroupBy(r => r.Position).OrderBy(g => g.Key))
        {
            var position = group.Key;
            string? hash = null;
            await foreach (var e in store.ReadAllAsync(position, position, cancellationToken)) hash = e.Hash;
            if (hash is null)
                return new VerificationResult(false, Math.Min(verifiedUpTo, position - 1), null, position, ChainBreak.Missing,
                    $"The log has no event at position {position}, which a receipt or anchor names: rows were removed from its end.");
            if (group.Any(r => !string.Equals(hash, r.Hash, StringComparison.OrdinalIgnoreCase)))
                return new VerificationResult(false, matched, null, position, ChainBreak.Changed,
                    $"The log up to position {position} is not the one a receipt or anchor recorded: a row after position {matched} and at or before {position} was changed and the chain recomputed.");
            matched = position;
        }
        return null;
    }
}
