using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Region;

namespace ProvincialMonitor.UnitTests.Domain.Region;

public sealed class EvolveTests
{
    [Fact]
    public void Evolve_never_throws_on_events_in_any_order_with_missing_fields_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            RegionSpecs.Target2030, RegionSpecs.Target2030, RegionSpecs.Employment2025, RegionSpecs.Employment2025 with { Unit = "count" },
            new TargetSet(null!, -1, 0), new IndicatorMeasured(null!, 1000, null!, null!, null!),
            new RegionCorrected(Guid.NewGuid(), [new FieldCorrection("value", "1", "2")], "r"), new RegionRetracted(Guid.NewGuid(), "r"),
            new BudgetAllocated("labour-market", 2026, 10m),
        ];
        var random = new Random(5);
        for (var run = 0; run < 200; run++)
        {
            var history = RegionDecider.Initial(RegionDecider.Key);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = RegionDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1)), e);
            Assert.Equal(events.Length, history.Version);
            Assert.NotNull(RegionDecider.Invariants(history.State));
        }
    }
}
