namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldAtLeastOne = new("field.at-least-one", RefusalKind.Invalid,
        "must be 1 or more",
        "Moet 1 of meer zijn.");

    public static readonly RefusalText FieldAtMostCharacters = new("field.at-most-characters", RefusalKind.Invalid,
        "at most {max} characters",
        "Hoogstens {max} tekens.");

    public static readonly RefusalText FieldBadReceipt = new("field.bad-receipt", RefusalKind.Invalid,
        "each receipt needs a position of 1 or more and the 64-character hex hash from GET /api/audit/head",
        "Elk ontvangstbewijs heeft een positie van 1 of meer en de hexadecimale hash van 64 tekens uit GET /api/audit/head.");

    public static readonly RefusalText FieldBetween = new("field.between", RefusalKind.Invalid,
        "must be between {min} and {max}",
        "Moet tussen {min} en {max} liggen.");

    public static readonly RefusalText FieldBodyRequired = new("field.body-required", RefusalKind.Invalid,
        "is required: send a JSON object",
        "Is verplicht: verstuur een JSON-object.");

    public static readonly RefusalText FieldControlCharacter = new("field.control-character", RefusalKind.Invalid,
        "contains a control or direction-override character",
        "Bevat een stuur- of richtingsteken.");

    public static readonly RefusalText FieldDecimalCommaDelimiter = new("field.decimal-comma-delimiter", RefusalKind.Invalid,
        "comma needs delimiter ; (a decimal comma in a comma-separated file must be quoted; use ; instead)",
        "Een decimale komma vraagt scheidingsteken ; (gebruik ; in plaats van ,).");

    public static readonly RefusalText FieldGivenMoreThanOnce = new("field.given-more-than-once", RefusalKind.Invalid,
        "is given more than once",
        "Staat er meer dan één keer in.");

    public static readonly RefusalText FieldKeyRequired = new("field.key-required", RefusalKind.Invalid,
        "is required: the aggregate's id or slug",
        "Is verplicht: de id of sleutel van het aggregaat.");

    public static readonly RefusalText FieldMustBeAny = new("field.must-be-any", RefusalKind.Invalid,
        "must be {choices} or {last}",
        "Moet {choices} of {last} zijn.");

    public static readonly RefusalText FieldMustBeEither = new("field.must-be-either", RefusalKind.Invalid,
        "must be {first} or {second}",
        "Moet {first} of {second} zijn.");

    public static readonly RefusalText FieldNotAJsonObject = new("field.not-a-json-object", RefusalKind.Invalid,
        "must be a JSON object",
        "Moet een JSON-object zijn.");

    public static readonly RefusalText FieldNotAVersion = new("field.not-a-version", RefusalKind.Invalid,
        "must be a stream version, such as \"3\"",
        "Moet een versie van de gegevens zijn, zoals \"3\".");

    public static readonly RefusalText FieldNotJson = new("field.not-json", RefusalKind.Invalid,
        "is not valid UTF-8 JSON: {message}",
        "Is geen geldige UTF-8-JSON: {message}.");

    public static readonly RefusalText FieldNotJsonHere = new("field.not-json-here", RefusalKind.Invalid,
        "is not valid JSON here",
        "Is hier geen geldige JSON.");

    public static readonly RefusalText FieldNotListed = new("field.not-listed", RefusalKind.Invalid,
        "must be one of {options}",
        "Moet een van deze zijn: {options}.");

    public static readonly RefusalText FieldNotUtf8File = new("field.not-utf8-file", RefusalKind.Invalid,
        "is not UTF-8 (save the file as CSV UTF-8)",
        "Is geen UTF-8 (bewaar het bestand als CSV UTF-8).");

    public static readonly RefusalText FieldReasonRequired = new("field.reason-required", RefusalKind.Invalid,
        "say why the break is acknowledged",
        "Zeg waarom de breuk erkend wordt.");

    public static readonly RefusalText FieldTooManyReceipts = new("field.too-many-receipts", RefusalKind.Invalid,
        "at most 100,000 receipts in one verification",
        "Hoogstens 100.000 ontvangstbewijzen in één controle.");

    public static readonly RefusalText FieldUnknownMember = new("field.unknown-member", RefusalKind.Invalid,
        "is not a known field (names are camelCase and case-sensitive)",
        "Is geen gekend veld (namen zijn camelCase en hoofdlettergevoelig).");

    public static readonly RefusalText FieldWrongFormat = new("field.wrong-format", RefusalKind.Invalid,
        "has the wrong type or format",
        "Heeft een verkeerd type of formaat.");

    public static readonly RefusalText FieldWrongType = new("field.wrong-type", RefusalKind.Invalid,
        "is not a {type} here",
        "Is hier geen {type}.");
}
