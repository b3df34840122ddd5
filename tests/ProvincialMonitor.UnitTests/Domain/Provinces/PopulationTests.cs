using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class PopulationTests
{
    [Fact]
    public void A_population_is_recorded_for_a_reference_year_without_a_domain()
    {
        var spec = Registered();
        var events = spec.Then(new RecordPopulation(2024, 900_098, 42), [Population2024]);

        Assert.Null(events[0].Scope.Domain);
        Assert.Equal(900_098, spec.History.State.Populations.Single().Inhabitants);
    }

    [Fact]
    public void A_population_year_is_recorded_once() =>
        Registered(Population2024).ThenRefused(new RecordPopulation(2024, 901_000, 42), RefusalKind.Conflict);

    [Fact]
    public void Each_year_has_its_own_population() =>
        Registered(Population2024).Then(new RecordPopulation(2025, 904_000, 38), [new PopulationRecorded(2025, 904_000, 38)]);

    [Theory]
    [InlineData("referenceYear", 1980, 900_000, 42)]
    [InlineData("inhabitants", 2024, 0, 42)]
    [InlineData("municipalities", 2024, 900_000, 0)]
    public void A_population_has_a_plausible_year_and_counts_above_zero(string field, int year, int inhabitants, int municipalities) =>
        Specs.ThenInvalid(new RecordPopulation(year, inhabitants, municipalities), field);

    [Fact]
    public void A_missing_count_is_named() =>
        Specs.ThenInvalid(new RecordPopulation(2024, null, 42), "inhabitants");
}
