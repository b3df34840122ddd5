namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText ImportBadDelimiter = new("import.bad-delimiter", RefusalKind.Invalid,
        "delimiter must be ; or ,",
        "Het scheidingsteken is ; of ,.");

    public static readonly RefusalText ImportBadIdempotencyKey = new("import.bad-idempotency-key", RefusalKind.Invalid,
        "has 1 to 200 printable characters",
        "1 tot 200 afdrukbare tekens.");

    public static readonly RefusalText ImportColumnTwice = new("import.column-twice", RefusalKind.Invalid,
        "the column '{column}' appears twice in the header",
        "De kolom ‘{column}’ staat twee keer in de kopregel.");

    public static readonly RefusalText ImportCommaNeedsSemicolon = new("import.comma-needs-semicolon", RefusalKind.Invalid,
        "decimal comma needs delimiter ; (a decimal comma in a comma-separated file must be quoted; use ; instead)",
        "Een decimale komma vraagt het scheidingsteken ; (gebruik ; in plaats van ,).");

    public static readonly RefusalText ImportEmptyFile = new("import.empty-file", RefusalKind.Invalid,
        "the file is empty: it needs a header line and at least one row",
        "Het bestand is leeg: het heeft een kopregel en minstens één rij nodig.");

    public static readonly RefusalText ImportFieldCount = new("import.field-count", RefusalKind.Invalid,
        "has {fields} fields, the header has {header}",
        "De rij heeft {fields} velden, de kopregel {header}.");

    public static readonly RefusalText ImportFileTooLarge = new("import.file-too-large", RefusalKind.Invalid,
        "the file is too large: an import holds at most {max} MB; split the file",
        "Het bestand is te groot: een import bevat hoogstens {max} MB; splits het bestand.");

    public static readonly RefusalText ImportKeyReused = new("import.key-reused", RefusalKind.IdempotencyKeyReused,
        "this idempotencyKey was already used for a different row.",
        "Deze idempotencyKey werd al voor een andere rij gebruikt.");

    public static readonly RefusalText ImportMarketRequired = new("import.market-required", RefusalKind.Invalid,
        "is required (the marketId it joined with)",
        "Is verplicht (de marketId waarmee de markt deelnam).");

    public static readonly RefusalText ImportNoActionColumn = new("import.no-action-column", RefusalKind.Invalid,
        "the header (line {line}) has no column 'action'",
        "De kopregel (regel {line}) heeft geen kolom ‘action’.");

    public static readonly RefusalText ImportNoActionColumnDelimiter = new("import.no-action-column-delimiter", RefusalKind.Invalid,
        "the header (line {line}) has no column 'action'; is the delimiter '{delimiter}' right?",
        "De kopregel (regel {line}) heeft geen kolom ‘action’; is het scheidingsteken ‘{delimiter}’ juist?");

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
        "Is een lijst provincie:gemeenten:markten:deelnames, zoals limburg:20:40:5000|antwerpen:30:60:8000.");

    public static readonly RefusalText ImportNotUtf8 = new("import.not-utf8", RefusalKind.Invalid,
        "the file is not UTF-8 (save the file as CSV UTF-8)",
        "Het bestand is geen UTF-8 (bewaar het als CSV UTF-8).");

    public static readonly RefusalText ImportProjectNamedTwice = new("import.project-named-twice", RefusalKind.Invalid,
        "give projectId or leadProvince and externalRef, not both",
        "Geef projectId, of leadProvince en externalRef, niet allebei.");

    public static readonly RefusalText ImportProjectUnnamed = new("import.project-unnamed", RefusalKind.Invalid,
        "the project is named by projectId, or by leadProvince and externalRef",
        "Noem het project met projectId, of met leadProvince en externalRef.");

    public static readonly RefusalText ImportQuoteInField = new("import.quote-in-field", RefusalKind.Invalid,
        "line {line}: a quote inside an unquoted field (quote the field and write the quote twice)",
        "Regel {line}: een aanhalingsteken in een veld zonder aanhalingstekens (zet het veld tussen aanhalingstekens en schrijf het aanhalingsteken twee keer).");

    public static readonly RefusalText ImportQuoteNotClosed = new("import.quote-not-closed", RefusalKind.Invalid,
        "line {line}: a quoted field is not closed",
        "Regel {line}: een veld tussen aanhalingstekens wordt niet afgesloten.");

    public static readonly RefusalText ImportRoleRecordsNothing = new("import.role-records-nothing", RefusalKind.Forbidden,
        "The role {role} does not record actions.",
        "De rol {role} registreert geen acties.");

    public static readonly RefusalText ImportSameRow = new("import.same-row", RefusalKind.Invalid,
        "the same row appears earlier in the file",
        "Dezelfde rij staat eerder in het bestand.");

    public static readonly RefusalText ImportTextAfterQuote = new("import.text-after-quote", RefusalKind.Invalid,
        "line {line}: text after a closing quote (a quote inside a field is written twice: \"\")",
        "Regel {line}: tekst na een afsluitend aanhalingsteken (een aanhalingsteken in een veld schrijft u twee keer: \"\").");

    public static readonly RefusalText ImportUnknownAction = new("import.unknown-action", RefusalKind.Invalid,
        "'{action}' is not known (docs/import.md: one of {actions})",
        "De actie ‘{action}’ bestaat niet (zie de lijst van acties).");

    public static readonly RefusalText ImportUnknownColumns = new("import.unknown-columns", RefusalKind.Invalid,
        "unknown column(s) in the header: {columns}",
        "Onbekende kolom(men) in de kopregel: {columns}.");

    public static readonly RefusalText ImportNotAWorkbook = new("import.not-a-workbook", RefusalKind.Invalid,
        "the file is not a readable Excel workbook (.xlsx): nothing is stored; save it again as an Excel workbook or as CSV UTF-8",
        "Het bestand is geen leesbare Excel-werkmap (.xlsx): er is niets opgeslagen; bewaar het opnieuw als Excel-werkmap of als CSV UTF-8.");

    public static readonly RefusalText ImportBrokenWorkbook = new("import.broken-workbook", RefusalKind.Invalid,
        "the workbook cannot be read after row {row}: nothing is stored; save it again as an Excel workbook",
        "De werkmap kan na rij {row} niet verder gelezen worden: er is niets opgeslagen; bewaar ze opnieuw als Excel-werkmap.");

    public static readonly RefusalText ImportDateCell = new("import.date-cell", RefusalKind.Invalid,
        "holds a date (a cell formatted as a date) where no date is expected: format the cell as text or as a number",
        "Bevat een datum (een cel met datumopmaak) waar geen datum verwacht wordt: geef de cel de opmaak tekst of getal.");

    public static readonly RefusalText ImportErrorCell = new("import.error-cell", RefusalKind.Invalid,
        "holds the error {error} of a formula",
        "Bevat de fout {error} van een formule.");

    public static readonly RefusalText ImportColumnAmbiguous = new("import.column-ambiguous", RefusalKind.Invalid,
        "the column '{column}' names several fields ({fields}): use the English name",
        "De kolom ‘{column}’ kan verschillende velden zijn ({fields}): gebruik de Engelse naam.");
}
