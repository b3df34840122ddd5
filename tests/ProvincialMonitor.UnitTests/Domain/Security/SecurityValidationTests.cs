using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using static ProvincialMonitor.UnitTests.Domain.Security.SecuritySpecs;

namespace ProvincialMonitor.UnitTests.Domain.Security;

public sealed class SecurityValidationTests
{
    public static TheoryData<int> CommandIndexes() => [.. Enumerable.Range(0, EveryCommand.Length)];

    [Theory]
    [MemberData(nameof(CommandIndexes))]
    public void Every_command_is_valid_as_given(int index) => Assert.Empty(EveryCommand[index].Validate());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("u an")]
    [InlineData("u_an")]
    [InlineData("u:an")]
    [InlineData("ü-an")]
    [InlineData("an@provincie.be")]
    public void User_ids_are_letters_digits_and_hyphens(string? id)
    {
        Specs.ThenInvalid(RegisterAn with { ActorId = id }, "actorId");
        Specs.ThenInvalid(new ChangeUserRole(id, Roles.Deputy, [], []), "actorId");
        Specs.ThenInvalid(new DisableUser(id), "actorId");
        Specs.ThenInvalid(new EnableUser(id), "actorId");
        Specs.ThenInvalid(new RecordPasswordChange(id), "actorId");
        Specs.ThenInvalid(new EraseUserName(id), "actorId");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("an peeters")]
    [InlineData("an/peeters")]
    [InlineData("änne")]
    public void A_user_is_registered_with_a_login_of_letters_digits_and_dot_hyphen_underscore_at_colon(string? login)
    {
        Assert.Empty((RegisterAn with { Login = "An.Peeters_2@provincie.be" }).Validate());
        Assert.Empty((RegisterAn with { Login = "oidc:" + new string('a', 95) }).Validate());
        Specs.ThenInvalid(RegisterAn with { Login = login }, "login");
        Specs.ThenInvalid(RegisterAn with { Login = new string('a', 101) }, "login");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key:import")]
    [InlineData("import limburg")]
    public void Key_ids_are_letters_digits_and_hyphens(string? id)
    {
        Specs.ThenInvalid(CreateImportKey with { KeyId = id }, "keyId");
        Specs.ThenInvalid(new RevokeApiKey(id), "keyId");
    }

    [Fact]
    public void Ids_have_at_most_64_characters()
    {
        Assert.Empty((RegisterAn with { ActorId = new string('a', 64) }).Validate());
        Specs.ThenInvalid(RegisterAn with { ActorId = new string('a', 65) }, "actorId");
        Assert.Empty((CreateImportKey with { KeyId = "K-" + new string('9', 62) }).Validate());
        Specs.ThenInvalid(CreateImportKey with { KeyId = new string('k', 65) }, "keyId");
    }

    [Fact]
    public void The_system_actors_id_is_not_given_to_a_user() =>
        Specs.ThenInvalid(RegisterAn with { ActorId = "system" }, "actorId");

    [Theory]
    [InlineData(null)]
    [InlineData("root")]
    [InlineData("Admin")]
    [InlineData("system")]
    public void A_role_is_one_of_the_five(string? role)
    {
        Specs.ThenInvalid(RegisterAn with { Role = role }, "role");
        Specs.ThenInvalid(new ChangeUserRole("u-an", role, [], []), "role");
        Specs.ThenInvalid(CreateImportKey with { Role = role }, "role");
    }

    [Fact]
    public void An_officer_needs_a_province_and_carries_no_campaigns()
    {
        Specs.ThenInvalid(RegisterAn with { Provinces = [] }, "provinces");
        Specs.ThenInvalid(RegisterAn with { Provinces = null }, "provinces");
        Specs.ThenInvalid(CreateImportKey with { Provinces = [] }, "provinces");
        Specs.ThenInvalid(RegisterAn with { Campaigns = ["ondernemen-2026"] }, "campaigns");
    }

    [Fact]
    public void A_coordinator_needs_a_campaign_and_carries_no_provinces()
    {
        var coordinator = new ChangeUserRole("u-an", Roles.Coordinator, [], ["ondernemen-2026"]);
        Assert.Empty(coordinator.Validate());
        Specs.ThenInvalid(coordinator with { Campaigns = [] }, "campaigns");
        Specs.ThenInvalid(coordinator with { Campaigns = null }, "campaigns");
        Specs.ThenInvalid(coordinator with { Provinces = ["limburg"] }, "provinces");
    }

    [Theory]
    [InlineData(Roles.Deputy)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public void The_other_roles_carry_no_scope(string role)
    {
        Assert.Empty(new RegisterUser("u-x", role, [], [], "x").Validate());
        Assert.Empty(new RegisterUser("u-x", role, null, null, "x").Validate());
        Specs.ThenInvalid(new RegisterUser("u-x", role, ["limburg"], [], "x"), "provinces");
        Specs.ThenInvalid(new RegisterUser("u-x", role, [], ["ondernemen-2026"], "x"), "campaigns");
        Specs.ThenInvalid(new CreateApiKey("k-x", role, ["limburg"], []), "provinces");
    }

    [Fact]
    public void Provinces_are_known_slugs_each_given_once()
    {
        Specs.ThenInvalid(RegisterAn with { Provinces = ["antwerpen", "brussel"] }, "provinces[1]");
        Specs.ThenInvalid(RegisterAn with { Provinces = ["Antwerpen"] }, "provinces[0]");
        Specs.ThenInvalid(RegisterAn with { Provinces = [null!] }, "provinces[0]");
        Specs.ThenInvalid(RegisterAn with { Provinces = ["limburg", "antwerpen", "limburg"] }, "provinces[2]");
    }

    [Fact]
    public void Campaigns_are_slugs_each_given_once_and_at_most_a_hundred()
    {
        var coordinator = new RegisterUser("u-ben", Roles.Coordinator, [], ["ondernemen-2026"], "ben");
        Specs.ThenInvalid(coordinator with { Campaigns = ["ondernemen-2026", "Ondernemen 2026"] }, "campaigns[1]");
        Specs.ThenInvalid(coordinator with { Campaigns = ["-start"] }, "campaigns[0]");
        Specs.ThenInvalid(coordinator with { Campaigns = ["a", "a"] }, "campaigns[1]");
        Assert.Empty((coordinator with { Campaigns = [.. Enumerable.Range(0, 100).Select(i => $"c{i}")] }).Validate());
        Specs.ThenInvalid(coordinator with { Campaigns = [.. Enumerable.Range(0, 101).Select(i => $"c{i}")] }, "campaigns");
    }

    [Fact]
    public void A_body_is_one_of_the_deciding_bodies() =>
        Specs.ThenInvalid(RegisterAn with { Body = "gemeenteraad" }, "body");
}
