using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class EvolveTests
{
    [Fact]
    public void Evolve_never_throws_on_events_in_any_order_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            new SubsidyPaid("G-x", 10m, "P"), new ProjectStatusChanged("completed"), new ProjectCorrected(Guid.NewGuid(), [new FieldCorrection("amount", "1", "2")], "r"),
            new ProjectRetracted(Guid.NewGuid(), "r"), ProjectSpecs.KampC, ProjectSpecs.Grant, ProjectSpecs.Grant, new OutputReported("jobs-created", -3, "2026"),
        ];
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var history = ProjectDecider.Initial(ProjectSpecs.Id);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = ProjectDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1)), e);
            Assert.Equal(events.Length, history.Version);
        }
    }

    [Fact]
    public void A_correction_whose_value_does_not_parse_leaves_the_fact_unchanged()
    {
        var data = EventJson.Serialize(ProjectSpecs.Grant);
        Assert.Equal(data, Evolution.Patch(data, [new FieldCorrection("amount", "1", "{not json")]));
    }
}
