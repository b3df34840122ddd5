namespace ProvincialMonitor.EventStore;

/// <summary>
/// Walks the log in position order and recomputes every hash. A row whose content does not
/// match its hash is tried at nearby positions, to tell a reordered, inserted or renumbered row
/// from a changed one.
/// </summary>
internal static class ChainVerifier
{
    private const int SearchWindow = 16;
    private const int ProgressEvery = 10_000;

    public static async Task<VerificationResult> VerifyAsync(
        IAsyncEnumerable<RecordedEvent> log,
        long fromPosition,
        string startPrevHash,
        long? toPosition,
        ChainHead? receipt,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var expected = fromPosition;
        var prev = startPrevHash;
        string? prevPrev = null;

        await using var rows = log.GetAsyncEnumerator(cancellationToken);
        var hasRow = await rows.MoveNextAsync().ConfigureAwait(false);
        while (hasRow)
        {
            var row = rows.Current;
            var verifiedUpTo = expected - 1;
            VerificationResult Broken(long at, ChainBreak kind, string detail) => new(false, verifiedUpTo, null, at, kind, detail);

            if (row.Position > expected)
                return Broken(expected, ChainBreak.Missing,
                    $"Position {expected} is missing: the log goes from {expected - 1} to {row.Position}.");

            var selfConsistent = EventHashing.Matches(row);
            if (!selfConsistent)
            {
                var belongsAt = FindPosition(row, expected);
                if (belongsAt is null)
                    return Broken(expected, ChainBreak.Changed,
                        $"The event at position {expected} does not match its hash: a field was changed.");
                if (belongsAt == expected - 1 && row.PrevHash == prevPrev)
                    return new VerificationResult(false, expected - 2, null, expected - 1, ChainBreak.Inserted,
                        $"The event at position {expected - 1} was inserted: the event now at {expected} belongs at {expected - 1}.");

                hasRow = await rows.MoveNextAsync().ConfigureAwait(false);
                var next = hasRow ? rows.Current : null;
                if (belongsAt > expected && next is not null && next.PrevHash == prev && FindPosition(next, next.Position) == expected)
                    return Broken(expected, ChainBreak.Reordered,
                        $"The events at positions {expected} and {next.Position} were swapped.");
                if (belongsAt > expected && row.PrevHash != prev)
                    return Broken(expected, ChainBreak.Missing,
                        $"An event is missing before position {expected}: the event now there belongs at {belongsAt}, so later events were renumbered.");
                return Broken(expected, ChainBreak.Reordered,
                    $"The event at position {expected} belongs at position {belongsAt}.");
            }

            if (row.PrevHash != prev)
            {
                return expected > fromPosition
                    ? new VerificationResult(false, expected - 2, null, expected - 1, ChainBreak.Changed,
                        $"The event at position {expected - 1} was rewritten with a recomputed hash: the event at {expected} does not follow it.")
                    : Broken(expected, ChainBreak.Changed,
                        $"The event at position {expected} does not follow the event before it.");
            }

            if (receipt is not null && receipt.Position == row.Position && !string.Equals(receipt.Hash, row.Hash, StringComparison.OrdinalIgnoreCase))
                return Broken(expected, ChainBreak.Changed,
                    $"The event at position {expected} has another hash than the receipt: the log was rewritten from there or earlier.");

            prevPrev = prev;
            prev = row.Hash;
            expected++;
            if ((expected - fromPosition) % ProgressEvery == 0) progress?.Report(expected - 1);
            hasRow = await rows.MoveNextAsync().ConfigureAwait(false);
        }

        var last = expected - 1;
        progress?.Report(last);
        if (receipt is not null && receipt.Position > last && (toPosition is null || receipt.Position <= toPosition))
            return new VerificationResult(false, last, last >= fromPosition ? prev : null, last + 1, ChainBreak.Missing,
                $"The receipt names position {receipt.Position}, but the log ends at {last}: events were removed from the end.");

        var unchecked_ = receipt is not null && (receipt.Position < fromPosition || (toPosition is { } to && receipt.Position > to));
        return new VerificationResult(true, last, last >= fromPosition ? prev : null,
            Detail: unchecked_ ? $"The receipt at position {receipt!.Position} lies outside the verified range and was not checked." : null);
    }

    /// <summary>The position near <paramref name="around"/> at which the row's own hash would be right, if any.</summary>
    private static long? FindPosition(RecordedEvent row, long around)
    {
        if (EventHashing.Matches(row)) return row.Position;
        for (var offset = 1; offset <= SearchWindow; offset++)
        {
            foreach (var candidate in (long[])[around + offset, around - offset])
            {
                if (candidate < 1) continue;
                if (EventHashing.Matches(row with { Position = candidate })) return candidate;
            }
        }
        return null;
    }
}
