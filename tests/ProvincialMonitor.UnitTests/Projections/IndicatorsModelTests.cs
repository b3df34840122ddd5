using System.Text.Json;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

public sealed class IndicatorsModelTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private const string KampC = "project-kampc";

    private static readonly ProjectRegistered Registered = new("kampc", "Kamp C", "KC-01", "antwerpen", ["limburg"], "circular-economy",
        ["catalisti", "sim"], [], null, null, null, null);

    private static (LogBuilder Log, IndicatorsModel Model) Given(Action<LogBuilder> events)
    {
        var log = new LogBuilder();
        log.Add("province-antwerpen", new PopulationRecorded(2024, 2_000_000, 69), new DateOnly(2024, 1, 1), ["antwerpen"]);
        log.Add("province-limburg", new PopulationRecorded(2024, 900_000, 42), new DateOnly(2024, 1, 1), ["limburg"]);
        events(log);
        var model = new IndicatorsModel();
        log.FoldInto(model);
        return (log, model);
    }

    private static decimal Measure(IndicatorsModel model, string scope, string measure) =>
        model.View(scope, Today).Measures.GetValueOrDefault(measure);

    [Fact]
    public void A_cluster_counts_its_own_projects()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen", "limburg"]);
            log.Add("project-other", Registered with { ProjectId = "other", Clusters = ["vil"] }, new DateOnly(2026, 1, 10), ["antwerpen"]);
        });

        Assert.Equal(1m, Measure(model, "cluster:sim", "projects"));
        Assert.Equal(2m, Measure(model, "cluster:vil", "projects") + Measure(model, "cluster:sim", "projects"));
        Assert.Equal(2m, Measure(model, "flanders", "projects"));
    }

    [Fact]
    public void A_grant_counts_in_the_lead_province_and_flanders_by_domain_and_funder_and_for_each_cluster()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen", "limburg"]);
            log.Add(KampC, new SubsidyGranted("G-1", 100_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen", "limburg"]);
            log.Add(KampC, new SubsidyPaid("G-1", 40_000m, "P-1"), new DateOnly(2026, 4, 1), ["antwerpen", "limburg"]);
        });

        Assert.Equal(100_000m, Measure(model, "province:antwerpen", "granted"));
        Assert.Equal(0m, Measure(model, "province:limburg", "granted"));
        Assert.Equal(100_000m, Measure(model, "flanders", "granted"));
        Assert.Equal(100_000m, Measure(model, "province:antwerpen", "granted.domain.circular-economy"));
        Assert.Equal(100_000m, Measure(model, "province:antwerpen", "granted.funder.province"));
        Assert.Equal(40_000m, Measure(model, "province:antwerpen", "paid.funder.province"));
        Assert.Equal(100_000m, model.View("cluster:catalisti", Today).Measures["granted"]);
        Assert.Equal(100_000m, model.View("cluster:sim", Today).Measures["granted"]);
    }

    [Fact]
    public void A_project_counts_in_its_lead_province_and_including_participations_also_where_it_takes_part()
    {
        var (_, model) = Given(log => log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen", "limburg"]));

        Assert.Equal(1m, Measure(model, "province:antwerpen", "projects"));
        Assert.Equal(0m, Measure(model, "province:limburg", "projects"));
        Assert.Equal(1m, Measure(model, "province:limburg", "projects.including-participations"));
        Assert.Equal(1m, Measure(model, "flanders", "projects"));
        Assert.Equal(1m, Measure(model, "flanders", "projects.including-participations"));
        Assert.Equal(1m, Measure(model, "province:antwerpen", "projects.status.planned"));
    }

    [Fact]
    public void Per_capita_figures_use_the_population_of_the_reference_year_and_say_which()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            log.Add(KampC, new SubsidyGranted("G-1", 60_000m, "pom", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add("province-antwerpen", new PopulationRecorded(2027, 3_000_000, 67), new DateOnly(2027, 1, 1), ["antwerpen"]);
        });

        var comparison = model.Compare("granted", "capita", Today);
        var antwerpen = comparison.Rows.Single(r => r.Scope == "province:antwerpen");

        Assert.Equal(0.03m, antwerpen.Value); // € 60,000 / 2,000,000 inhabitants: the 2027 figure is not in force yet
        Assert.Equal("€ per inwoner", comparison.Unit);
        Assert.Equal(2024, antwerpen.Denominators!.PopulationYear);
        Assert.Equal(1, antwerpen.Rank);
        Assert.Null(comparison.Rows.Single(r => r.Scope == "flanders").Rank);
    }

    [Fact]
    public void Per_municipality_figures_use_the_boundary_version_in_force()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            log.Add(KampC, new SubsidyGranted("G-1", 6_700m, "pom", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add("reference-municipalities", new MunicipalitiesLoaded("2025", new DateOnly(2025, 1, 1), "test",
                Enumerable.Range(0, 67).Select(i => new MunicipalityRow($"1{i:0000}", $"M{i}", $"M{i}", "11000", "antwerpen", [])).ToArray()), new DateOnly(2025, 1, 1));
        });

        var antwerpen = model.Compare("granted", "municipality", Today).Rows.Single(r => r.Scope == "province:antwerpen");
        var in2024 = model.Compare("granted", "municipality", new DateOnly(2024, 6, 1)).Rows.Single(r => r.Scope == "province:antwerpen");

        Assert.Equal((100m, 67, "2025"), (antwerpen.Value!.Value, antwerpen.Denominators!.Municipalities, antwerpen.Denominators.BoundaryVersion));
        Assert.Equal(69, in2024.Denominators!.Municipalities);
    }

    [Fact]
    public void A_late_correction_with_an_earlier_effective_date_changes_the_total_as_of_its_own_date()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            var grant = log.Add(KampC, new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1000", "1500")], "typo"), new DateOnly(2026, 2, 1), ["antwerpen"]);
        });

        var view = model.View("province:antwerpen", Today);

        Assert.Equal(1_500m, view.Measures["granted"]);
        Assert.Equal(500m, view.Monthly.Single(m => m.Month == "2026-02").Granted);
        Assert.Equal(1_000m, view.Monthly.Single(m => m.Month == "2026-03").Granted);
        // In calendar order (2024-01: the given reference data), though the correction added February after March.
        Assert.Equal(["2024-01", "2026-01", "2026-02", "2026-03"], view.Monthly.Select(m => m.Month));
    }

    [Fact]
    public void A_retraction_withdraws_what_the_event_counted()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            log.Add(KampC, new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            var payment = log.Add(KampC, new SubsidyPaid("G-1", 300m, "P-1"), new DateOnly(2026, 4, 1), ["antwerpen"]);
            var status = log.Add(KampC, new ProjectStatusChanged("running"), new DateOnly(2026, 4, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectRetracted(payment, "wrong project"), new DateOnly(2026, 5, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectRetracted(status, "too early"), new DateOnly(2026, 5, 1), ["antwerpen"]);
        });

        Assert.Equal(0m, Measure(model, "province:antwerpen", "paid"));
        Assert.Equal(1m, Measure(model, "province:antwerpen", "projects.status.planned"));
        Assert.Equal(0m, Measure(model, "province:antwerpen", "projects.status.running"));
    }

    [Fact]
    public void A_second_correction_starts_from_the_first_and_a_retraction_then_withdraws_the_corrected_amount()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            var grant = log.Add(KampC, new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1000", "1500")], "typo"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1500", "1200")], "second typo"), new DateOnly(2026, 3, 1), ["antwerpen"]);
        });
        Assert.Equal(1_200m, Measure(model, "province:antwerpen", "granted"));

        var (_, retracted) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
            var grant = log.Add(KampC, new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1000", "1500")], "typo"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectRetracted(grant, "not granted after all"), new DateOnly(2026, 3, 1), ["antwerpen"]);
            log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1500", "9000")], "after the retraction"), new DateOnly(2026, 3, 1), ["antwerpen"]);
        });
        Assert.Equal(0m, Measure(retracted, "province:antwerpen", "granted"));
    }

    [Fact]
    public void A_correction_counts_only_with_the_event_it_names_from_the_same_stream_earlier_in_the_log()
    {
        var log = new LogBuilder();
        log.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen"]);
        var grant = log.Add(KampC, new SubsidyGranted("G-1", 1_000m, "province", "antwerpen"), new DateOnly(2026, 3, 1), ["antwerpen"]);
        log.Add(KampC, new ProjectCorrected(grant, [new FieldCorrection("amount", "1000", "1500")], "typo"), new DateOnly(2026, 3, 1), ["antwerpen"]);
        var correction = log.Events[^1];
        var named = log.Events[1];
        var model = new IndicatorsModel();
        model.Apply(log.Events[0]);
        model.Apply(named);

        model.Apply(correction);                                               // not read with its target: nothing to correct
        model.Apply(correction, log.Events[0]);                                // another event than the one named
        model.Apply(correction, named with { StreamId = "project-other" });    // the named id, but from another stream
        Assert.Equal(1_000m, Measure(model, "province:antwerpen", "granted"));

        model.Apply(correction, named);
        Assert.Equal(1_500m, Measure(model, "province:antwerpen", "granted"));
    }

    [Fact]
    public void Rates_are_never_summed_flanders_shows_the_flemish_measurement_against_its_target()
    {
        var (_, model) = Given(log =>
        {
            log.Add("province-antwerpen", new IndicatorMeasured("employment-rate", 74.1m, "percent", "2024", "Statbel"), new DateOnly(2025, 4, 30), ["antwerpen"]);
            log.Add("province-limburg", new IndicatorMeasured("employment-rate", 73.0m, "percent", "2024", "Statbel"), new DateOnly(2025, 4, 30), ["limburg"]);
            log.Add("region-vlaanderen", new TargetSet("employment-rate", 80m, 2030), new DateOnly(2021, 1, 1));
        });

        var flanders = model.View("flanders", Today).Measured.Single(m => m.Code == "employment-rate");
        var antwerpen = model.View("province:antwerpen", Today).Measured.Single(m => m.Code == "employment-rate");

        Assert.Null(flanders.Value); // not measured for Flanders: not the sum or mean of the provinces
        Assert.Equal((80m, 2030), (flanders.Target!.Value, flanders.TargetYear!.Value));
        Assert.Equal(74.1m, antwerpen.Value);
        Assert.False(model.View("flanders", Today).Measures.ContainsKey("employment-rate"));
    }

    [Fact]
    public void Freshness_counts_todays_events_in_brussels_time()
    {
        var (_, model) = Given(log =>
        {
            log.Add(KampC, Registered, new DateOnly(2026, 11, 27), ["antwerpen"], new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)); // 00:30 in Brussels
            log.Add(KampC, new SubsidyGranted("G-1", 1m, "eu", null), new DateOnly(2026, 11, 27), ["antwerpen"], new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero));
        });

        var view = model.View("province:antwerpen", Today);

        Assert.Equal(2, view.EventsToday); // the population figure and the registration (00:30 in Brussels), not the grant (23:30 the day before)
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero), view.LastEventAt);
    }

    [Fact]
    public void The_same_events_always_give_the_same_indicators()
    {
        var (log, first) = Given(l =>
        {
            l.Add(KampC, Registered, new DateOnly(2026, 1, 10), ["antwerpen", "limburg"]);
            l.Add(KampC, new SubsidyGranted("G-1", 100_000m, "eu", null), new DateOnly(2026, 3, 1), ["antwerpen", "limburg"]);
        });
        var second = new IndicatorsModel();
        log.FoldInto(second);

        foreach (var scope in IndicatorsModel.Scopes)
            Assert.Equal(JsonSerializer.Serialize(first.View(scope, Today)), JsonSerializer.Serialize(second.View(scope, Today)));
    }
}
