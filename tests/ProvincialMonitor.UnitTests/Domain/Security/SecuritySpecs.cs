using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Security;

namespace ProvincialMonitor.UnitTests.Domain.Security;

internal static class SecuritySpecs
{
    public static Spec<SecurityState, SecurityCommand> New() =>
        new(SecurityDecider.Initial(SecurityIds.Key), SecurityDecider.Evolve, SecurityDecider.Decide);

    /// <summary>The security stream after the given events.</summary>
    public static Spec<SecurityState, SecurityCommand> Given(params IDomainEvent[] events) => New().Given(events);

    public static readonly Actor Auditor = new("u-auditor", Roles.Auditor, [], []);

    /// <summary>Everyone but an admin, each of whom is refused every security command.</summary>
    public static readonly Actor[] NotAdmins = [Actors.Officer("antwerpen"), Actors.Coordinator("ondernemen-2026"), Actors.Deputy, Auditor];

    /// <summary>The acting admin (<see cref="Actors.Admin"/>) as a registered user.</summary>
    public static readonly UserRegistered AdminRegistered = new(Actors.Admin.Id, Roles.Admin, [], []);

    public static readonly UserRegistered AnRegistered = new("u-an", Roles.Officer, ["antwerpen", "limburg"], []);
    public static readonly RegisterUser RegisterAn = new("u-an", Roles.Officer, ["antwerpen", "limburg"], [], "an.peeters");

    public static readonly UserRegistered BenRegistered = new("u-ben", Roles.Coordinator, [], ["ondernemen-2026"]);
    public static readonly UserRegistered CarlaRegistered = new("u-carla", Roles.Admin, [], []);

    public static readonly ApiKeyCreated ImportKeyCreated = new("import-limburg", Roles.Officer, ["limburg"], []);
    public static readonly CreateApiKey CreateImportKey = new("import-limburg", Roles.Officer, ["limburg"], []);

    /// <summary>A grant's beneficiary as the events name it (<c>ben_</c> and 32 lower-case hex digits).</summary>
    public const string Beneficiary = "ben_0190d1c2e3f4a5b6c7d8e9f0a1b2c3d4";

    /// <summary>One command of each kind, each valid on its own.</summary>
    public static readonly SecurityCommand[] EveryCommand =
    [
        RegisterAn,
        new ChangeUserRole("u-an", Roles.Deputy, [], []),
        new DisableUser("u-an"),
        new EnableUser("u-an"),
        new RecordPasswordChange("u-an"),
        new EraseUserName("u-an"),
        CreateImportKey,
        new RevokeApiKey("import-limburg"),
        new EraseBeneficiaryName(Beneficiary),
    ];
}
