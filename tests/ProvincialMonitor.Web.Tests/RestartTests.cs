namespace ProvincialMonitor.Web.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_adds_no_reference_or_demo_data_and_keeps_every_event()
    {
        var folder = Directory.CreateTempSubdirectory("provmon-restart-").FullName;
        try
        {
            long first, second;
            ProvincialMonitor.EventStore.ChainHead head;
            await using (var silo = SiloFactory.Embedded(folder, demo: true))
            {
                silo.CreateClient().Dispose();
                first = await silo.CountEventsAsync();
                head = await silo.Store.GetHeadAsync();
            }
            await using (var silo = SiloFactory.Embedded(folder, demo: true))
            {
                silo.CreateClient().Dispose();
                second = await silo.CountEventsAsync();
                Assert.True((await silo.Store.VerifyAsync(receipt: head)).Intact);
                // The municipalities, recorded through their grain at the first start, once.
                var municipalities = await silo.Store.ReadStreamAsync(ProvincialMonitor.Contracts.StreamIds.ReferenceMunicipalities);
                Assert.Equal(["MunicipalitiesLoaded.v1"], municipalities.Select(e => e.EventType));
            }

            Assert.True(first > 100, $"reference and demo data: {first} events");
            Assert.Equal(first, second);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_store_started_without_demo_data_never_gets_it()
    {
        var folder = Directory.CreateTempSubdirectory("provmon-nodemo-").FullName;
        try
        {
            long first, second;
            await using (var silo = SiloFactory.Embedded(folder, demo: false))
            {
                silo.CreateClient().Dispose();
                first = await silo.CountEventsAsync();
            }
            await using (var silo = SiloFactory.Embedded(folder, demo: true))
            {
                silo.CreateClient().Dispose();
                second = await silo.CountEventsAsync();
            }

            // 5 provinces registered with their population, the Flemish target, 7 clusters, the municipality list,
            // and the test's bootstrap API key.
            Assert.Equal((5 * 2) + 1 + 7 + 1 + 1, first);
            Assert.Equal(first, second);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
