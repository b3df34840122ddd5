namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    private static SnapshotPoint Point(string stream, string fold, long version, long position, int minute, string latestEffective) =>
        new(stream, fold, version, position, new DateTimeOffset(2026, 4, 1, 10, minute, 0, TimeSpan.Zero), DateOnly.Parse(latestEffective,
            System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_latest_snapshot_whose_events_all_fall_within_the_bounds_is_found()
    {
        var snapshots = Store.Snapshots;
        await snapshots.SaveAsync([
            new(Point("project-a", "f1", 1000, 1500, 1, "2024-06-30"), "s1000"),
            new(Point("project-a", "f1", 2000, 2600, 2, "2025-12-31"), "s2000"),
            new(Point("project-a", "f1", 3000, 3900, 3, "2026-02-28"), "s3000"),
            new(Point("project-b", "f1", 1000, 1700, 1, "2020-01-01"), "b1000"),
        ]);

        async Task<long?> Found(DateOnly? effective = null, DateTimeOffset? recorded = null, long? position = null) =>
            (await snapshots.FindAsync("project-a", "f1", effective, recorded, position))?.StreamVersion;

        Assert.Equal(3000, await Found());
        Assert.Equal(3000, await Found(effective: new DateOnly(2026, 2, 28)));
        Assert.Equal(2000, await Found(effective: new DateOnly(2026, 2, 27)));
        Assert.Equal(1000, await Found(effective: new DateOnly(2025, 12, 30)));
        Assert.Null(await Found(effective: new DateOnly(2024, 6, 29)));
        Assert.Equal(2000, await Found(recorded: new DateTimeOffset(2026, 4, 1, 10, 2, 30, TimeSpan.Zero)));
        Assert.Equal(2000, await Found(position: 3899));
        Assert.Equal(1000, await Found(position: 2599));
        Assert.Null(await snapshots.FindAsync("project-a", "other code"));
        Assert.Null(await snapshots.FindAsync("project-c", "f1"));

        var found = await snapshots.FindAsync("project-a", "f1", atPosition: 2600);
        Assert.Equal(Point("project-a", "f1", 2000, 2600, 2, "2025-12-31"), found);
        Assert.Equal("s2000", await snapshots.ReadStateAsync(found!));
    }

    [Fact]
    public async Task A_kept_snapshot_stays_as_it_is_and_new_code_replaces_the_old_codes_snapshots_of_the_stream()
    {
        var snapshots = Store.Snapshots;
        var first = Point("project-a", "old", 1000, 1000, 1, "2025-01-01");
        await snapshots.SaveAsync([new(first, "first"), new(Point("project-b", "old", 1000, 2000, 1, "2025-01-01"), "b")]);

        await snapshots.SaveAsync([new(first, "again")]);
        Assert.Equal("first", await snapshots.ReadStateAsync(first));

        await snapshots.SaveAsync([new(Point("project-a", "new", 1000, 1000, 1, "2025-01-01"), "new")]);
        Assert.Null(await snapshots.FindAsync("project-a", "old"));
        Assert.Null(await snapshots.ReadStateAsync(first));
        Assert.Equal(1000, (await snapshots.FindAsync("project-a", "new"))?.StreamVersion);
        // Other streams keep theirs until they get new ones.
        Assert.Equal(1000, (await snapshots.FindAsync("project-b", "old"))?.StreamVersion);
    }
}
