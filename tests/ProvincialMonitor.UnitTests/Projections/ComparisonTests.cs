using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>The comparison's ranks, its per-inhabitant figures by population year, and its ratio of granted per job.</summary>
public sealed class ComparisonTests
{
    private static readonly DateOnly Today = MonitorClock.DateOf(MonitorClock.System.Now);
    private const string Kampc = "project-kampc";

    private static readonly ProjectRegistered Registered = new("kampc", "Kamp C", "KC-01", "antwerpen", [], "circular-economy", [], [], null, null, null, null);

    private static IndicatorsModel Folded(Action<LogBuilder> events)
    {
        var log = new LogBuilder();
        events(log);
        var model = new IndicatorsModel();
        log.FoldInto(model);
        return model;
    }

    [Fact]
    public void Equal_values_share_a_rank_the_next_skips_and_a_value_without_denominator_has_none()
    {
        Assert.Equal([1, 2, 2, 5, 2], Comparing.Ranks([3m, 2m, 2m, 1m, 2m]));
        Assert.Equal([null, 1, 2, 2, null], Comparing.Ranks([null, 5m, 0m, 0m, null]));
    }

    [Fact]
    public void A_figure_that_is_zero_for_every_province_is_not_ranked_and_says_so()
    {
        var model = Folded(log => log.Add(Kampc, Registered, Today.AddDays(-30), ["antwerpen"]));

        var comparison = model.Compare("budget", "absolute", Today);

        Assert.All(comparison.Rows, r => Assert.Null(r.Rank));
        Assert.Equal("geen rangschikking: alle waarden 0", comparison.NoRanking);
        Assert.Null(model.Compare("projects", "absolute", Today).NoRanking);
        Assert.Equal([null, null, null, null, null], Comparing.Ranks([0m, 0m, null, 0m, 0m]));
    }

    [Fact]
    public void A_per_inhabitant_figure_uses_the_newest_population_on_or_before_its_year_and_Vlaanderen_sums_the_provinces()
    {
        var year = Today.Year;
        var model = Folded(log =>
        {
            foreach (var province in ProvinceSlugs.All)
                log.Add($"province-{province}", new PopulationRecorded(year - 2, 1_000_000, 60), new DateOnly(year - 2, 1, 1), [province]);
            log.Add("province-antwerpen", new PopulationRecorded(year - 1, 2_000_000, 60), new DateOnly(year - 1, 1, 1), ["antwerpen"]);
            log.Add("province-antwerpen", new PopulationRecorded(year + 1, 4_000_000, 60), new DateOnly(year + 1, 1, 1), ["antwerpen"]);
            log.Add(Kampc, Registered, Today.AddYears(-3), ["antwerpen"]);
            log.Add(Kampc, new SubsidyGranted("G-1", 1_000_000m, "province", "antwerpen"), Today.AddYears(-3), ["antwerpen"]);
        });

        var now = model.Compare("granted", "capita", Today);
        var twoYearsAgo = model.Compare("granted", "capita", new DateOnly(year - 2, 6, 30));
        var antwerpen = now.Rows.Single(r => r.Scope == "province:antwerpen");
        var flanders = now.Rows.Single(r => r.Scope == "flanders");

        Assert.Equal((0.5m, year - 1), (antwerpen.Value!.Value, antwerpen.Denominators!.PopulationYear)); // € per inhabitant; next year's is not in force
        Assert.Equal(1m, twoYearsAgo.Rows.Single(r => r.Scope == "province:antwerpen").Value);
        Assert.Equal((6_000_000L, (decimal?)0.17m, (int?)null), (flanders.Denominators!.Inhabitants, flanders.Value, flanders.Rank));
        Assert.Equal($"inwoners op 1 januari {year - 1}", Comparing.PopulationDate(antwerpen.Denominators.PopulationYear));
        // A count stays per 100,000 inhabitants: per inhabitant it would round to zero.
        Assert.Equal(0.05m, model.Compare("projects", "capita", Today).Rows.Single(r => r.Scope == "province:antwerpen").Value);
        Assert.Equal("per 100.000 inwoners", model.Compare("projects", "capita", Today).Unit);
    }

    [Fact]
    public void Granted_per_job_is_the_province_s_own_granted_over_the_jobs_created_on_the_projects_it_leads()
    {
        var model = Folded(log =>
        {
            log.Add(Kampc, Registered, Today.AddDays(-60), ["antwerpen"]);
            log.Add(Kampc, new SubsidyGranted("G-1", 90_000m, "province", "antwerpen"), Today.AddDays(-50), ["antwerpen"]);
            log.Add(Kampc, new SubsidyGranted("G-2", 500_000m, "eu", null), Today.AddDays(-50), ["antwerpen"]);
            log.Add(Kampc, new OutputReported("jobs-created", 12, $"{Today.Year}"), Today.AddDays(-10), ["antwerpen"]);
        });

        var comparison = model.Compare("granted-per-job", "capita", Today);

        Assert.Equal(7_500m, comparison.Rows.Single(r => r.Scope == "province:antwerpen").Value); // the EU's grant is not the province's own
        Assert.Equal(7_500m, comparison.Rows.Single(r => r.Scope == "flanders").Value);
        Assert.Null(comparison.Rows.Single(r => r.Scope == "province:limburg").Value); // no jobs: no ratio
        Assert.Equal(1, comparison.Rows.Single(r => r.Scope == "province:antwerpen").Rank);
        Assert.Null(comparison.Unit);
    }
}
