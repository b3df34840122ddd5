using ProvincialMonitor.Grains;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.UnitTests.Audit;

/// <summary>One step of a random project history: what an officer does, on which day, naming which earlier event.</summary>
public sealed record ScriptStep(int Kind, int Amount, int Day, int Target);

/// <summary>A random sequence of actions on one project; <see cref="AsOfProperties.Events"/> turns it into the valid events Decide accepts.</summary>
public sealed record Script(IReadOnlyList<ScriptStep> Steps, int Probe)
{
    public override string ToString() => $"{Steps.Count} steps, probe {Probe}: " + string.Join(" ", Steps.Select(s => $"{s.Kind}/{s.Amount}/{s.Day}/{s.Target}"));
}

public static class ScriptArbitrary
{
    public static Arbitrary<Script> Scripts()
    {
        var step = from kind in Gen.Choose(0, 6)
                   from amount in Gen.Choose(1, 500)
                   from day in Gen.Choose(0, 120)
                   from target in Gen.Choose(0, 40)
                   select new ScriptStep(kind, amount, day, target);
        var script = from steps in Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(step, n))
                     from probe in Gen.Choose(0, 200)
                     select new Script(steps, probe);
        return Arb.From(script);
    }
}

/// <summary>
/// Property tests of the historical reads (issue "Auditors"): random valid project histories, stored in a real
/// SQLite store, read back as of a version, a recorded time and an effective date, compared with a
/// straightforward reference fold; and snapshots (the Orleans-serialized history) never change an answer.
/// </summary>
public sealed class AsOfProperties
{
    private const string Key = "prop-project";
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ProjectState).Assembly).AddAssembly(typeof(Command).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    /// <summary>The events Decide accepts for the script, in order, with their effective dates (refused steps are left out).</summary>
    public static List<(IDomainEvent Event, DateOnly Effective)> Events(Script script)
    {
        var history = ProjectDecider.Initial(Key);
        var decided = new List<(IDomainEvent, DateOnly)>();
        var ids = new List<Guid>();
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        void Run(ProjectCommand command)
        {
            var decision = ProjectDecider.Decide(history, command, new CommandContext(Actor.System, Sources.Api, now, Guid.NewGuid()));
            if (decision.Refusal is not null) return;
            foreach (var e in decision.Events)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                history = ProjectDecider.Evolve(history, Facts.Of(id, e.Event, e.EffectiveDate), e.Event);
                decided.Add((e.Event, e.EffectiveDate));
            }
        }

        Run(new RegisterProject("Eigenschap", null, "limburg", [], "labour-market", [], [], null, null, null, null) { EffectiveDate = Start });
        foreach (var s in script.Steps)
        {
            var effective = Start.AddDays(s.Day);
            var grant = $"G-{s.Amount % 4}";
            var target = ids.Count == 0 ? Guid.Empty : ids[s.Target % ids.Count];
            Run(s.Kind switch
            {
                0 or 1 => new GrantSubsidy(grant, s.Amount * 100m, "province", "limburg") { EffectiveDate = effective },
                2 => new PaySubsidy(grant, s.Amount, $"P-{ids.Count}") { EffectiveDate = effective },
                3 => new AddPartner($"Partner {s.Amount}", null) { EffectiveDate = effective },
                4 => new ChangeProjectStatus(s.Amount % 2 == 0 ? "running" : "completed") { EffectiveDate = effective },
                5 => new CorrectProject(target, [new CorrectionChange { Field = "amount", NewValueJson = (s.Amount * 10).ToString(System.Globalization.CultureInfo.InvariantCulture) }], "property test")
                    { EffectiveDate = effective },
                _ => new RetractProjectEvent(target, "property test") { EffectiveDate = effective },
            });
        }
        return decided;
    }

    private static string Fold(IEnumerable<RecordedEvent> events)
    {
        var history = ProjectDecider.Initial(Key);
        foreach (var e in events) history = ProjectDecider.Evolve(history, new Fact(e.EventId, e.EventType, e.Data, e.EffectiveDate), EventJson.Deserialize(e.EventType, e.Data)!);
        return JsonSerializer.Serialize(history.State, StateFold.StateJson);
    }

    private static async Task<(RelationalEventStore Store, List<RecordedEvent> Recorded, string Folder)> StoreAsync(Script script)
    {
        var folder = Directory.CreateTempSubdirectory("provmon-prop-").FullName;
        var store = await SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db"));
        var context = new CommandContext(Actor.System, Sources.Api, MonitorClock.System.Now, Guid.NewGuid());
        foreach (var (e, effective) in Events(script))
            await store.AppendAsync(ProjectDecider.StreamId(Key), ExpectedVersion.Any,
                [EventEnvelopes.ToAppend(new NewEvent(e, effective, new EventScope(["limburg"], "labour-market", [])), null, null, context)]);
        return (store, [.. await store.ReadStreamAsync(ProjectDecider.StreamId(Key))], folder);
    }

    private static async Task DropAsync(RelationalEventStore store, string folder)
    {
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 40)]
    public void The_state_as_of_version_k_is_the_fold_of_the_first_k_events(Script script) => Run(script, async (store, recorded) =>
    {
        var kind = AggregateKinds.All["project"];
        var k = script.Probe % recorded.Count + 1;
        var asOf = await kind.AsOfAsync(store, Key, new AsOfQuery(AtPosition: recorded[k - 1].Position));
        Assert.Equal(k, asOf.Events);
        Assert.Equal(Fold(recorded.Take(k)), asOf.StateJson);
    });

    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 40)]
    public void As_of_an_effective_date_and_a_recorded_time_agree_with_a_reference_fold(Script script) => Run(script, async (store, recorded) =>
    {
        var kind = AggregateKinds.All["project"];
        var day = Start.AddDays(script.Probe % 130 - 5);
        var moment = recorded[script.Probe % recorded.Count].RecordedAt;

        var effective = await kind.AsOfAsync(store, Key, new AsOfQuery(EffectiveOn: day));
        var known = await kind.AsOfAsync(store, Key, new AsOfQuery(RecordedUpTo: moment));

        // The reference: pick the events by hand, in position order, and fold them.
        var inEffect = new List<RecordedEvent>();
        foreach (var e in recorded) if (e.EffectiveDate <= day) inEffect.Add(e);
        var knownThen = new List<RecordedEvent>();
        foreach (var e in recorded) if (e.RecordedAt <= moment) knownThen.Add(e);
        Assert.Equal(inEffect.Count, effective.Events);
        if (inEffect.Count > 0) Assert.Equal(Fold(inEffect), effective.StateJson);
        Assert.Equal(knownThen.Count, known.Events);
        Assert.Equal(Fold(knownThen), known.StateJson);
    });

    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 100)]
    public void A_snapshot_taken_anywhere_never_changes_the_state(Script script)
    {
        var events = Events(script);
        var cut = script.Probe % (events.Count + 1);
        var full = ProjectDecider.Initial(Key);
        var resumed = ProjectDecider.Initial(Key);
        for (var i = 0; i < events.Count; i++)
        {
            var (e, effective) = events[i];
            var fact = Facts.Of(Guid.CreateVersion7(), e, effective);
            full = ProjectDecider.Evolve(full, fact, e);
            if (i == cut) resumed = Serializer.Deserialize<History<ProjectState>>(Serializer.SerializeToArray(resumed))!;
            resumed = ProjectDecider.Evolve(resumed, fact, e);
        }
        if (cut == events.Count) resumed = Serializer.Deserialize<History<ProjectState>>(Serializer.SerializeToArray(resumed))!;

        Assert.Equal(full.Version, resumed.Version);
        Assert.Equal(JsonSerializer.Serialize(full.State, StateFold.StateJson), JsonSerializer.Serialize(resumed.State, StateFold.StateJson));
        Assert.Equal(full.Facts.Select(f => (f.EventId, f.Data, f.Retracted)), resumed.Facts.Select(f => (f.EventId, f.Data, f.Retracted)));
    }

    [Property(Arbitrary = [typeof(ScriptArbitrary)], MaxTest = 40)]
    public void Historical_reads_from_snapshots_answer_as_reads_from_the_start(Script script) => Run(script, async (store, recorded) =>
    {
        var kind = AggregateKinds.All["project"];
        // Dates first: a fold that leaves out some events must take no snapshot past the first one it leaves out.
        var queries = new List<AsOfQuery> { new(EffectiveOn: Start.AddDays(script.Probe % 130), AtPosition: recorded[script.Probe % recorded.Count].Position) };
        for (var day = -5; day <= 125; day += 5 + script.Probe % 7) queries.Add(new AsOfQuery(EffectiveOn: Start.AddDays(day)));
        foreach (var e in recorded.Where((_, i) => i % 4 == script.Probe % 4)) queries.Add(new AsOfQuery(RecordedUpTo: e.RecordedAt));
        foreach (var e in recorded) queries.Add(new AsOfQuery(AtPosition: e.Position));

        // A snapshot after every third event. The first pass takes them, the second starts from them as kept in memory,
        // and the third, with nothing in memory, decodes them from the store.
        var taking = new AggregateSnapshots(store.Snapshots, NullLogger<AggregateSnapshots>.Instance, every: 3);
        var fresh = new AggregateSnapshots(store.Snapshots, NullLogger<AggregateSnapshots>.Instance, every: 3);
        foreach (var snapshots in new[] { taking, taking, fresh })
            foreach (var query in queries)
                Assert.Equal(Shown(await kind.AsOfAsync(store, Key, query)), Shown(await kind.AsOfAsync(store, Key, query, snapshots)));
        if (recorded.Count >= 3) Assert.NotNull(await store.Snapshots.FindAsync(ProjectDecider.StreamId(Key), AggregateSnapshots.Fold));
    });

    /// <summary>A historical state with its view record as JSON (records of arrays compare by reference).</summary>
    private static (HistoricalState State, string View) Shown(HistoricalState state) =>
        (state with { View = null }, JsonSerializer.Serialize(state.View, StateFold.StateJson));

    private static void Run(Script script, Func<RelationalEventStore, List<RecordedEvent>, Task> property)
    {
        var (store, recorded, folder) = StoreAsync(script).GetAwaiter().GetResult();
        try
        {
            property(store, recorded).GetAwaiter().GetResult();
        }
        finally
        {
            DropAsync(store, folder).GetAwaiter().GetResult();
        }
    }
}
