using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>
/// A comparison as of a moment folds only the event types that can change its measure: it must give what the
/// fold of every event gives, corrections and retractions included.
/// </summary>
public sealed class HistoricalComparisonTests : IAsyncLifetime
{
    private TemporaryStore _temporary = null!;
    private RelationalEventStore _store = null!;
    private readonly List<Guid> _grants = [];
    private readonly List<Guid> _payments = [];
    private readonly List<Guid> _outputs = [];

    public async Task InitializeAsync()
    {
        _temporary = await TemporaryStore.OpenAsync("provmon-historical-");
        _store = _temporary.Store;
        string[] provinces = ["limburg", "antwerpen", "west-vlaanderen"];
        for (var p = 0; p < provinces.Length; p++)
        {
            var id = $"p{p}";
            var scope = new EventScope([provinces[p]], "labour-market", []);
            Task<Guid> Append(IDomainEvent e) => _temporary.AppendAsync($"project-{id}", e, scope);
            await Append(new ProjectRegistered(id, $"Project {p}", null, provinces[p], [], "labour-market", [], [], null, null, null, null));
            for (var i = 1; i <= 5; i++)
            {
                _grants.Add(await Append(new SubsidyGranted($"G-{i}", 1_000m * (p + 1) + i, i % 2 == 0 ? "eu" : "province", i % 2 == 0 ? null : provinces[p])));
                _payments.Add(await Append(new SubsidyPaid($"G-{i}", 100m * i, $"P-{i}")));
                _outputs.Add(await Append(new OutputReported("jobs-created", i + p, "2026")));
            }
            await Append(new ProjectStatusChanged("running"));
            await Append(new ProjectCorrected(_grants[^2], [new FieldCorrection("amount", null, "99")], "typo"));
            await Append(new ProjectRetracted(_payments[^3], "double entry"));
            await Append(new ProjectRetracted(_outputs[^1], "wrong project"));
        }
    }

    public async Task DisposeAsync() => await _temporary.DisposeAsync();

    [Theory]
    [InlineData("granted")]
    [InlineData("paid")]
    [InlineData("granted.funder.province")]
    [InlineData("cofunded.granted.eu")]
    [InlineData("cofunded.paid.eu")]
    [InlineData("cofunded.paid")]
    [InlineData("outputs.jobs-created")]
    [InlineData("projects")]
    [InlineData("projects.status.running")]
    public async Task A_comparison_folded_from_its_measures_event_types_equals_the_fold_of_every_event(string measure)
    {
        var today = MonitorClock.System.Today;
        var head = await _store.GetHeadAsync();
        var full = new IndicatorsModel();
        await foreach (var e in _store.ReadAllAsync()) full.Apply(e, await Amendments.TargetAsync(_store, e));

        foreach (var query in (AsOfQuery[])[new(RecordedUpTo: MonitorClock.System.Now.AddMinutes(1)), new(EffectiveOn: today), new(AtPosition: head.Position)])
        {
            var filtered = await new HistoricalIndicators(_store).CompareAsync(measure, "absolute", query, today);
            var expected = full.Compare(measure, "absolute", today);
            Assert.Equal(expected.Rows.Select(r => (r.Scope, r.Absolute)), filtered.Rows.Select(r => (r.Scope, r.Absolute)));
            Assert.NotNull(IndicatorViews.EventTypesFor(measure));
        }
        Assert.Contains(full.Compare(measure, "absolute", today).Rows, r => r.Absolute != 0);
    }

    [Fact]
    public async Task A_comparison_up_to_a_recorded_moment_leaves_out_what_came_later()
    {
        var today = MonitorClock.System.Today;
        var middle = (await _store.QueryAsync(new LogQuery { AfterPosition = 20, Limit = 1 })).Events[0];
        var upTo = new IndicatorsModel();
        await foreach (var e in _store.ReadAllAsync(1, middle.Position)) upTo.Apply(e, await Amendments.TargetAsync(_store, e));

        var filtered = await new HistoricalIndicators(_store).CompareAsync("granted", "absolute", new AsOfQuery(AtPosition: middle.Position), today);

        Assert.Equal(upTo.Compare("granted", "absolute", today).Rows.Select(r => r.Absolute), filtered.Rows.Select(r => r.Absolute));
    }
}
