using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class IndicatorTests
{
    private static readonly IndicatorMeasured Employment2025 = new("employment-rate", 76.4m, "percent", "2025", "Steunpunt Werk");

    [Fact]
    public void A_target_for_the_employment_rate_is_set_and_filed_under_the_labour_market()
    {
        var events = Registered().Then(new SetTarget("employment-rate", 80m, 2030), [new TargetSet("employment-rate", 80m, 2030)]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void A_target_for_another_indicator_has_no_domain()
    {
        var events = Registered().Then(new SetTarget("startups", 120m, 2027), [new TargetSet("startups", 120m, 2027)]);
        Assert.Null(events[0].Scope.Domain);
    }

    [Fact]
    public void A_target_per_indicator_and_year_is_set_once()
    {
        var spec = Registered(new TargetSet("employment-rate", 80m, 2030));
        spec.ThenRefused(new SetTarget("employment-rate", 82m, 2030), RefusalKind.Conflict);
        spec.Then(new SetTarget("employment-rate", 78m, 2027), [new TargetSet("employment-rate", 78m, 2027)]);
    }

    [Fact]
    public void An_indicator_is_measured_and_a_vacancy_rate_is_filed_under_the_labour_market()
    {
        Registered().Then(new MeasureIndicator("employment-rate", 76.4m, "percent", "2025", "Steunpunt Werk"), [Employment2025]);
        var events = Registered().Then(new MeasureIndicator("vacancy-rate", 4.1m, "percent", "2026-Q2", "VDAB"),
            [new IndicatorMeasured("vacancy-rate", 4.1m, "percent", "2026-Q2", "VDAB")]);
        Assert.Equal("labour-market", events[0].Scope.Domain);
    }

    [Fact]
    public void A_measurement_of_another_indicator_has_no_domain()
    {
        var events = Registered().Then(new MeasureIndicator("business-park-hectares", 12.5m, "hectare", "2026", "POM Limburg"),
            [new IndicatorMeasured("business-park-hectares", 12.5m, "hectare", "2026", "POM Limburg")]);
        Assert.Null(events[0].Scope.Domain);
    }

    [Fact]
    public void An_indicator_is_measured_once_per_period_and_source()
    {
        var spec = Registered(Employment2025);
        spec.ThenRefused(new MeasureIndicator("employment-rate", 76.5m, "percent", "2025", "Steunpunt Werk"), RefusalKind.Conflict);
        spec.Then(new MeasureIndicator("employment-rate", 76.1m, "percent", "2025", "Statbel"),
            [new IndicatorMeasured("employment-rate", 76.1m, "percent", "2025", "Statbel")]);
    }

    [Fact]
    public void An_indicator_keeps_the_unit_it_was_first_measured_in() =>
        Registered(new IndicatorMeasured("starters", 1200m, "count", "2025", "Statbel"))
            .ThenRefused(new MeasureIndicator("starters", 3.5m, "percent", "2026", "Statbel"), RefusalKind.Conflict);

    [Theory]
    [InlineData("employment-rate", 101, "percent", "value")]
    [InlineData("vacancy-rate", -0.5, "percent", "value")]
    [InlineData("employment-rate", 76, "count", "value")]
    [InlineData("starters", 10.5, "count", "value")]
    [InlineData("subsidies", 10.005, "euro", "value")]
    [InlineData("Employment Rate", 76, "percent", "indicatorCode")]
    [InlineData("starters", 10, "Stuks", "unit")]
    public void A_measured_value_fits_its_indicator_and_unit(string code, double value, string unit, string field) =>
        Specs.ThenInvalid(new MeasureIndicator(code, (decimal)value, unit, "2025", "Statbel"), field);

    [Theory]
    [InlineData("Q2 2026")]
    [InlineData("2026-13")]
    [InlineData("")]
    public void A_measurement_has_a_year_quarter_or_month_as_period(string period) =>
        Specs.ThenInvalid(new MeasureIndicator("starters", 10m, "count", period, "Statbel"), "period");

    [Fact]
    public void A_measurement_names_its_source_and_value()
    {
        Specs.ThenInvalid(new MeasureIndicator("starters", 10m, "count", "2025", null), "source");
        Specs.ThenInvalid(new MeasureIndicator("starters", null, "count", "2025", "Statbel"), "value");
    }

    [Fact]
    public void A_target_for_a_rate_is_a_percentage_and_names_a_plausible_year()
    {
        Specs.ThenInvalid(new SetTarget("employment-rate", 180m, 2030), "targetValue");
        Specs.ThenInvalid(new SetTarget("employment-rate", 80m, 2200), "year");
        Specs.ThenInvalid(new SetTarget(null, 80m, 2030), "indicatorCode");
    }
}
