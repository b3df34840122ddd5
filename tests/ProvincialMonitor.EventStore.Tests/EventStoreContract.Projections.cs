namespace ProvincialMonitor.EventStore.Tests;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Read_models_and_their_checkpoint_are_saved_together()
    {
        var projections = Store.Projections;

        Assert.True(await projections.SaveAsync("indicators", 0, 10, new Dictionary<string, string> { ["province:limburg"] = """{"granted":100}""" }));
        Assert.True(await projections.SaveAsync("indicators", 10, 12, new Dictionary<string, string> { ["province:limburg"] = """{"granted":150}""", ["flanders"] = """{"granted":150}""" }));

        var (checkpoint, models) = await projections.LoadAsync("indicators");
        Assert.Equal(12, checkpoint);
        Assert.Equal("""{"granted":150}""", models["province:limburg"]);
        Assert.Equal(2, models.Count);
        Assert.Equal(0, await projections.GetCheckpointAsync("other"));
    }

    [Fact]
    public async Task A_writer_behind_the_checkpoint_writes_nothing()
    {
        var projections = Store.Projections;
        await projections.SaveAsync("indicators", 0, 10, new Dictionary<string, string> { ["flanders"] = "1" });
        await projections.SaveAsync("indicators", 10, 20, new Dictionary<string, string> { ["flanders"] = "2" });

        // A duplicate activation that also started from 10 must not count events 11..20 a second time.
        var stale = await projections.SaveAsync("indicators", 10, 20, new Dictionary<string, string> { ["flanders"] = "3" });
        var firstAgain = await projections.SaveAsync("indicators", 0, 5, new Dictionary<string, string> { ["flanders"] = "4" });

        Assert.False(stale);
        Assert.False(firstAgain);
        var (checkpoint, models) = await projections.LoadAsync("indicators");
        Assert.Equal((20L, "2"), (checkpoint, models["flanders"]));
    }

    [Fact]
    public async Task A_reset_projection_starts_from_zero()
    {
        await Store.Projections.SaveAsync("indicators", 0, 10, new Dictionary<string, string> { ["flanders"] = "1" });

        await Store.Projections.ResetAsync("indicators");

        var (checkpoint, models) = await Store.Projections.LoadAsync("indicators");
        Assert.Equal(0, checkpoint);
        Assert.Empty(models);
        Assert.True(await Store.Projections.SaveAsync("indicators", 0, 3, new Dictionary<string, string>()));
    }
}
