using System.Globalization;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>
/// A municipality's figures (docs/domain.md "Figures per municipality"): a project counts whole in each municipality of
/// its location in force at the figure's moment, a project without one under its lead's "zonder locatie"; the drill-down
/// of every place lists exactly the events that make its figure, live and as of a date.
/// </summary>
public sealed class MunicipalityFigureTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;
    private static readonly string[] Measures = ["granted", "paid", "projects", "outputs.jobs-created"];

    private static ProjectRegistered Registration(string id, string title, string lead) =>
        new(id, title, null, lead, [], "labour-market", [], [], null, null, null, null);

    private static decimal Figure(IndicatorsModel model, string measure, string scope) =>
        MunicipalityViews.Map(model, measure)!.Rows.Single(r => r.Scope == scope).Value;

    [Fact]
    public void A_project_in_two_municipalities_counts_whole_in_each_and_a_relocation_moves_its_whole_history()
    {
        var log = new LogBuilder();
        var start = Today.AddDays(-60);
        log.Add("project-a", Registration("a", "Kanaalkant", "antwerpen"), start);
        log.Add("project-a", new ProjectLocated(["11001", "11002"]), start);
        log.Add("project-a", new SubsidyGranted("G-1", 1_000m, "eu", null), start);
        log.Add("project-a", new SubsidyPaid("G-1", 400m, "P-1"), start.AddDays(5));
        log.Add("project-a", new OutputReported("jobs-created", 7, "2026"), start.AddDays(5));
        log.Add("project-a", new ProjectLocated(["71072"]), Today.AddDays(-10));
        log.Add("project-b", Registration("b", "Zonder plaats", "limburg"), start);
        log.Add("project-b", new SubsidyGranted("G-1", 300m, "province", "limburg"), start);

        var now = new IndicatorsModel();
        log.FoldInto(now);
        var before = new IndicatorsModel();
        foreach (var e in log.Events.Where(e => e.EffectiveDate <= Today.AddDays(-20))) before.Apply(e);

        Assert.Equal((1_000m, 1_000m, 0m), (Figure(before, "granted", "municipality:11001"), Figure(before, "granted", "municipality:11002"), Figure(before, "granted", "municipality:71072")));
        Assert.Equal((0m, 0m, 1_000m), (Figure(now, "granted", "municipality:11001"), Figure(now, "granted", "municipality:11002"), Figure(now, "granted", "municipality:71072")));
        Assert.Equal((400m, 7m, 1m), (Figure(now, "paid", "municipality:71072"), Figure(now, "outputs.jobs-created", "municipality:71072"), Figure(now, "projects", "municipality:71072")));
        Assert.Equal((300m, 1m), (Figure(now, "granted", "unlocated:limburg"), Figure(now, "projects", "unlocated:limburg")));
        var map = MunicipalityViews.Map(now, "granted")!;
        Assert.Equal((285, 5, "money", "Toegekend"), (map.Rows.Count(r => r.Nis is not null), map.Rows.Count(r => r.Nis is null), map.Unit, map.Label));
        Assert.Null(MunicipalityViews.Map(now, "budget"));
        var page = MunicipalityViews.Of(now, "71072", [])!;
        Assert.Equal(("Hasselt", "Kanaalkant", 1_000m), (page.Name, Assert.Single(page.Projects).Title, page.Measures["granted"]));
    }

    [Fact]
    public void A_retracted_location_gives_the_project_back_its_previous_one_and_a_corrected_lead_moves_an_unlocated_project()
    {
        var log = new LogBuilder();
        var day = Today.AddDays(-30);
        log.Add("project-a", Registration("a", "Kanaalkant", "antwerpen"), day);
        log.Add("project-a", new ProjectLocated(["11001"]), day);
        var moved = log.Add("project-a", new ProjectLocated(["44021"]), day);
        log.Add("project-a", new SubsidyGranted("G-1", 1_000m, "eu", null), day);
        log.Add("project-a", new ProjectRetracted(moved, "verkeerd"), day);
        var b = log.Add("project-b", Registration("b", "Zonder plaats", "limburg"), day);
        log.Add("project-b", new SubsidyGranted("G-1", 300m, "flanders", null), day);
        log.Add("project-b", new ProjectCorrected(b, [new FieldCorrection("leadProvince", "\"limburg\"", "\"antwerpen\"")], "lead"), day);

        var model = new IndicatorsModel();
        log.FoldInto(model);

        Assert.Equal((1_000m, 0m), (Figure(model, "granted", "municipality:11001"), Figure(model, "granted", "municipality:44021")));
        Assert.Equal((300m, 0m), (Figure(model, "granted", "unlocated:antwerpen"), Figure(model, "granted", "unlocated:limburg")));
    }

    [Fact]
    public void On_a_generated_log_every_place_s_figure_equals_its_drilldown_live_and_as_of_a_date()
    {
        var log = Generated(new Random(29));
        var explained = 0;
        foreach (var asOf in new DateOnly?[] { null, Today.AddDays(-150), Today.AddDays(-60) })
        {
            bool Includes(RecordedEvent e) => asOf is not { } d || e.EffectiveDate <= d;
            var full = new IndicatorsModel();
            foreach (var e in log.Events.Where(Includes)) full.Apply(e, TargetOf(log, e, Includes, null));

            foreach (var measure in Measures)
            {
                Assert.True(MeasureCatalog.CountsPerMunicipality(measure), measure);
                var only = IndicatorViews.EventTypesFor(measure)!;
                // The map as the as-of route folds it: only the measure's event types.
                var typed = new IndicatorsModel(countsEvents: false);
                foreach (var e in log.Events.Where(e => Includes(e) && only.Contains(e.EventType))) typed.Apply(e, TargetOf(log, e, Includes, only));
                var map = MunicipalityViews.Map(full, measure)!;
                Assert.Equal(map.Rows.Select(r => r.Value), MunicipalityViews.Map(typed, measure)!.Rows.Select(r => r.Value));

                foreach (var row in map.Rows)
                {
                    var model = IndicatorsModel.Explaining(row.Scope, measure);
                    foreach (var e in log.Events.Where(e => Includes(e) && only.Contains(e.EventType))) model.Apply(e, TargetOf(log, e, Includes, only));
                    var explanation = model.Explanation();
                    var when = asOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now";
                    Assert.True(row.Value == explanation.Total, $"{row.Scope} {measure} as of {when}: figure {row.Value}, drill-down {explanation.Total}");
                    Assert.Equal(explanation.Total, explanation.Lines.Where(l => !l.Retracted).Sum(l => l.Amount));
                    if (row.Value != 0) explained++;
                }
            }
            // Every place's money is the sum of its projects' own money (each project whole).
            var granted = MunicipalityViews.Map(full, "granted")!;
            foreach (var row in granted.Rows.Where(r => r.Nis is not null))
                Assert.Equal(row.Value, MunicipalityViews.Of(full, row.Nis!, [])!.Projects.Sum(p => p.Granted));
        }
        Assert.True(explained > 100, $"only {explained} figures were not zero");
    }

    private static RecordedEvent? TargetOf(LogBuilder log, RecordedEvent e, Func<RecordedEvent, bool> includes, IReadOnlyList<string>? only) =>
        Amendments.TargetOf(e) is { } id && log.Events.FirstOrDefault(t => t.EventId == id) is { } target
        && includes(target) && (only is null || only.Contains(target.EventType))
            ? target
            : null;

    private static string Json(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Projects located in one to three municipalities (some in none), relocated later, their locations corrected or
    /// retracted; grants, payments and outputs, about a fifth of them corrected or retracted; a lead corrected.
    /// </summary>
    private static LogBuilder Generated(Random random)
    {
        var log = new LogBuilder();
        var provinces = ProvinceSlugs.All.ToArray();
        // A few municipalities, so that projects share them.
        var places = ReferenceData.Municipalities.Where((_, i) => i % 23 == 0).Select(m => m.NisCode).ToArray();
        DateOnly Day() => Today.AddDays(-random.Next(1, 300));
        T Any<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] Location() => [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Any(places)).Distinct()];
        decimal Money() => random.Next(1, 2_000) * 100m + random.Next(0, 100) / 100m;

        void MaybeAmend(string stream, Guid id, DateOnly day, string field, string newJson)
        {
            var roll = random.Next(10);
            var later = day.AddDays(random.Next(0, 60));
            if (later > Today) later = Today;
            if (roll == 0) log.Add(stream, new ProjectRetracted(id, "wrong"), later);
            else if (roll == 1) log.Add(stream, new ProjectCorrected(id, [new FieldCorrection(field, null, newJson)], "typo"), later);
        }

        for (var i = 0; i < 30; i++)
        {
            var stream = $"project-p{i}";
            var start = Day();
            var registered = log.Add(stream, Registration($"p{i}", $"Project {i}", Any(provinces)), start);
            if (i % 7 == 3) log.Add(stream, new ProjectCorrected(registered, [new FieldCorrection("leadProvince", null, $"\"{Any(provinces)}\"")], "lead"), start);
            if (i % 5 != 0)
            {
                var located = log.Add(stream, new ProjectLocated(Location()), start);
                MaybeAmend(stream, located, start, "municipalities", $"[\"{Any(places)}\"]");
            }
            for (var g = 0; g < random.Next(1, 4); g++)
            {
                var amount = Money();
                var grant = log.Add(stream, new SubsidyGranted($"G-{g}", amount, Any(["province", "pom", "flanders", "eu"]), null), start);
                MaybeAmend(stream, grant, start, "amount", Json(amount + 250m));
                var payment = decimal.Round(amount / 2, 2);
                var on = start.AddDays(10) > Today ? Today : start.AddDays(10);
                var paid = log.Add(stream, new SubsidyPaid($"G-{g}", payment, $"P-{g}"), on);
                MaybeAmend(stream, paid, on, "amount", Json(payment - 10m));
            }
            var jobs = random.Next(1, 40);
            var output = log.Add(stream, new OutputReported("jobs-created", jobs, $"{Today.Year}"), start);
            MaybeAmend(stream, output, start, "value", Json(jobs + 3));
        }
        // Relocations come later in the log than the money they move.
        for (var i = 0; i < 30; i++)
        {
            if (random.Next(2) != 0) continue;
            var stream = $"project-p{i}";
            var moved = Day();
            var relocated = log.Add(stream, new ProjectLocated(random.Next(6) == 0 ? [] : Location()), moved);
            MaybeAmend(stream, relocated, moved, "municipalities", $"[\"{Any(places)}\",\"{Any(places)}\"]");
        }
        return log;
    }
}
