using System.Reflection;
using ProvincialMonitor.Grains.Projections;

namespace ProvincialMonitor.UnitTests.Projections;

/// <summary>The projector's stored names outlive the names of its classes: the database and the cluster know these.</summary>
public sealed class ProjectorNamesTests
{
    [Fact]
    public void The_projections_keep_their_stored_names_and_checkpoints()
    {
        Assert.Equal("indicators", ReadModelProjector.Name);
        Assert.Equal(["indicators", "campaigns", "catalog", "business-parks"], ReadModelProjector.Projections);
        Assert.Equal("indicators.version", ReadModelProjector.VersionKey);
        Assert.Equal(".next", ReadModelProjector.NextGeneration);
    }

    [Fact]
    public void The_projector_grain_keeps_the_grain_type_Orleans_derived_from_its_first_name()
    {
        var pinned = typeof(ProjectorGrain).GetCustomAttribute<GrainTypeAttribute>();

        Assert.NotNull(pinned);
        Assert.Equal("indicators", pinned.GetGrainType(null!, typeof(ProjectorGrain)).ToString());
    }
}
