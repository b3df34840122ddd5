using Microsoft.Extensions.Logging.Abstractions;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>
/// The catalog read model (the cluster and campaign lists, project timelines, the newest events, demo data): folded from
/// the log as the aggregates fold their streams, saved with its checkpoint, the same after a restart and a rebuild.
/// </summary>
public sealed class CatalogModelTests : IAsyncLifetime
{
    private TemporaryStore _temporary = null!;
    private RelationalEventStore _store = null!;

    public async Task InitializeAsync()
    {
        _temporary = await TemporaryStore.OpenAsync("provmon-catalog-");
        _store = _temporary.Store;
        var project = new EventScope(["limburg"], "labour-market", []);
        await _temporary.AppendAsync("project-p1", new ProjectRegistered("p1", "De Punt", null, "limburg", [], "labour-market", [], [], null, null, null, null), project);
        for (var i = 1; i <= 59; i++)
            await _temporary.AppendAsync("project-p1", new SubsidyGranted($"G-{i}", 10m, "province", "limburg"), project);
        var cluster = new EventScope(["limburg"], null, ["vil"]);
        await _temporary.AppendAsync("cluster-vil", new ClusterRegistered("vil", "VIL", "logistiek", ClusterKinds.Provincial, "limburg"), cluster);
        await _temporary.AppendAsync("cluster-vil", new ClusterMemberJoined("Haven Genk", "company"), cluster);
        var wrong = await _temporary.AppendAsync("cluster-vil", new ClusterMemberJoined("Verkeerd lid", null), cluster);
        await _temporary.AppendAsync("cluster-vil", new ClusterRetracted(wrong, "verkeerd ingevoerd"), cluster);
        var start = _temporary.Today.AddDays(10);
        await _temporary.AppendAsync("campaign-markt", new CampaignLaunched("markt", "Markt", start, start.AddDays(29), ["limburg"], []),
            new EventScope(["limburg"], null, [], "markt"));
    }

    public async Task DisposeAsync() => await _temporary.DisposeAsync();

    private ReadModelProjector NewProjector(string generation = "") => new(_store, _store.Projections, MonitorClock.System, NullLogger.Instance, generation);

    private static void AssertCatalog(CatalogModel catalog)
    {
        var cluster = Assert.Single(catalog.Clusters());
        Assert.Equal(["Haven Genk"], cluster.Members.Values.Select(m => m.Name)); // the retracted join counts for nothing
        Assert.Equal("markt", Assert.Single(catalog.Campaigns()).Slug);
        var timeline = catalog.Timeline("p1");
        Assert.Equal(TimelineEntry.Limit, timeline.Length); // the newest 50 of 60, in stream order
        Assert.Equal(Enumerable.Range(11, TimelineEntry.Limit).Select(v => (long)v), timeline.Select(e => e.StreamVersion));
        Assert.All(timeline, e => Assert.False(string.IsNullOrEmpty(e.Summary)));
        Assert.Equal("campaign-markt", catalog.Recent(1).Single().StreamId);
        Assert.False(catalog.HasDemoData);
    }

    [Fact]
    public async Task The_lists_fold_from_the_log_and_their_checkpoint_is_saved_without_the_views()
    {
        var projector = NewProjector();
        await projector.InitializeAsync();
        await projector.CatchUpAsync();

        AssertCatalog(projector.Catalog);
        Assert.Equal(65, await _store.Projections.GetCheckpointAsync(CatalogModel.Projection));
        // A start folds the log up to the checkpoint: nothing reads saved views, so none are written.
        var (_, saved) = await _store.Projections.LoadAsync(CatalogModel.Projection);
        Assert.Empty(saved);
    }

    [Fact]
    public async Task A_restarted_projector_and_a_rebuild_beside_it_fold_the_same_catalog()
    {
        var running = NewProjector();
        await running.InitializeAsync();
        await running.CatchUpAsync();

        var restarted = NewProjector();
        await restarted.InitializeAsync(); // replays up to the saved checkpoint
        var rebuilt = NewProjector(ReadModelProjector.NextGeneration);
        await rebuilt.InitializeAsync();
        await rebuilt.CatchUpAsync();

        AssertCatalog(restarted.Catalog);
        AssertCatalog(rebuilt.Catalog);
        Assert.Equal(65, await _store.Projections.GetCheckpointAsync(CatalogModel.Projection + ReadModelProjector.NextGeneration));
    }

    [Fact]
    public async Task A_catalog_added_to_a_store_with_saved_projections_catches_up_from_the_start_and_counts_demo_data()
    {
        var running = NewProjector();
        await running.InitializeAsync();
        await running.CatchUpAsync();
        await _store.Projections.ResetAsync(CatalogModel.Projection);
        await _temporary.AppendAsync("cluster-demo", new ClusterRegistered("demo", "Demo", "zorg", ClusterKinds.Provincial, "limburg"),
            new EventScope(["limburg"], null, ["demo"]), source: Sources.Demo);

        var upgraded = NewProjector();
        await upgraded.InitializeAsync();
        Assert.Empty(upgraded.Catalog.Clusters());
        await upgraded.CatchUpAsync();

        Assert.Equal(["demo", "vil"], upgraded.Catalog.Clusters().Select(c => c.Slug));
        Assert.True(upgraded.Catalog.HasDemoData);
        Assert.Equal(66, await _store.Projections.GetCheckpointAsync(CatalogModel.Projection));
        Assert.Equal(1m, upgraded.View("province:limburg").Measures["projects"]); // the indicators counted nothing twice
    }
}
