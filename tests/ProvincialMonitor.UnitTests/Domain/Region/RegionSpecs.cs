using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.UnitTests.Domain.Region;

internal static class RegionSpecs
{
    public static Spec<RegionState, RegionCommand> New() => new(RegionDecider.Initial(RegionDecider.Key), RegionDecider.Evolve, RegionDecider.Decide);

    public static readonly TargetSet Target2030 = new("employment-rate", 80m, 2030);

    public static readonly IndicatorMeasured Employment2025 = new("employment-rate", 76.0m, "percent", "2025", "Statbel");

    public static Spec<RegionState, RegionCommand> Given(params IDomainEvent[] events) => New().Given(events);
}
