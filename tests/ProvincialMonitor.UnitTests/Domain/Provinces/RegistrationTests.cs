using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Provinces;
using static ProvincialMonitor.UnitTests.Domain.Provinces.ProvinceSpecs;

namespace ProvincialMonitor.UnitTests.Domain.Provinces;

public sealed class RegistrationTests
{
    [Fact]
    public void A_province_is_registered_by_an_administrator_and_filed_under_itself_without_a_domain()
    {
        var events = New().Then(RegisterLimburg, [Limburg]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Null(events[0].Scope.Domain);
        Assert.Empty(events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
    }

    [Fact]
    public void The_stream_of_a_province_is_named_after_its_slug() =>
        Assert.Equal("province-limburg", ProvinceDecider.StreamId("limburg"));

    [Fact]
    public void A_province_is_registered_once() =>
        Registered().ThenRefused(RegisterLimburg, RefusalKind.Conflict);

    [Fact]
    public void Only_an_administrator_registers_a_province()
    {
        New().ThenRefused(RegisterLimburg, RefusalKind.Forbidden, Actors.Officer("limburg"));
        New().ThenRefused(RegisterLimburg, RefusalKind.Forbidden, Actors.Deputy);
    }

    [Fact]
    public void A_key_that_is_not_a_flemish_province_is_not_found() =>
        New("brussel").ThenRefused(RegisterLimburg, RefusalKind.NotFound);

    [Fact]
    public void The_nis_code_is_the_province_s_own() =>
        New().ThenRefused(RegisterLimburg with { NisCode = "40000" }, RefusalKind.Conflict);

    [Fact]
    public void Registration_needs_a_name_a_five_digit_nis_code_and_a_pom()
    {
        Specs.ThenInvalid(RegisterLimburg with { Name = " " }, "name");
        Specs.ThenInvalid(RegisterLimburg with { NisCode = "7000" }, "nisCode");
        Specs.ThenInvalid(RegisterLimburg with { NisCode = "7000A" }, "nisCode");
        Specs.ThenInvalid(RegisterLimburg with { Pom = null }, "pom");
    }

    [Fact]
    public void Actions_on_an_unregistered_province_are_refused_as_not_found() =>
        New().ThenRefused(Allocate, RefusalKind.NotFound);

    [Fact]
    public void An_officer_acts_for_his_own_province() =>
        Registered().Then(Allocate, [Budget], Actors.Officer("limburg"));

    [Fact]
    public void An_officer_of_another_province_may_not_act_for_it() =>
        Registered().ThenRefused(Allocate, RefusalKind.Forbidden, Actors.Officer("antwerpen"));

    [Fact]
    public void Deputies_auditors_and_coordinators_have_no_scope_to_write()
    {
        var auditor = new Actor("u-auditor", Roles.Auditor, ["limburg"], []);
        var deputyWithProvince = new Actor("u-deputy", Roles.Deputy, ["limburg"], []);
        foreach (var actor in new[] { Actors.Deputy, auditor, deputyWithProvince, Actors.Coordinator("maand-van-de-markt-2027") })
            Registered().ThenRefused(Allocate, RefusalKind.Forbidden, actor);
    }

    [Fact]
    public void An_effective_date_more_than_one_day_ahead_is_refused_and_tomorrow_is_accepted()
    {
        var refusal = Registered().ThenRefused(Allocate with { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);

        var events = Registered().Then(Allocate with { EffectiveDate = new DateOnly(2026, 11, 29) }, [Budget]);
        Assert.Equal(new DateOnly(2026, 11, 29), events[0].EffectiveDate);
    }

    [Fact]
    public void A_late_recording_takes_effect_on_its_own_earlier_date()
    {
        var events = Registered().Then(Allocate with { EffectiveDate = new DateOnly(2026, 1, 15) }, [Budget]);
        Assert.Equal(new DateOnly(2026, 1, 15), events[0].EffectiveDate);
    }

    [Fact]
    public void A_command_that_is_not_a_province_action_is_invalid() =>
        Assert.Equal(RefusalKind.Invalid, Registered().When(new OtherCommand()).Refusal!.Kind);

    private sealed record OtherCommand : ProvinceCommand
    {
        protected override void ValidateFields(Checks check) { }
    }
}
