using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Security;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

public sealed class SecurityUserTests
{
    [Fact]
    public void An_admin_registers_a_user_filed_under_the_users_provinces_in_the_one_security_stream()
    {
        var spec = New();
        var events = spec.Then(RegisterAn, [AnRegistered]);

        Assert.Equal("security", SecurityDecider.StreamId("security"));
        Assert.Equal("security", SecurityDecider.StreamId("anything-else"));
        Assert.True(SecurityDecider.Exists(spec.History.State));
        Assert.Equal(["antwerpen", "limburg"], events[0].Scope.Provinces);
        Assert.Null(events[0].Scope.Domain);
        Assert.Empty(events[0].Scope.Clusters);
        Assert.Equal(Specs.Today, events[0].EffectiveDate);
        Assert.Equal("UserRegistered.v1", EventTypes.NameOf(events[0].Event));
        Assert.Equal(Roles.Officer, spec.History.State.Users["u-an"].Role);
    }

    [Fact]
    public void Users_of_every_role_can_be_registered()
    {
        New().Then(new RegisterUser("u-ben", Roles.Coordinator, null, ["ondernemen-2026"], "ben"), [BenRegistered]);
        New().Then(new RegisterUser("u-carla", Roles.Admin, null, null, "carla"), [CarlaRegistered]);
        New().Then(new RegisterUser("u-dirk", Roles.Deputy, [], [], "dirk"), [new UserRegistered("u-dirk", Roles.Deputy, [], [])]);
        New().Then(new RegisterUser("u-els", Roles.Auditor, [], [], "els"), [new UserRegistered("u-els", Roles.Auditor, [], [])]);
    }

    [Fact]
    public void A_user_id_is_registered_once_even_when_the_user_is_disabled()
    {
        Given(AnRegistered).ThenRefused(RegisterAn, RefusalKind.Conflict);
        Given(AnRegistered, new UserDisabled("u-an")).ThenRefused(RegisterAn with { Role = Roles.Deputy, Provinces = [] }, RefusalKind.Conflict);
    }

    [Fact]
    public void A_role_change_replaces_role_and_scope_and_is_filed_under_the_provinces_before_and_after()
    {
        var spec = Given(AnRegistered);
        var events = spec.Then(new ChangeUserRole("u-an", Roles.Officer, ["west-vlaanderen"], []),
            [new UserRoleChanged("u-an", Roles.Officer, ["west-vlaanderen"], [])]);

        Assert.Equal(["antwerpen", "limburg", "west-vlaanderen"], events[0].Scope.Provinces);
        Assert.Equal(["west-vlaanderen"], spec.History.State.Users["u-an"].Provinces);

        spec.Then(new ChangeUserRole("u-an", Roles.Coordinator, [], ["ondernemen-2026"]),
            [new UserRoleChanged("u-an", Roles.Coordinator, [], ["ondernemen-2026"])]);
        Assert.Empty(spec.History.State.Users["u-an"].Provinces);
    }

    [Fact]
    public void A_disabled_users_role_may_still_be_changed() =>
        Given(AnRegistered, new UserDisabled("u-an"))
            .Then(new ChangeUserRole("u-an", Roles.Auditor, [], []), [new UserRoleChanged("u-an", Roles.Auditor, [], [])]);

    [Fact]
    public void A_role_change_that_changes_nothing_is_refused_whatever_the_order_of_the_scope() =>
        Given(AnRegistered).ThenRefused(new ChangeUserRole("u-an", Roles.Officer, ["limburg", "antwerpen"], []), RefusalKind.Conflict);

    [Fact]
    public void An_admin_cannot_take_away_their_own_admin_role()
    {
        var refusal = Given(AdminRegistered).ThenRefused(new ChangeUserRole(Actors.Admin.Id, Roles.Auditor, [], []), RefusalKind.Conflict);
        Assert.Contains("keeps the installation manageable", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_may_take_the_admin_role_of_another_admin() =>
        Given(AdminRegistered, CarlaRegistered)
            .Then(new ChangeUserRole("u-carla", Roles.Auditor, [], []), [new UserRoleChanged("u-carla", Roles.Auditor, [], [])]);

    [Fact]
    public void A_user_is_disabled_and_enabled_again_filed_under_the_users_provinces()
    {
        var spec = Given(AnRegistered);
        var disabled = spec.Then(new DisableUser("u-an"), [new UserDisabled("u-an")]);
        Assert.True(spec.History.State.Users["u-an"].Disabled);
        Assert.Equal(["antwerpen", "limburg"], disabled[0].Scope.Provinces);

        spec.Then(new EnableUser("u-an"), [new UserEnabled("u-an")]);
        Assert.False(spec.History.State.Users["u-an"].Disabled);
    }

    [Fact]
    public void Disabling_a_disabled_user_or_enabling_an_enabled_one_is_a_conflict()
    {
        Given(AnRegistered, new UserDisabled("u-an")).ThenRefused(new DisableUser("u-an"), RefusalKind.Conflict);
        Given(AnRegistered).ThenRefused(new EnableUser("u-an"), RefusalKind.Conflict);
        Given(AnRegistered, new UserDisabled("u-an"), new UserEnabled("u-an")).ThenRefused(new EnableUser("u-an"), RefusalKind.Conflict);
    }

    [Fact]
    public void An_admin_cannot_disable_themselves_but_may_disable_another_admin()
    {
        var refusal = Given(AdminRegistered).ThenRefused(new DisableUser(Actors.Admin.Id), RefusalKind.Conflict);
        Assert.Contains("keeps the installation manageable", refusal.Message, StringComparison.Ordinal);
        Given(AdminRegistered, CarlaRegistered).Then(new DisableUser("u-carla"), [new UserDisabled("u-carla")]);
    }

    [Fact]
    public void A_password_change_is_recorded_each_time_even_for_a_disabled_user()
    {
        var spec = Given(AnRegistered, new UserDisabled("u-an"));
        spec.Then(new RecordPasswordChange("u-an"), [new UserPasswordChanged("u-an")]);
        spec.Then(new RecordPasswordChange("u-an"), [new UserPasswordChanged("u-an")]);
    }

    [Fact]
    public void A_name_is_erased_once_and_the_id_stays()
    {
        var spec = Given(AnRegistered);
        spec.Then(new EraseUserName("u-an"), [new UserNameErased("u-an")]);
        Assert.True(spec.History.State.Users["u-an"].NameErased);
        Assert.Equal(Roles.Officer, spec.History.State.Users["u-an"].Role);

        spec.ThenRefused(new EraseUserName("u-an"), RefusalKind.Conflict);
        spec.ThenRefused(RegisterAn, RefusalKind.Conflict);
    }

    [Fact]
    public void Changes_to_an_unknown_user_are_refused_as_not_found()
    {
        var spec = Given(BenRegistered);
        spec.ThenRefused(new ChangeUserRole("u-an", Roles.Deputy, [], []), RefusalKind.NotFound);
        spec.ThenRefused(new DisableUser("u-an"), RefusalKind.NotFound);
        spec.ThenRefused(new EnableUser("u-an"), RefusalKind.NotFound);
        spec.ThenRefused(new RecordPasswordChange("u-an"), RefusalKind.NotFound);
        spec.ThenRefused(new EraseUserName("u-an"), RefusalKind.NotFound);
    }

    [Fact]
    public void A_key_id_is_not_a_user_id() =>
        Given(ImportKeyCreated).ThenRefused(new DisableUser("import-limburg"), RefusalKind.NotFound);

    [Fact]
    public void An_effective_date_may_be_tomorrow_but_not_later()
    {
        New().Then(RegisterAn with { EffectiveDate = new DateOnly(2026, 11, 29) }, [AnRegistered]);
        var refusal = New().ThenRefused(RegisterAn with { EffectiveDate = new DateOnly(2026, 11, 30) }, RefusalKind.Invalid);
        Assert.Equal("effectiveDate", refusal.Errors.Single().Field);
    }
}
