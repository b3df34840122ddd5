using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

public class ReadModelNamesTests
{
    [Fact]
    public void Every_read_model_the_projector_keeps_has_a_Dutch_name_also_during_a_rebuild()
    {
        Assert.NotEmpty(ReadModelProjector.Projections);
        foreach (var name in ReadModelProjector.Projections)
        {
            Assert.NotEqual(name, ReadModels.Dutch(name));
            Assert.Equal($"{ReadModels.Dutch(name)} (nieuw)", ReadModels.Dutch(name + ReadModelProjector.NextGeneration));
        }
    }
}
