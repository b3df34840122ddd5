using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class LocationTests
{
    [Fact]
    public void A_project_is_located_in_municipalities_each_once_and_a_new_location_replaces_the_old_whole()
    {
        var spec = Registered();

        spec.Then(new LocateProject(["71072", "11002", "71072"]), [new ProjectLocated(["11002", "71072"])]);
        spec.Then(new LocateProject(["46030"]), [new ProjectLocated(["46030"])]);

        Assert.Equal(["46030"], spec.History.State.Municipalities);
    }

    [Fact]
    public void An_unregistered_project_is_not_located() =>
        New().ThenRefused(new LocateProject(["11002"]), RefusalKind.NotFound);

    [Fact]
    public void A_participating_province_does_not_locate_the_lead_provinces_project() =>
        Registered().ThenRefused(new LocateProject(["71072"]), RefusalKind.Forbidden, new Actor("u-limburg", Roles.Officer, ["limburg"], []));

    [Theory]
    [InlineData(null, "municipalities")]
    [InlineData("", "municipalities[0]")]
    [InlineData("1100", "municipalities[0]")]
    [InlineData("99999", "municipalities[0]")]
    [InlineData("11056", "municipalities[0]")] // Zwijndrecht, part of Beveren-Kruibeke-Zwijndrecht (46030) since 2025
    public void A_location_names_municipalities_on_the_2025_boundaries(string? code, string field) =>
        Specs.ThenInvalid(new LocateProject(code is null ? [] : [code]), field);
}
