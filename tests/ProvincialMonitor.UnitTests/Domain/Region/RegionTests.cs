using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Region;
using static ProvincialMonitor.UnitTests.Domain.Region.RegionSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Region;

public sealed class RegionTests
{
    [Fact]
    public void The_region_is_vlaanderen_and_its_stream_is_named_after_it() =>
        Assert.Equal("region-vlaanderen", RegionDecider.StreamId(RegionDecider.Key));

    [Fact]
    public void The_flemish_employment_target_is_set_without_registration_and_filed_under_no_province_and_the_labour_market()
    {
        var events = New().Then(new SetRegionTarget("employment-rate", 80m, 2030), [Target2030]);

        Assert.Empty(events[0].Scope.Provinces);
        Assert.Equal("labour-market", events[0].Scope.Domain);
        Assert.Empty(events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
    }

    [Fact]
    public void A_flemish_value_is_measured_and_filed_under_the_labour_market_when_it_is_a_rate()
    {
        var spec = New();
        var rate = spec.Then(new MeasureRegionIndicator("employment-rate", 76.0m, "percent", "2025", "Statbel"), [Employment2025]);
        var other = spec.Then(new MeasureRegionIndicator("starters", 68_000m, "count", "2025", "Graydon"),
            [new IndicatorMeasured("starters", 68_000m, "count", "2025", "Graydon")]);

        Assert.Equal("labour-market", rate[0].Scope.Domain);
        Assert.Null(other[0].Scope.Domain);
        Assert.Equal(2, spec.History.State.Indicators.Measurements.Count);
    }

    [Fact]
    public void A_flemish_target_per_indicator_and_year_is_set_once() =>
        Given(Target2030).ThenRefused(new SetRegionTarget("employment-rate", 82m, 2030), RefusalKind.Conflict);

    [Fact]
    public void A_flemish_value_is_measured_once_per_period_and_source() =>
        Given(Employment2025).ThenRefused(new MeasureRegionIndicator("employment-rate", 76.2m, "percent", "2025", "Statbel"), RefusalKind.Conflict);

    [Fact]
    public void A_flemish_indicator_keeps_its_unit() =>
        Given(new IndicatorMeasured("starters", 68_000m, "count", "2025", "Graydon"))
            .ThenRefused(new MeasureRegionIndicator("starters", 2.1m, "percent", "2026", "Graydon"), RefusalKind.Conflict);

    [Fact]
    public void Only_an_administrator_writes_for_flanders()
    {
        var auditor = new Actor("u-auditor", Roles.Auditor, [], []);
        foreach (var actor in new[] { Actors.Officer(ProvinceSlugs.All.ToArray()), Actors.Deputy, auditor, Actors.Coordinator("maand-van-de-markt-2027") })
            New().ThenRefused(new SetRegionTarget("employment-rate", 80m, 2030), RefusalKind.Forbidden, actor);
    }

    [Fact]
    public void An_effective_date_more_than_one_day_ahead_is_refused()
    {
        var refusal = New().ThenRefused(new SetRegionTarget("employment-rate", 80m, 2030) { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);
    }

    [Theory]
    [InlineData("indicatorCode", "Employment Rate", 80, 2030)]
    [InlineData("targetValue", "employment-rate", 120, 2030)]
    [InlineData("year", "employment-rate", 80, 1900)]
    public void A_flemish_target_has_a_slug_a_plausible_value_and_a_year(string field, string code, int value, int year) =>
        Specs.ThenInvalid(new SetRegionTarget(code, value, year), field);

    [Theory]
    [InlineData("value", "vacancy-rate", 101, "percent", "2025")]
    [InlineData("value", "employment-rate", 76, "count", "2025")]
    [InlineData("unit", "starters", 10, "", "2025")]
    [InlineData("period", "starters", 10, "count", "2025-Q5")]
    public void A_flemish_measurement_fits_its_indicator_unit_and_period(string field, string code, int value, string unit, string period) =>
        Specs.ThenInvalid(new MeasureRegionIndicator(code, value, unit, period, "Statbel"), field);

    [Fact]
    public void A_flemish_measurement_names_its_source() =>
        Specs.ThenInvalid(new MeasureRegionIndicator("starters", 10m, "count", "2025", ""), "source");
}
