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
        spec.Then(new LocateProject(["11001"]), [new ProjectLocated(["11001"])]);

        Assert.Equal(["11001"], spec.History.State.Municipalities);
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
    [InlineData("11056", "municipalities[0]")] // a former code is read as its 2025 municipality only by the normalisation
    public void A_location_names_municipalities_on_the_2025_boundaries(string? code, string field) =>
        Specs.ThenInvalid(new LocateProject(code is null ? [] : [code]), field);

    [Fact]
    public void A_project_is_registered_and_located_in_one_decision()
    {
        var spec = New();

        var events = spec.Then(RegisterKampC with { Municipalities = ["71072", "11002"] }, [KampC, new ProjectLocated(["11002", "71072"])]);

        Assert.Equal([["antwerpen", "limburg"], ["antwerpen", "limburg"]], events.Select(e => e.Scope.Provinces.ToArray()));
        Assert.Equal(["11002", "71072"], spec.History.State.Municipalities);
    }

    [Fact]
    public void A_registration_without_municipalities_is_not_located() =>
        New().Then(RegisterKampC with { Municipalities = [] }, [KampC]);

    [Fact]
    public void A_registration_names_its_municipalities_with_the_same_checks_as_a_location() =>
        Specs.ThenInvalid(RegisterKampC with { Municipalities = ["11002", "9999"] }, "municipalities[1]");

    [Fact]
    public void A_former_code_is_read_as_its_2025_municipality_and_said_so()
    {
        var notices = new List<FieldError>();

        var command = (LocateProject)new LocateProject(["11002", "71022"]).Normalized(notices);

        Registered().Then(command, [new ProjectLocated(["11002", "71072"])]);
        var notice = Assert.Single(notices);
        Assert.Equal(("municipalities[1]", "notice.municipality-merged"), (notice.Field, notice.Code));
        Assert.Equal("71022 (Hasselt) is sinds 1 januari 2025 deel van Hasselt (71072).", notice.Dutch);
    }

    [Fact]
    public void Zwijndrecht_is_read_as_Beveren_Kruibeke_Zwijndrecht_in_Oost_Vlaanderen_and_so_lies_outside_an_Antwerp_project()
    {
        var notices = new List<FieldError>();

        var command = (RegisterProject)(RegisterKampC with { Municipalities = ["11056"] }).Normalized(notices);
        var refusal = New().ThenRefused(command, RefusalKind.Invalid);

        Assert.Equal(["46030"], command.Municipalities!);
        Assert.Equal("11056 (Zwijndrecht) is sinds 1 januari 2025 deel van Beveren-Kruibeke-Zwijndrecht (46030).", Assert.Single(notices).Dutch);
        var error = Assert.Single(refusal.Errors);
        Assert.Equal(("municipalities[0]", "field.municipality-outside-provinces"), (error.Field, error.Code));
        Assert.Equal("Beveren-Kruibeke-Zwijndrecht (46030) ligt in Oost-Vlaanderen, niet in een provincie van het project (Antwerpen, Limburg).", error.Dutch);
    }

    [Fact]
    public void A_municipality_outside_the_lead_and_participating_provinces_is_refused_naming_the_field()
    {
        var refusal = Registered().ThenRefused(new LocateProject(["11002", "44021"]), RefusalKind.Invalid);

        Assert.Equal("municipalities[1]", Assert.Single(refusal.Errors).Field);
    }

    [Fact]
    public void A_correction_that_drops_the_province_of_a_located_municipality_is_refused()
    {
        var spec = Registered(new ProjectLocated(["71072"]));
        var registration = spec.EventIds[0];

        var refusal = spec.ThenRefused(new CorrectProject(registration, [new() { Field = "participatingProvinces", NewValueJson = "[]" }], "Limburg neemt niet deel"),
            RefusalKind.Conflict);

        Assert.Equal("project.located-outside-provinces", refusal.Code);
    }
}
