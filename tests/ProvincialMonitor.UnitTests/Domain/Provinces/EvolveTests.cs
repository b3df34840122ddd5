using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Provinces;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class EvolveTests
{
    [Fact]
    public void Evolve_never_throws_on_events_in_any_order_with_missing_fields_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            new RetailAppealDecided("BER-x", "granted"), ProvinceSpecs.Limburg, ProvinceSpecs.Limburg, ProvinceSpecs.SmartPort, ProvinceSpecs.SmartPort,
            new ProvinceCorrected(Guid.NewGuid(), [new FieldCorrection("amount", "1", "2")], "r"), new ProvinceRetracted(Guid.NewGuid(), "r"),
            ProvinceSpecs.Advice with { Municipality = null!, PermitRef = null! }, ProvinceSpecs.Appeal with { AppealRef = null! },
            new TargetSet(null!, -5, 0), new IndicatorMeasured("employment-rate", 500, null!, null!, null!), new BudgetAllocated(null!, 0, -1),
            new PopulationRecorded(0, -1, 0),
        ];
        var random = new Random(11);
        for (var run = 0; run < 200; run++)
        {
            var history = ProvinceDecider.Initial(ProvinceSpecs.Slug);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = ProvinceDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1)), e);
            Assert.Equal(events.Length, history.Version);
            Assert.NotNull(ProvinceDecider.Invariants(history.State));
        }
    }

    [Fact]
    public void A_retraction_folds_the_state_again_from_the_remaining_facts()
    {
        var budgetId = Guid.NewGuid();
        var history = ProvinceDecider.Initial(ProvinceSpecs.Slug);
        history = ProvinceDecider.Evolve(history, Fact(Guid.NewGuid(), ProvinceSpecs.Limburg), ProvinceSpecs.Limburg);
        history = ProvinceDecider.Evolve(history, Fact(budgetId, ProvinceSpecs.Budget), ProvinceSpecs.Budget);
        var retraction = new ProvinceRetracted(budgetId, "r");
        history = ProvinceDecider.Evolve(history, Fact(Guid.NewGuid(), retraction), retraction);

        Assert.True(history.State.Registered);
        Assert.Empty(history.State.Budget);
        Assert.Equal(3, history.Version);
    }

    private static Fact Fact(Guid id, IDomainEvent e) => new(id, EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1));
}
