using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Grains.Projections;
using M = ProvincialMonitor.Contracts.Measures.BusinessParkMeasures;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>
/// The park figures in a province's and Vlaanderen's indicators and in the comparison: taken as the park projection has
/// them, the additive ones divided as asked, years of supply (a ratio) never divided and absent when not computable.
/// </summary>
public sealed class ParkComparisonTests
{
    private static readonly DateOnly Today = MonitorClock.System.Today;

    [Fact]
    public void Only_a_province_and_Vlaanderen_get_park_figures_and_years_of_supply_only_when_computable()
    {
        var parks = new BusinessParkModel();

        var flanders = BusinessParkFigures.Measures(parks, MeasureCatalog.Flanders, Today)!;
        Assert.Equal(M.All.Select(m => m.Code).Where(c => c != M.SupplyYears).Order(StringComparer.Ordinal), flanders.Keys.Order(StringComparer.Ordinal));
        Assert.All(flanders.Values, v => Assert.Equal(0m, v));
        Assert.NotNull(BusinessParkFigures.Measures(parks, "province:limburg", Today));
        Assert.Null(BusinessParkFigures.Measures(parks, "cluster:flux50", Today));
        Assert.Null(BusinessParkFigures.Measures(parks, "municipality:71016", Today));
    }

    [Fact]
    public void The_comparison_divides_the_available_hectares_but_never_the_years_of_supply()
    {
        var model = new IndicatorsModel();
        IReadOnlyDictionary<string, decimal> More(string scope) => scope == "province:antwerpen"
            ? new Dictionary<string, decimal> { [M.Available] = 40m }
            : new Dictionary<string, decimal> { [M.Available] = 100m, [M.SupplyYears] = 12.5m };

        var view = model.View("province:limburg", Today, More("province:limburg"));
        Assert.Equal(100m, view.Measures[M.Available]);

        var supply = model.Compare(M.SupplyYears, "capita", Today, More);
        Assert.Null(supply.Unit);
        Assert.Null(supply.Rows.Single(r => r.Scope == "province:antwerpen").Value);
        Assert.All(supply.Rows.Where(r => r.Scope != "province:antwerpen"), r => Assert.Equal(12.5m, r.Value));

        var available = model.Compare(M.Available, "absolute", Today, More);
        Assert.Equal(40m, available.Rows.Single(r => r.Scope == "province:antwerpen").Value);
        Assert.Equal(5, available.Rows.Single(r => r.Scope == "province:antwerpen").Rank);
        Assert.Null(available.Rows.Single(r => r.Scope == MeasureCatalog.Flanders).Rank);
    }
}
