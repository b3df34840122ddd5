using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

public sealed class SecurityApiKeyTests
{
    [Fact]
    public void An_admin_creates_a_key_filed_under_its_provinces()
    {
        var spec = New();
        var events = spec.Then(CreateImportKey, [ImportKeyCreated]);

        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.Null(events[0].Scope.Domain);
        Assert.Empty(events[0].Scope.Clusters);
        Assert.Equal("ApiKeyCreated.v1", EventTypes.NameOf(events[0].Event));
        Assert.False(spec.History.State.Keys["import-limburg"].Revoked);
    }

    [Fact]
    public void A_key_id_may_be_the_id_of_a_user_since_its_actor_is_told_apart_by_the_prefix() =>
        Given(AnRegistered).Then(new CreateApiKey("u-an", Roles.Auditor, [], []), [new ApiKeyCreated("u-an", Roles.Auditor, [], [])]);

    /// <summary>The metrics role (a Prometheus server's key) has no scope: it reads /metrics only.</summary>
    [Fact]
    public void A_metrics_key_is_created_without_a_scope()
    {
        var spec = New();
        spec.Then(new CreateApiKey("prometheus", Roles.Metrics, [], []), [new ApiKeyCreated("prometheus", Roles.Metrics, [], [])]);
        Assert.Equal(Roles.Metrics, spec.History.State.ActorForKey("prometheus")!.Role);
        Specs.ThenInvalid(new CreateApiKey("prometheus-2", Roles.Metrics, ["limburg"], []), "provinces");
        Specs.ThenInvalid(new CreateApiKey("prometheus-3", Roles.Metrics, [], ["ondernemen-2026"]), "campaigns");
    }

    [Fact]
    public void A_key_id_is_created_once_even_after_revocation()
    {
        Given(ImportKeyCreated).ThenRefused(CreateImportKey, RefusalKind.Conflict);
        Given(ImportKeyCreated, new ApiKeyRevoked("import-limburg")).ThenRefused(CreateImportKey, RefusalKind.Conflict);
    }

    [Fact]
    public void A_key_is_revoked_once_filed_under_its_provinces()
    {
        var spec = Given(ImportKeyCreated);
        var events = spec.Then(new RevokeApiKey("import-limburg"), [new ApiKeyRevoked("import-limburg")]);
        Assert.Equal(["limburg"], events[0].Scope.Provinces);
        Assert.True(spec.History.State.Keys["import-limburg"].Revoked);

        spec.ThenRefused(new RevokeApiKey("import-limburg"), RefusalKind.Conflict);
    }

    [Fact]
    public void Revoking_an_unknown_key_or_a_user_id_is_refused_as_not_found()
    {
        Given(ImportKeyCreated).ThenRefused(new RevokeApiKey("import-antwerpen"), RefusalKind.NotFound);
        Given(AnRegistered).ThenRefused(new RevokeApiKey("u-an"), RefusalKind.NotFound);
    }

    [Fact]
    public void A_key_that_acts_as_admin_manages_users_and_may_revoke_itself()
    {
        var adminKey = Given(new ApiKeyCreated("ops", Roles.Admin, [], [])).History.State.ActorForKey("ops")!;
        Given(new ApiKeyCreated("ops", Roles.Admin, [], []))
            .Then(RegisterAn, [AnRegistered], adminKey);
        Given(new ApiKeyCreated("ops", Roles.Admin, [], []))
            .Then(new RevokeApiKey("ops"), [new ApiKeyRevoked("ops")], adminKey);
    }
}
