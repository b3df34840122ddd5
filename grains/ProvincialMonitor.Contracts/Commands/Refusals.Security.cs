namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ApiKeyAlreadyCreated = new("api-key.already-created", RefusalKind.Conflict,
        "API key {keyId} was created already.",
        "API-sleutel {keyId} werd al aangemaakt.");

    public static readonly RefusalText ApiKeyAlreadyRevoked = new("api-key.already-revoked", RefusalKind.Conflict,
        "API key {keyId} is revoked already.",
        "API-sleutel {keyId} werd al ingetrokken.");

    public static readonly RefusalText ApiKeyNotFound = new("api-key.not-found", RefusalKind.NotFound,
        "API key {keyId} does not exist.",
        "API-sleutel {keyId} bestaat niet.");

    public static readonly RefusalText BeneficiaryNameErased = new("beneficiary.name-erased", RefusalKind.Conflict,
        "The name of beneficiary {beneficiaryId} was erased already.",
        "De naam van begunstigde {beneficiaryId} werd al gewist.");

    public static readonly RefusalText UserAlreadyDisabled = new("user.already-disabled", RefusalKind.Conflict,
        "User {actorId} is disabled already.",
        "Gebruiker {actorId} is al uitgeschakeld.");

    public static readonly RefusalText UserAlreadyEnabled = new("user.already-enabled", RefusalKind.Conflict,
        "User {actorId} is enabled already.",
        "Gebruiker {actorId} is al ingeschakeld.");

    public static readonly RefusalText UserAlreadyRegistered = new("user.already-registered", RefusalKind.Conflict,
        "User {actorId} is registered already.",
        "Gebruiker {actorId} is al geregistreerd.");

    public static readonly RefusalText UserDisableSelf = new("user.disable-self", RefusalKind.Conflict,
        "You cannot disable yourself; this keeps the installation manageable.",
        "U kunt uzelf niet uitschakelen; zo blijft de installatie beheerbaar.");

    public static readonly RefusalText UserLoginTaken = new("user.login-taken", RefusalKind.Conflict,
        "The login '{login}' is taken.",
        "De login ‘{login}’ is al in gebruik.");

    public static readonly RefusalText UserNameErased = new("user.name-erased", RefusalKind.Conflict,
        "The name of user {actorId} was erased already.",
        "De naam van gebruiker {actorId} werd al gewist.");

    public static readonly RefusalText UserNotRegistered = new("user.not-registered", RefusalKind.NotFound,
        "User {actorId} is not registered.",
        "Gebruiker {actorId} is niet geregistreerd.");

    public static readonly RefusalText UserOwnAdminRole = new("user.own-admin-role", RefusalKind.Conflict,
        "You cannot take away your own admin role; this keeps the installation manageable.",
        "U kunt uw eigen beheerdersrol niet afnemen; zo blijft de installatie beheerbaar.");

    public static readonly RefusalText UserSameRole = new("user.same-role", RefusalKind.Conflict,
        "User {actorId} has this role and scope already.",
        "Gebruiker {actorId} heeft deze rol en dit bereik al.");

    public static readonly RefusalText UserUnknownLogin = new("user.unknown-login", RefusalKind.NotFound,
        "There is no user with the login '{login}'.",
        "Er is geen gebruiker met de login ‘{login}’.");
}
