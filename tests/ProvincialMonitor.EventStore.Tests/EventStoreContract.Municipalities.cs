namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    /// <summary>What drops the append-only guard of the tag index, where a backend's tampering does not (SQL, with its semicolon).</summary>
    protected virtual string DropTagGuard => "";

    private async Task AppendMunicipalityEventsAsync()
    {
        await Append("project-1", ExpectedVersion.NoStream,
            Event("ProjectRegistered", data: """{"projectId":"p-1","title":"Kamp C"}"""),
            Event("ProjectLocated", data: """{"municipalities":["11002","71072","11002"]}"""));
        await Append("province-limburg", ExpectedVersion.NoStream,
            Event("RetailAdviceGiven", data: """{"adviceRef":"A-1","municipality":"71072"}"""),
            Event("MunicipalitiesLoaded", data: """{"boundaryVersion":"2025","municipalities":[{"nisCode":"11002"}]}"""),
            Event("SubsidyGranted", data: """{"amount":5,"grantRef":"71072"}"""),
            Event("PopulationRecorded", data: """{"inhabitants":71072,"municipalities":42,"referenceYear":2025}"""));
    }

    private static async Task<string> MunicipalityPositionsAsync(RelationalEventStore store, string code) =>
        string.Join(" ", (await store.QueryAsync(new LogQuery { Municipality = code })).Events.Select(e => e.Position));

    [Fact]
    public async Task The_log_is_filtered_by_the_municipalities_the_event_data_names()
    {
        await AppendMunicipalityEventsAsync();

        Assert.Equal("2 3", await MunicipalityPositionsAsync(Store, "71072"));
        Assert.Equal("2", await MunicipalityPositionsAsync(Store, "11002"));
        Assert.Equal("", await MunicipalityPositionsAsync(Store, "46030"));
        Assert.Equal("3", string.Join(" ", (await Store.QueryAsync(new LogQuery { Municipality = "71072", Province = "antwerpen", EventTypes = ["RetailAdviceGiven"] }))
            .Events.Select(e => e.Position)));
        Assert.True((await Store.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_migration_indexes_the_municipalities_of_events_stored_before_it()
    {
        await AppendMunicipalityEventsAsync();
        await Store.DisposeAsync();
        await TamperAsync(DropTagGuard + "DELETE FROM event_tags WHERE kind = 'municipality'; DELETE FROM schema_migrations WHERE version = 7;");

        await using var migrated = await OpenStoreAsync();

        Assert.Equal("2 3", await MunicipalityPositionsAsync(migrated, "71072"));
        Assert.Equal("2", await MunicipalityPositionsAsync(migrated, "11002"));
        Assert.True((await migrated.VerifyAsync()).Intact);
    }
}
