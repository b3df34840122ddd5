using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Clusters;
using static ProvincialMonitor.UnitTests.Domain.Clusters.ClusterSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Clusters;

public sealed class ClusterEvolveTests
{
    [Fact]
    public void Evolve_never_throws_on_events_in_any_order_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            UAntwerpenLeft, UAntwerpenJoined, UAntwerpenJoined, Bouw, Flux50, new ClusterFundingGranted("zeeland", -3m, "catering"),
            new ClusterCorrected(Guid.NewGuid(), [new FieldCorrection("member", "\"a\"", "\"b\"")], "r"), new ClusterRetracted(Guid.NewGuid(), "r"),
        ];
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var history = ClusterDecider.Initial(ProvincialSlug);
            foreach (var e in events.OrderBy(_ => random.Next()))
                history = ClusterDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1)), e);
            Assert.Equal(events.Length, history.Version);
        }
    }

    [Fact]
    public void A_leave_without_a_join_is_noted_as_a_breach_not_thrown()
    {
        var state = ClusterDecider.Apply(ClusterState.Unregistered(ProvincialSlug), UAntwerpenLeft);
        Assert.NotNull(ClusterDecider.Invariants(state));
    }
}
