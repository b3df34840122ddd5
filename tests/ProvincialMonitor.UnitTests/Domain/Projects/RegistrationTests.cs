using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Projects.ProjectSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

public sealed class RegistrationTests
{
    [Fact]
    public void A_new_project_is_registered_and_filed_under_its_provinces_domain_and_clusters()
    {
        var events = New().Then(RegisterKampC, [KampC]);

        Assert.Equal(["antwerpen", "limburg"], events[0].Scope.Provinces);
        Assert.Equal("circular-economy", events[0].Scope.Domain);
        Assert.Equal(["catalisti"], events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
    }

    [Fact]
    public void A_project_is_registered_once() =>
        Registered().ThenRefused(RegisterKampC, RefusalKind.Conflict);

    [Fact]
    public void Actions_on_an_unregistered_project_are_refused_as_not_found() =>
        New().ThenRefused(new GrantSubsidy("G-1", 10m, "province"), RefusalKind.NotFound);

    [Theory]
    [InlineData("title")]
    [InlineData("leadProvince")]
    [InlineData("domain")]
    public void Registration_needs_a_title_a_lead_province_and_a_domain(string field)
    {
        var command = field switch
        {
            "title" => RegisterKampC with { Title = " " },
            "leadProvince" => RegisterKampC with { LeadProvince = null },
            _ => RegisterKampC with { Domain = null },
        };
        Specs.ThenInvalid(command, field);
    }

    [Fact]
    public void Unknown_provinces_domains_and_malformed_clusters_are_invalid()
    {
        Specs.ThenInvalid(RegisterKampC with { LeadProvince = "brussel" }, "leadProvince");
        Specs.ThenInvalid(RegisterKampC with { ParticipatingProvinces = ["limburg", "zeeland"] }, "participatingProvinces[1]");
        Specs.ThenInvalid(RegisterKampC with { Domain = "tourism" }, "domain");
        Specs.ThenInvalid(RegisterKampC with { Clusters = ["Cata listi"] }, "clusters[0]");
    }

    [Fact]
    public void A_planned_period_ends_after_it_starts() =>
        Specs.ThenInvalid(
            RegisterKampC with { PlannedStart = new DateOnly(2026, 1, 1), PlannedEnd = new DateOnly(2025, 1, 1) }, "plannedEnd");

    [Fact]
    public void A_planned_period_may_lie_in_the_future_but_an_effective_date_may_not()
    {
        New().Then(RegisterKampC with { PlannedStart = new DateOnly(2030, 1, 1), PlannedEnd = new DateOnly(2031, 1, 1) },
            [KampC with { PlannedStart = new DateOnly(2030, 1, 1), PlannedEnd = new DateOnly(2031, 1, 1) }]);
        var refusal = New().ThenRefused(RegisterKampC with { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);
    }

    [Fact]
    public void An_effective_date_of_tomorrow_is_accepted() =>
        New().Then(RegisterKampC with { EffectiveDate = new DateOnly(2026, 11, 29) }, [KampC]);

    [Fact]
    public void A_body_is_one_of_the_deciding_bodies() =>
        Specs.ThenInvalid(RegisterKampC with { Body = "gemeenteraad" }, "body");
}
