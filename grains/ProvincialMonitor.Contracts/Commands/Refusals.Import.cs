namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ImportBadIdempotencyKey = new("import.bad-idempotency-key", RefusalKind.Invalid,
        "has 1 to 200 printable characters",
        "1 tot 200 afdrukbare tekens.");

    public static readonly RefusalText ImportFieldCount = new("import.field-count", RefusalKind.Invalid,
        "has {fields} fields, the header has {header}",
        "De rij heeft {fields} velden, de kopregel {header}.");

    public static readonly RefusalText ImportKeyReused = new("import.key-reused", RefusalKind.IdempotencyKeyReused,
        "this idempotencyKey was already used for a different row.",
        "Deze idempotencyKey werd al voor een andere rij gebruikt.");

    public static readonly RefusalText ImportMarketRequired = new("import.market-required", RefusalKind.Invalid,
        "is required (the marketId it joined with)",
        "Is verplicht (de marketId waarmee de markt deelnam).");

    public static readonly RefusalText ImportNoProject = new("import.no-project", RefusalKind.NotFound,
        "{province} has no project with externalRef '{externalRef}'.",
        "{province} heeft geen project met externalRef ‘{externalRef}’.");

    public static readonly RefusalText ImportNoProjectInFile = new("import.no-project-in-file", RefusalKind.Invalid,
        "{province} has no project with externalRef '{externalRef}', and no earlier valid row registers one",
        "{province} heeft geen project met externalRef ‘{externalRef}’, en geen eerdere geldige rij registreert het.");

    public static readonly RefusalText ImportNotAColumn = new("import.not-a-column", RefusalKind.Invalid,
        "is not a column of {action} (leave it empty)",
        "Is geen kolom van {action} (laat leeg).");

    public static readonly RefusalText ImportNotAFlag = new("import.not-a-flag", RefusalKind.Invalid,
        "is not true or false",
        "Is niet true of false.");

    public static readonly RefusalText ImportNotAProjectId = new("import.not-a-project-id", RefusalKind.Invalid,
        "is not a project id (a UUID)",
        "Is geen id van een project (een UUID).");

    public static readonly RefusalText ImportNotAnEventId = new("import.not-an-event-id", RefusalKind.Invalid,
        "is not an event id (a UUID)",
        "Is geen id van een gebeurtenis (een UUID).");

    public static readonly RefusalText ImportNotImportable = new("import.not-importable", RefusalKind.Invalid,
        "cannot be given in an import",
        "Kan niet in een import gegeven worden.");

    public static readonly RefusalText ImportNotSent = new("import.not-sent", RefusalKind.Invalid,
        "not sent: other rows are invalid (import with partial to store the valid rows)",
        "Niet verstuurd: andere rijen zijn ongeldig (importeer gedeeltelijk om de geldige rijen op te slaan).");

    public static readonly RefusalText ImportNotTargetList = new("import.not-target-list", RefusalKind.Invalid,
        "is a list of province:municipalities:markets:entries, such as limburg:20:40:5000|antwerpen:30:60:8000",
        "Is een lijst provincie:gemeenten:markten:inschrijvingen, zoals limburg:20:40:5000|antwerpen:30:60:8000.");

    public static readonly RefusalText ImportProjectNamedTwice = new("import.project-named-twice", RefusalKind.Invalid,
        "give projectId or leadProvince and externalRef, not both",
        "Geef projectId, of leadProvince en externalRef, niet allebei.");

    public static readonly RefusalText ImportProjectUnnamed = new("import.project-unnamed", RefusalKind.Invalid,
        "the project is named by projectId, or by leadProvince and externalRef",
        "Noem het project met projectId, of met leadProvince en externalRef.");

    public static readonly RefusalText ImportSameRow = new("import.same-row", RefusalKind.Invalid,
        "the same row appears earlier in the file",
        "Dezelfde rij staat eerder in het bestand.");

    public static readonly RefusalText ImportUnknownAction = new("import.unknown-action", RefusalKind.Invalid,
        "'{action}' is not known (see the README: one of {actions})",
        "De actie ‘{action}’ bestaat niet (zie de lijst van acties).");
}
