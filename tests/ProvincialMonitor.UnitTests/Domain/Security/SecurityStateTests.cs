using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Security;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

public sealed class SecurityStateTests
{
    [Fact]
    public void A_registered_user_acts_with_their_role_and_scope_until_disabled()
    {
        var state = Given(AnRegistered, BenRegistered).History.State;
        Assert.Equal(new Actor("u-an", Roles.Officer, ["antwerpen", "limburg"], []), state.ActorFor("u-an"), ActorComparer.Instance);
        Assert.Equal(new Actor("u-ben", Roles.Coordinator, [], ["ondernemen-2026"]), state.ActorFor("u-ben"), ActorComparer.Instance);

        Assert.Null(Given(AnRegistered, new UserDisabled("u-an")).History.State.ActorFor("u-an"));
        Assert.NotNull(Given(AnRegistered, new UserDisabled("u-an"), new UserEnabled("u-an")).History.State.ActorFor("u-an"));
    }

    [Fact]
    public void An_unknown_user_or_a_key_id_is_no_user_actor()
    {
        var state = Given(AnRegistered, ImportKeyCreated).History.State;
        Assert.Null(state.ActorFor("u-nobody"));
        Assert.Null(state.ActorFor("import-limburg"));
        Assert.Null(state.ActorFor(null!));
    }

    [Fact]
    public void A_role_change_and_an_erased_name_show_in_the_actor()
    {
        var state = Given(AnRegistered, new UserRoleChanged("u-an", Roles.Auditor, [], []), new UserNameErased("u-an")).History.State;
        Assert.Equal(new Actor("u-an", Roles.Auditor, [], []), state.ActorFor("u-an"), ActorComparer.Instance);
    }

    [Fact]
    public void A_key_acts_as_key_colon_id_with_its_role_and_scope_until_revoked()
    {
        var state = Given(ImportKeyCreated, AnRegistered).History.State;
        Assert.Equal(new Actor("key:import-limburg", Roles.Officer, ["limburg"], []), state.ActorForKey("import-limburg"), ActorComparer.Instance);
        Assert.Null(state.ActorForKey("u-an"));
        Assert.Null(state.ActorForKey("unknown"));
        Assert.Null(state.ActorForKey(null!));
        Assert.Null(Given(ImportKeyCreated, new ApiKeyRevoked("import-limburg")).History.State.ActorForKey("import-limburg"));
    }

    [Fact]
    public void The_view_lists_users_and_keys_by_id_with_their_flags()
    {
        var view = Given(BenRegistered, AnRegistered, new UserDisabled("u-an"), new UserNameErased("u-ben"),
            ImportKeyCreated, new ApiKeyCreated("audit", Roles.Auditor, [], []), new ApiKeyRevoked("audit")).History.State.ToView();

        Assert.Equal(["u-an", "u-ben"], view.Users.Select(u => u.ActorId));
        Assert.True(view.Users[0].Disabled);
        Assert.False(view.Users[0].NameErased);
        Assert.True(view.Users[1].NameErased);
        Assert.Equal(["antwerpen", "limburg"], view.Users[0].Provinces);
        Assert.Equal(["audit", "import-limburg"], view.Keys.Select(k => k.KeyId));
        Assert.True(view.Keys[0].Revoked);
        Assert.Equal(["limburg"], view.Keys[1].Provinces);
    }

    [Fact]
    public void Security_events_carry_only_ids_roles_and_scopes()
    {
        IDomainEvent[] events =
        [
            AnRegistered, new UserRoleChanged("u-an", Roles.Deputy, [], []), new UserDisabled("u-an"), new UserEnabled("u-an"),
            new UserPasswordChanged("u-an"), new UserNameErased("u-an"), ImportKeyCreated, new ApiKeyRevoked("import-limburg"),
        ];
        string[] allowed = ["actorId", "keyId", "role", "provinces", "campaigns"];
        foreach (var e in events)
        {
            using var json = JsonDocument.Parse(EventJson.Serialize(e));
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
        }
        // Every event type that names a user or a key is among those checked, so a new one cannot slip past.
        var namingUsersOrKeys = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t.GetProperties().Any(p => p.Name is "ActorId" or "KeyId"))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(events.Select(e => e.GetType().Name).Order(StringComparer.Ordinal), namingUsersOrKeys);
    }

    [Fact]
    public void Evolve_never_throws_on_events_in_any_order_with_missing_values_or_naming_unknown_events()
    {
        IDomainEvent[] events =
        [
            new UserDisabled("u-an"), new UserEnabled("u-nobody"), AnRegistered, AnRegistered with { Role = "root" },
            new UserRoleChanged("u-an", Roles.Admin, null!, null!), new UserRoleChanged(null!, null!, null!, null!),
            new UserRegistered(null!, null!, null!, null!), new UserNameErased("u-an"), new UserNameErased("u-an"),
            new UserPasswordChanged("u-nobody"), ImportKeyCreated, ImportKeyCreated, new ApiKeyRevoked("import-limburg"),
            new ApiKeyRevoked("unknown"), new ApiKeyRevoked(null!), new ApiKeyCreated(null!, null!, null!, null!),
            new ProvinceCorrected(Guid.NewGuid(), [new FieldCorrection("role", "\"officer\"", "\"admin\"")], "r"),
            new ProvinceRetracted(Guid.NewGuid(), "r"),
        ];
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var history = SecurityDecider.Initial(SecurityIds.Key);
            foreach (var e in events.OrderBy(_ => random.Next()))
            {
                history = SecurityDecider.Evolve(history, new Fact(Guid.NewGuid(), EventTypes.NameOf(e), EventJson.Serialize(e), new DateOnly(2026, 1, 1)), e);
                history.State.ActorFor("u-an");
                history.State.ActorForKey("import-limburg");
                history.State.ToView();
            }
            Assert.Equal(events.Length, history.Version);
        }
    }

    [Fact]
    public void A_second_registration_of_an_id_in_the_log_does_not_change_the_first()
    {
        var state = Given(AnRegistered, AnRegistered with { Role = Roles.Admin, Provinces = [] }).History.State;
        Assert.Equal(Roles.Officer, state.ActorFor("u-an")!.Role);
    }

    /// <summary>Actors compare by their values, arrays included.</summary>
    private sealed class ActorComparer : IEqualityComparer<Actor?>
    {
        public static readonly ActorComparer Instance = new();

        public bool Equals(Actor? x, Actor? y) =>
            x is null ? y is null : y is not null && x.Id == y.Id && x.Role == y.Role
                && x.Provinces.SequenceEqual(y.Provinces) && x.Campaigns.SequenceEqual(y.Campaigns);

        public int GetHashCode(Actor? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
