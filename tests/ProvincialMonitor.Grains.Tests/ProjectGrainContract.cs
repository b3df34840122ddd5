using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>Project grains end to end: the dispatcher, a real silo (or two), a real store.</summary>
public abstract class ProjectGrainContract(GrainCluster fixture)
{
    protected GrainCluster Fixture { get; } = fixture;

    protected static readonly Actor Officer = new("u-officer-ant", Roles.Officer, ["antwerpen"], []);

    protected static RegisterProject Register(string? externalRef = null) => new(
        "Kamp C", externalRef, "antwerpen", ["limburg"], "circular-economy", ["catalisti"], [], null, null, 500_000m, null);

    protected Task<CommandOutcome> Send<TCommand>(string id, TCommand command, string? key = null, string? hash = null, long? ifMatch = null)
        where TCommand : ProjectCommand =>
        Fixture.Dispatcher.SendAsync<IProjectGrain, TCommand>(id, command, new CommandRequest(Officer, Sources.Api, key, hash ?? key, ifMatch));

    protected static string NewId() => Guid.CreateVersion7().ToString();

    protected async Task<string> RegisteredProjectAsync(params ProjectCommand[] then)
    {
        var id = NewId();
        Assert.True((await Send(id, Register())).Accepted);
        foreach (var command in then) Assert.Null((await Send(id, command)).Refusal);
        return id;
    }

    [Fact]
    public async Task A_projects_state_survives_deactivation()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 100_000m, "province"), new PaySubsidy("G-1", 25_000.50m, "P-1"));
        var grain = Fixture.Cluster.Client.GetGrain<IProjectGrain>(id);
        var before = await grain.View();

        await Fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.View();

        Assert.Equal(3, before.Version);
        Assert.Equal(before, after);
        Assert.Equal(25_000.5m, JsonDocument.Parse(after.StateJson).RootElement.GetProperty("grants").GetProperty("G-1").GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task The_grain_reads_its_state_as_the_view_record_with_its_version_across_the_wire()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 100_000m, "province"), new PaySubsidy("G-1", 25_000.50m, "P-1"));
        var grain = Fixture.Cluster.Client.GetGrain<IProjectGrain>(id);

        var read = await grain.Read();
        var unknown = await Fixture.Cluster.Client.GetGrain<IProjectGrain>(NewId()).Read();

        var view = Assert.IsType<Contracts.Views.ProjectView>(read.View);
        Assert.Equal(3, read.Version);
        Assert.Equal(25_000.5m, view.Grants["G-1"].Paid);
        Assert.False(unknown.Exists);
        Assert.Null(unknown.View);
    }

    [Fact]
    public async Task A_state_saved_as_a_snapshot_survives_deactivation()
    {
        var outputs = Enumerable.Range(1, 30).Select(i => (ProjectCommand)new ReportOutput("jobs-created", i, $"20{i % 20 + 10:00}")).ToArray();
        var id = await RegisteredProjectAsync(outputs);
        var grain = Fixture.Cluster.Client.GetGrain<IProjectGrain>(id);
        var before = await grain.View();

        await Fixture.Cluster.DeactivateAsync(grain); // a snapshot at deactivation
        var after = await grain.View();

        Assert.Equal(31, after.Version);
        Assert.Equal(before.StateJson, after.StateJson);
    }

    [Fact]
    public async Task With_snapshots_in_memory_an_aggregate_writes_one_only_when_it_is_deactivated()
    {
        // Memory does not outlive the silo: a snapshot every 100 events would be lost in the same crash as the
        // activation it was for, and each one copies the whole history.
        var outputs = Enumerable.Range(1, 120).Select(i => (ProjectCommand)new ReportOutput("jobs-created", i, "2026")).ToArray();
        var id = await RegisteredProjectAsync(outputs);
        var grain = Fixture.Cluster.Client.GetGrain<IProjectGrain>(id);
        Assert.Null(await SnapshotVersionAsync(grain));

        await Fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(121, await SnapshotVersionAsync(grain));
        Assert.Equal(121, (await grain.View()).Version);
    }

    private async Task<long?> SnapshotVersionAsync(IProjectGrain grain)
    {
        var storage = Fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(GrainStorage.Snapshots);
        var state = new Orleans.GrainState<History<ProjectState>>();
        await storage.ReadStateAsync("snapshot-project", grain.GetGrainId(), state);
        return state.RecordExists ? state.State!.Version : null;
    }

    [Fact]
    public async Task Concurrent_commands_on_one_grain_run_one_after_the_other_without_conflicts()
    {
        var id = await RegisteredProjectAsync();
        var sends = Enumerable.Range(0, 20).Select(i => Send(id, new ReportOutput("learners-reached", i, "2026"))).ToArray();
        var outcomes = await Task.WhenAll(sends);

        // Each command got its own version, and the event at that version is that command's.
        Assert.All(outcomes, o => Assert.Null(o.Refusal));
        Assert.Equal(Enumerable.Range(2, 20).Select(v => (long)v), outcomes.Select(o => o.Version).Order());
        var stream = await Fixture.Store.ReadStreamAsync(ProjectDecider.StreamId(id));
        for (var i = 0; i < outcomes.Length; i++)
        {
            var stored = stream.Single(e => e.StreamVersion == outcomes[i].Version);
            Assert.Equal(i, JsonDocument.Parse(stored.Data).RootElement.GetProperty("value").GetInt32());
            Assert.Equal(outcomes[i].Position, stored.Position);
        }
    }

    [Fact]
    public async Task A_conflict_from_a_duplicate_writer_is_decided_again_once()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 1_000m, "province"));
        await WriteBehindTheGrainsBackAsync(id, new SubsidyPaid("G-1", 400m, "P-dup"));

        var outcome = await Send(id, new PaySubsidy("G-1", 600m, "P-1"));
        var refused = await Send(id, new PaySubsidy("G-1", 0.01m, "P-2"));

        Assert.Null(outcome.Refusal);
        Assert.Equal(4, outcome.Version);
        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind); // the reloaded state knows the payment it did not decide
    }

    [Fact]
    public async Task When_the_rule_refuses_after_the_reload_the_answer_is_a_conflict_and_nothing_is_stored()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 1_000m, "province"));
        await WriteBehindTheGrainsBackAsync(id, new SubsidyPaid("G-1", 900m, "P-dup"));

        var outcome = await Send(id, new PaySubsidy("G-1", 600m, "P-1"));

        Assert.Equal(RefusalKind.Conflict, outcome.Refusal!.Kind);
        Assert.Equal(3, await Fixture.Store.GetStreamVersionAsync(ProjectDecider.StreamId(id)));
    }

    [Fact]
    public async Task A_retry_whose_first_response_was_lost_returns_the_first_result()
    {
        var id = await RegisteredProjectAsync();
        var first = await Send(id, new GrantSubsidy("G-1", 5_000m, "eu"), key: "grant-1", hash: "h1");
        var retry = await Send(id, new GrantSubsidy("G-1", 5_000m, "eu"), key: "grant-1", hash: "h1");
        var reuse = await Send(id, new GrantSubsidy("G-2", 7_000m, "eu"), key: "grant-1", hash: "h2");

        Assert.Null(retry.Refusal);
        Assert.True(retry.Replayed);
        Assert.Equal((first.Version, first.Position), (retry.Version, retry.Position));
        Assert.Equal(RefusalKind.IdempotencyKeyReused, reuse.Refusal!.Kind);
        Assert.Equal(2, await Fixture.Store.GetStreamVersionAsync(ProjectDecider.StreamId(id)));
    }

    [Fact]
    public async Task A_retried_registration_answers_with_the_first_project_even_under_a_new_id()
    {
        var other = "KC-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Send(NewId(), Register("KC-" + Guid.NewGuid().ToString("N")[..8]), key: "register-1", hash: "same");
        var retry = await Send(NewId(), Register(other), key: "register-1", hash: "same");

        Assert.True(retry.Replayed);
        Assert.Equal(first.StreamId, retry.StreamId);
        // The retry stored nothing, so the reference it named is free again.
        Assert.Null(await Fixture.Cluster.Client.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf("antwerpen", other)).Owner());
    }

    [Fact]
    public async Task A_retried_registration_of_the_same_project_replays_and_keeps_its_reference()
    {
        var id = NewId();
        var reference = "KC-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Send(id, Register(reference), key: "register-same-" + reference, hash: "r");
        var retry = await Send(id, Register(reference), key: "register-same-" + reference, hash: "r");
        var again = await Send(id, Register(reference)); // without a key: the project exists
        var elsewhere = await Send(NewId(), Register(reference));

        Assert.True(retry.Replayed);
        Assert.Equal((first.Version, first.Position), (retry.Version, retry.Position));
        Assert.Equal(RefusalKind.Conflict, again.Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, elsewhere.Refusal!.Kind);
        Assert.Equal(id, await Fixture.Cluster.Client.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf("antwerpen", reference)).Owner());
    }

    [Fact]
    public async Task If_match_with_a_stale_version_is_refused_as_a_failed_precondition()
    {
        var id = await RegisteredProjectAsync(new AddPartner("UAntwerpen", null));

        var stale = await Send(id, new AddPartner("VITO", null), ifMatch: 1);
        var current = await Send(id, new AddPartner("VITO", null), ifMatch: 2);

        Assert.Equal(RefusalKind.PreconditionFailed, stale.Refusal!.Kind);
        Assert.Null(current.Refusal);
    }

    [Fact]
    public async Task An_external_reference_is_unique_within_the_lead_province()
    {
        var reference = "KC-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Send(NewId(), Register(reference));
        var second = await Send(NewId(), Register(reference));

        Assert.Null(first.Refusal);
        Assert.Equal(RefusalKind.Conflict, second.Refusal!.Kind);
        var owner = await Fixture.Cluster.Client.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf("antwerpen", reference)).Owner();
        Assert.Equal(first.StreamId, ProjectDecider.StreamId(owner!));
    }

    [Fact]
    public async Task An_external_reference_with_surrounding_spaces_is_the_same_reference()
    {
        var reference = "KC-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Send(NewId(), Register(reference));
        var spaced = await Send(NewId(), Register(reference + " "));

        Assert.Null(first.Refusal);
        Assert.Equal(RefusalKind.Conflict, spaced.Refusal!.Kind);
    }

    [Fact]
    public async Task If_match_against_a_duplicate_writer_is_a_failed_precondition_and_the_grain_catches_up()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 1_000m, "province"));
        await WriteBehindTheGrainsBackAsync(id, new SubsidyPaid("G-1", 100m, "P-dup"));

        var stale = await Send(id, new AddPartner("VITO", null), ifMatch: 2);
        var current = await Send(id, new AddPartner("VITO", null), ifMatch: 3);

        Assert.Equal(RefusalKind.PreconditionFailed, stale.Refusal!.Kind);
        Assert.Null(current.Refusal);
        Assert.Equal(4, current.Version);
    }

    [Fact]
    public async Task The_grains_state_is_the_fold_of_its_stored_events()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 100_000.10m, "province"), new PaySubsidy("G-1", 25_000.05m, "P-1"),
            new ReportOutput("jobs-created", 7, "2026-Q2"), new ChangeProjectStatus("running"));
        var stored = await Fixture.Store.ReadStreamAsync(ProjectDecider.StreamId(id));

        // What a fresh activation without a snapshot does: decode the stored canonical JSON and fold it.
        var history = ProjectDecider.Initial(id);
        foreach (var e in stored)
            history = ProjectDecider.Evolve(history, new Fact(e.EventId, e.EventType, e.Data, e.EffectiveDate), EventJson.Deserialize(e.EventType, e.Data)!);

        var view = await Fixture.Cluster.Client.GetGrain<IProjectGrain>(id).View();
        Assert.Equal(JsonSerializer.Serialize(history.State, JsonSerializerOptions.Web), view.StateJson);
        Assert.Equal(history.Version, view.Version);
    }

    [Fact]
    public async Task Events_carry_the_actor_from_the_request_and_the_tags_from_the_project()
    {
        var id = await RegisteredProjectAsync(new GrantSubsidy("G-1", 10m, "province") { DecisionRef = "DEP-1", Body = "deputatie" });

        var grant = (await Fixture.Store.ReadStreamAsync(ProjectDecider.StreamId(id)))[1];

        Assert.Equal(["antwerpen", "limburg"], grant.Tags.Provinces);
        Assert.Equal(("circular-economy", "u-officer-ant", "api"), (grant.Tags.Domain, grant.Tags.Actor, grant.Tags.Source));
        Assert.Equal(["catalisti"], grant.Tags.Clusters);
        var metadata = JsonDocument.Parse(grant.Metadata).RootElement;
        Assert.Equal("officer", metadata.GetProperty("role").GetString());
        Assert.Equal("DEP-1", metadata.GetProperty("decisionRef").GetString());
        Assert.Equal("deputatie", metadata.GetProperty("body").GetString());
    }

    /// <summary>What a duplicate activation would do: append to the stream without this grain knowing.</summary>
    private async Task WriteBehindTheGrainsBackAsync(string id, IDomainEvent e)
    {
        var stream = ProjectDecider.StreamId(id);
        var version = await Fixture.Store.GetStreamVersionAsync(stream);
        var context = new CommandContext(Officer, Sources.Api, MonitorClock.System.Now, Guid.NewGuid());
        var scope = new EventScope(["antwerpen", "limburg"], "circular-economy", ["catalisti"]);
        await Fixture.Store.AppendAsync(stream, version,
            [EventEnvelopes.ToAppend(new NewEvent(e, context.Today, scope), null, null, context)]);
    }
}

public sealed class SqliteProjectGrainTests(SqliteCluster fixture) : ProjectGrainContract(fixture), IClassFixture<SqliteCluster>;

public sealed class PostgresProjectGrainTests(PostgresCluster fixture) : ProjectGrainContract(fixture), IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task A_stopped_database_answers_unavailable_and_nothing_is_half_written()
    {
        var id = await RegisteredProjectAsync();
        var head = await Fixture.Store.GetHeadAsync();

        fixture.Proxy.Cut();
        CommandOutcome outcome;
        try
        {
            outcome = await Send(id, new GrantSubsidy("G-1", 10m, "province"));
        }
        finally
        {
            fixture.Proxy.Restore();
        }

        Assert.Equal(RefusalKind.Unavailable, outcome.Refusal!.Kind);
        Assert.Equal(head, await Fixture.Store.GetHeadAsync());
        var retry = await Send(id, new GrantSubsidy("G-1", 10m, "province"));
        Assert.Null(retry.Refusal);
        Assert.Equal(head.Position + 1, retry.Position);
    }

    [Fact]
    public async Task Projects_spread_over_both_silos_keep_their_own_streams()
    {
        var ids = Enumerable.Range(0, 12).Select(_ => NewId()).ToArray();
        await Task.WhenAll(ids.Select(id => Send(id, Register())));
        await Task.WhenAll(ids.Select(id => Send(id, new GrantSubsidy("G-1", 10m, "pom"))));

        foreach (var id in ids)
            Assert.Equal(2, await Fixture.Store.GetStreamVersionAsync(ProjectDecider.StreamId(id)));
        Assert.Equal(2, Fixture.Cluster.GetActiveSilos().Count());
        Assert.True((await Fixture.Store.VerifyAsync()).Intact);
    }
}
