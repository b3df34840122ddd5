namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    private async Task<ChainHead> RecordTenEventsAsync()
    {
        for (var i = 1; i <= 5; i++)
            await Append($"project-{i}", ExpectedVersion.NoStream,
                Event(data: $$"""{"amount":{{i * 100}},"grantRef":"G-{{i}}"}"""), Event("SubsidyPaid"));
        return await Store.GetHeadAsync();
    }

    [Fact]
    public async Task An_untouched_log_verifies_intact_and_matches_its_receipt()
    {
        var receipt = await RecordTenEventsAsync();
        var progress = new List<long>();

        var result = await Store.VerifyAsync(receipt: receipt, progress: new SyncProgress(progress));
        var middle = await Store.VerifyAsync(fromPosition: 4, toPosition: 7);

        Assert.Equal(new VerificationResult(true, 10, receipt.Hash), result);
        Assert.Equal(10, progress[^1]);
        Assert.True(middle.Intact);
        Assert.Equal(7, middle.VerifiedUpTo);
    }

    [Fact]
    public async Task Verify_finds_a_changed_field_at_its_position()
    {
        var receipt = await RecordTenEventsAsync();

        await TamperAsync("UPDATE events SET data = replace(data, '300', '900') WHERE position = 5");

        var result = await Store.VerifyAsync(receipt: receipt);
        Assert.Equal((false, 5L, ChainBreak.Changed, 4L), (result.Intact, result.BreakPosition, result.Break, result.VerifiedUpTo));
    }

    [Fact]
    public async Task Verify_finds_a_changed_tag_that_is_not_in_the_data()
    {
        await RecordTenEventsAsync();

        await TamperAsync("UPDATE events SET actor = 'u-someone-else' WHERE position = 8");

        var result = await Store.VerifyAsync();
        Assert.Equal((8L, ChainBreak.Changed), (result.BreakPosition, result.Break));
    }

    [Fact]
    public async Task Verify_finds_a_deleted_middle_row_at_its_position()
    {
        var receipt = await RecordTenEventsAsync();

        await TamperAsync("DELETE FROM events WHERE position = 6");

        var result = await Store.VerifyAsync(receipt: receipt);
        Assert.Equal((false, 6L, ChainBreak.Missing), (result.Intact, result.BreakPosition, result.Break));
    }

    [Fact]
    public async Task Verify_finds_a_deleted_middle_row_when_the_later_rows_were_renumbered()
    {
        await RecordTenEventsAsync();

        await TamperAsync("DELETE FROM events WHERE position = 6; " + string.Join(" ",
            Enumerable.Range(7, 4).Select(p => $"UPDATE events SET position = {p - 1} WHERE position = {p};")));

        var result = await Store.VerifyAsync();
        Assert.Equal((6L, ChainBreak.Missing), (result.BreakPosition, result.Break));
    }

    [Fact]
    public async Task Verify_finds_a_deleted_newest_row_with_a_receipt()
    {
        var receipt = await RecordTenEventsAsync();

        await TamperAsync("DELETE FROM events WHERE position = 10");

        var withoutReceipt = await Store.VerifyAsync();
        var withReceipt = await Store.VerifyAsync(receipt: receipt);
        Assert.True(withoutReceipt.Intact); // what a receipt is for: the shortened chain is internally consistent
        Assert.Equal((false, 10L, ChainBreak.Missing, 9L), (withReceipt.Intact, withReceipt.BreakPosition, withReceipt.Break, withReceipt.VerifiedUpTo));
    }

    [Fact]
    public async Task Verify_finds_a_swapped_pair_at_the_first_of_the_two()
    {
        var receipt = await RecordTenEventsAsync();

        await TamperAsync("""
            UPDATE events SET position = -1 WHERE position = 4;
            UPDATE events SET position = 4 WHERE position = 5;
            UPDATE events SET position = 5 WHERE position = -1;
            """);

        var result = await Store.VerifyAsync(receipt: receipt);
        Assert.Equal((false, 4L, ChainBreak.Reordered), (result.Intact, result.BreakPosition, result.Break));
    }

    [Fact]
    public async Task Verify_finds_a_receipt_that_the_log_no_longer_matches()
    {
        await RecordTenEventsAsync();
        var receipt = new ChainHead(7, new string('a', 64));

        var result = await Store.VerifyAsync(receipt: receipt);

        Assert.Equal((false, 7L, ChainBreak.Changed), (result.Intact, result.BreakPosition, result.Break));
    }

    [Fact]
    public async Task A_receipt_outside_the_verified_range_is_reported_as_not_checked()
    {
        var receipt = await RecordTenEventsAsync();

        var result = await Store.VerifyAsync(fromPosition: 1, toPosition: 5, receipt: receipt);

        Assert.True(result.Intact);
        Assert.Contains("not checked", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_recomputed_after_a_change_verifies_in_itself_but_the_anchors_find_it()
    {
        await RecordTenEventsAsync();
        var events = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync()) events.Add(e);
        var anchors = new List<ChainHead> { new(3, events[2].Hash), new(7, events[6].Hash), new(10, events[9].Hash) };

        // Someone with the database changes position 5 and recomputes every hash after it.
        var sql = new System.Text.StringBuilder();
        var prev = events[3].Hash;
        foreach (var e in events.Skip(4))
        {
            var rewritten = e.Position == 5 ? e with { Data = e.Data.Replace("300", "900", StringComparison.Ordinal), PrevHash = prev } : e with { PrevHash = prev };
            var hash = EventHashing.Hash(rewritten);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE events SET data = '{rewritten.Data}', prev_hash = {BlobLiteral(prev)}, hash = {BlobLiteral(hash)} WHERE position = {e.Position};\n");
            prev = hash;
        }
        await TamperAsync(sql.ToString());

        var itself = await Store.VerifyAsync();
        var anchored = await Store.VerifyAgainstAsync(1, null, anchors);
        var beforeTheChange = await Store.VerifyAgainstAsync(1, null, anchors.Take(1).ToList());

        Assert.True(itself.Intact);
        Assert.Equal((false, 7L, ChainBreak.Changed, 3L), (anchored.Intact, anchored.BreakPosition, anchored.Break, anchored.VerifiedUpTo));
        Assert.Contains("after position 3 and at or before 7", anchored.Detail, StringComparison.Ordinal);
        Assert.True(beforeTheChange.Intact);
    }

    [Fact]
    public async Task Anchors_find_rows_removed_from_the_end()
    {
        var receipt = await RecordTenEventsAsync();

        await TamperAsync("DELETE FROM events WHERE position > 8");

        var result = await Store.VerifyAgainstAsync(1, null, [receipt]);
        Assert.Equal((false, 10L, ChainBreak.Missing, 8L), (result.Intact, result.BreakPosition, result.Break, result.VerifiedUpTo));
    }

    private sealed class SyncProgress(List<long> seen) : IProgress<long>
    {
        public void Report(long value) => seen.Add(value);
    }
}
