namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldAsOfRequired = new("field.as-of-required", RefusalKind.Invalid,
        "is required with basis (or give atPosition)",
        "Is verplicht met basis (of geef atPosition).");

    public static readonly RefusalText FieldAtLeast = new("field.at-least", RefusalKind.Invalid,
        "must be at least {min}",
        "Moet minstens {min} zijn.");

    public static readonly RefusalText FieldBeforePeriodStart = new("field.before-period-start", RefusalKind.Invalid,
        "is before periodStart",
        "Ligt vóór het begin van de periode.");

    public static readonly RefusalText FieldBeforePlannedStart = new("field.before-planned-start", RefusalKind.Invalid,
        "is before plannedStart",
        "Ligt vóór de geplande start.");

    public static readonly RefusalText FieldCents = new("field.cents", RefusalKind.Invalid,
        "has at most two decimals (euro cents)",
        "Hoogstens twee decimalen (eurocent).");

    public static readonly RefusalText FieldChangeTwice = new("field.change-twice", RefusalKind.Invalid,
        "names the field '{field}' twice",
        "Noemt het veld ‘{field}’ twee keer.");

    public static readonly RefusalText FieldCoordinatorProvinces = new("field.coordinator-provinces", RefusalKind.Invalid,
        "are not given for a coordinator",
        "Een coördinator krijgt geen provincies.");

    public static readonly RefusalText FieldCoordinatorWithoutCampaign = new("field.coordinator-without-campaign", RefusalKind.Invalid,
        "names at least one campaign for a coordinator",
        "Kies minstens één campagne voor een coördinator.");

    public static readonly RefusalText FieldCountWhole = new("field.count-whole", RefusalKind.Invalid,
        "a count is a whole number, not negative",
        "Een aantal is een geheel getal, niet negatief.");

    public static readonly RefusalText FieldDiffersFromDecidingBody = new("field.differs-from-deciding-body", RefusalKind.Invalid,
        "differs from decidingBody",
        "Verschilt van het beslissend orgaan.");

    public static readonly RefusalText FieldCreditNeedsDecision = new("field.credit-needs-decision", RefusalKind.Invalid,
        "is required: a credit is adopted by the provincial council (its decision reference)",
        "Is verplicht: een krediet stelt de provincieraad vast (de referentie van zijn beslissing).");

    public static readonly RefusalText FieldDiffersFromReference = new("field.differs-from-reference", RefusalKind.Invalid,
        "differs from reference",
        "Verschilt van de referentie van de beslissing.");

    public static readonly RefusalText FieldEuroCents = new("field.euro-cents", RefusalKind.Invalid,
        "euro has at most two decimals",
        "Hoogstens twee decimalen (eurocent).");

    public static readonly RefusalText FieldGivenTwice = new("field.given-twice", RefusalKind.Invalid,
        "is given twice",
        "Staat er twee keer in.");

    public static readonly RefusalText FieldGrantingProvinceNotForFunder = new("field.granting-province-not-for-funder", RefusalKind.Invalid,
        "is given only for funder province or pom",
        "Alleen bij financier provincie of POM.");

    public static readonly RefusalText FieldGrantingProvinceNotOnProject = new("field.granting-province-not-on-project", RefusalKind.Invalid,
        "{province} is neither the lead nor a participating province of project {projectId}",
        "{province} is niet de trekkende en geen deelnemende provincie van project {projectId}.");

    public static readonly RefusalText FieldGrantingProvinceRequired = new("field.granting-province-required", RefusalKind.Invalid,
        "is required for funder province or pom on a project with participating provinces unless you act for exactly one province: whose money the grant is",
        "Verplicht bij financier provincie of POM op een project met deelnemende provincies, tenzij u voor precies één provincie handelt: wiens geld de toekenning is.");

    public static readonly RefusalText FieldIdempotencyKey = new("field.idempotency-key", RefusalKind.Invalid,
        "has 1 to 200 printable characters",
        "Ongeldige sleutel van het formulier; herlaad de pagina.");

    public static readonly RefusalText FieldInTheFuture = new("field.in-the-future", RefusalKind.Invalid,
        "is more than one day in the future",
        "Ligt meer dan één dag in de toekomst.");

    public static readonly RefusalText FieldInvalidCorrection = new("field.invalid-correction", RefusalKind.Invalid,
        "do not make a valid {eventType}: {message}",
        "Maken geen geldige {eventType}: {message}.");

    public static readonly RefusalText FieldLimitRange = new("field.limit-range", RefusalKind.Invalid,
        "must be between 1 and {maxLimit}",
        "Moet tussen 1 en {maxLimit} liggen.");

    public static readonly RefusalText FieldListsNotNull = new("field.lists-not-null", RefusalKind.Invalid,
        "participatingProvinces, clusters and partners are lists: [] for none, never null",
        "participatingProvinces, clusters en partners zijn lijsten: [] voor geen, nooit null.");

    public static readonly RefusalText FieldMoreMunicipalitiesThanProvince = new("field.more-municipalities-than-province", RefusalKind.Invalid,
        "is more than the {inProvince} municipalities of {province}",
        "Meer dan de {inProvince} gemeenten van {province}.");

    public static readonly RefusalText FieldNegative = new("field.negative", RefusalKind.Invalid,
        "must not be negative",
        "Mag niet negatief zijn.");

    public static readonly RefusalText FieldNoChange = new("field.no-change", RefusalKind.Invalid,
        "names at least one field to correct",
        "Kies minstens één veld om te corrigeren.");

    public static readonly RefusalText FieldNoProvince = new("field.no-province", RefusalKind.Invalid,
        "names at least one province",
        "Kies minstens één provincie.");

    public static readonly RefusalText FieldNotABasis = new("field.not-a-basis", RefusalKind.Invalid,
        "must be effective or recorded",
        "Moet effective of recorded zijn.");

    public static readonly RefusalText FieldNotAChange = new("field.not-a-change", RefusalKind.Invalid,
        "is a field to correct: {field, newValue}",
        "Is een veld om te corrigeren: {field, newValue}.");

    public static readonly RefusalText FieldNotADate = new("field.not-a-date", RefusalKind.Invalid,
        "must be a date YYYY-MM-DD",
        "Moet een datum JJJJ-MM-DD zijn.");

    public static readonly RefusalText FieldNotADateOrTime = new("field.not-a-date-or-time", RefusalKind.Invalid,
        "must be a date YYYY-MM-DD or an ISO 8601 time such as 2026-04-30T18:00:00+02:00",
        "Moet een datum JJJJ-MM-DD of een ISO 8601-tijdstip zijn, zoals 2026-04-30T18:00:00+02:00.");

    public static readonly RefusalText FieldNotADirection = new("field.not-a-direction", RefusalKind.Invalid,
        "must be forwards or backwards",
        "Moet forwards of backwards zijn.");

    public static readonly RefusalText FieldNotAFieldOf = new("field.not-a-field-of", RefusalKind.Invalid,
        "is not a field of {eventType}",
        "Is geen veld van {eventType}.");

    public static readonly RefusalText FieldNotAFlemishMunicipality = new("field.not-a-flemish-municipality", RefusalKind.Invalid,
        "is not a Flemish municipality (boundaries {version})",
        "Is geen Vlaamse gemeente (grenzen {version}).");

    public static readonly RefusalText FieldNotALogin = new("field.not-a-login", RefusalKind.Invalid,
        "has at most {max} letters, digits and . - _ @ :",
        "Hoogstens {max} letters, cijfers en . - _ @ :");

    public static readonly RefusalText FieldNotAMunicipalityNis = new("field.not-a-municipality-nis", RefusalKind.Invalid,
        "is not the NIS code of a municipality (boundaries of {version})",
        "Is niet de NIS-code van een gemeente (grenzen van {version}).");

    public static readonly RefusalText FieldNotANisCode = new("field.not-a-nis-code", RefusalKind.Invalid,
        "must be a NIS code of five digits",
        "Moet een NIS-code van vijf cijfers zijn.");

    public static readonly RefusalText FieldNotAPeriod = new("field.not-a-period", RefusalKind.Invalid,
        "must be a year (2026), a quarter (2026-Q2) or a month (2026-04)",
        "Moet een jaar (2026), een kwartaal (2026-Q2) of een maand (2026-04) zijn.");

    public static readonly RefusalText FieldNotAPosition = new("field.not-a-position", RefusalKind.Invalid,
        "must be a whole number, 0 or more",
        "Moet een geheel getal zijn, 0 of meer.");

    public static readonly RefusalText FieldNotASlug = new("field.not-a-slug", RefusalKind.Invalid,
        "must be lower-case letters, digits and single hyphens (at most 60)",
        "Alleen kleine letters, cijfers en enkele koppeltekens (hoogstens 60).");

    public static readonly RefusalText FieldNotATime = new("field.not-a-time", RefusalKind.Invalid,
        "must be an ISO 8601 time",
        "Moet een ISO 8601-tijdstip zijn.");

    public static readonly RefusalText FieldNotAWholeNumber = new("field.not-a-whole-number", RefusalKind.Invalid,
        "must be a whole number",
        "Moet een geheel getal zijn.");

    public static readonly RefusalText FieldNotAYear = new("field.not-a-year", RefusalKind.Invalid,
        "must be a year between 1990 and 2100",
        "Moet een jaar tussen 1990 en 2100 zijn.");

    public static readonly RefusalText FieldNotAnId = new("field.not-an-id", RefusalKind.Invalid,
        "must be letters, digits and hyphens (at most {max})",
        "Alleen letters, cijfers en koppeltekens (hoogstens {max}).");

    public static readonly RefusalText FieldNotCampaignKey = new("field.not-campaign-key", RefusalKind.Invalid,
        "must be the campaign's key '{slug}'",
        "Moet de sleutel van de campagne zijn (‘{slug}’).");

    public static readonly RefusalText FieldNotClusterKey = new("field.not-cluster-key", RefusalKind.Invalid,
        "must be the cluster's key '{slug}'",
        "Moet de sleutel van de cluster zijn (‘{slug}’).");

    public static readonly RefusalText FieldNotCorrectable = new("field.not-correctable", RefusalKind.Invalid,
        "cannot be corrected",
        "Dit veld kan niet gecorrigeerd worden.");

    public static readonly RefusalText FieldNotForSpearhead = new("field.not-for-spearhead", RefusalKind.Invalid,
        "is not given for a spearhead cluster",
        "Wordt niet gegeven voor een speerpuntcluster.");

    public static readonly RefusalText FieldNotMarketCampaign = new("field.not-market-campaign", RefusalKind.Invalid,
        "must be the campaign of the market's key '{key}'",
        "Moet de campagne van de sleutel van de markt zijn (‘{key}’).");

    public static readonly RefusalText FieldNotMarketId = new("field.not-market-id", RefusalKind.Invalid,
        "must be the market id of the market's key '{key}'",
        "Moet de id van de markt in de sleutel van de markt zijn (‘{key}’).");

    public static readonly RefusalText FieldNotOneOf = new("field.not-one-of", RefusalKind.Invalid,
        "must be one of: {options}",
        "Moet een van deze zijn: {options}.");

    public static readonly RefusalText FieldNotParticipatingProvince = new("field.not-participating-province", RefusalKind.Invalid,
        "is not a participating province",
        "Deze provincie neemt niet deel.");

    public static readonly RefusalText FieldNotPositive = new("field.not-positive", RefusalKind.Invalid,
        "must be more than zero",
        "Moet groter zijn dan nul.");

    public static readonly RefusalText FieldNotProvinceOf = new("field.not-province-of", RefusalKind.Invalid,
        "is not the province of {municipality} ({province})",
        "Is niet de provincie van {municipality} ({province}).");

    public static readonly RefusalText FieldNotSpearhead = new("field.not-spearhead", RefusalKind.Invalid,
        "must be one of the seven spearhead clusters: {clusters}",
        "Moet een van de zeven speerpuntclusters zijn: {clusters}.");

    public static readonly RefusalText FieldOfficerCampaigns = new("field.officer-campaigns", RefusalKind.Invalid,
        "are not given for an officer",
        "Een ambtenaar krijgt geen campagnes.");

    public static readonly RefusalText FieldOfficerWithoutProvince = new("field.officer-without-province", RefusalKind.Invalid,
        "names at least one province for an officer",
        "Kies minstens één provincie voor een ambtenaar.");

    public static readonly RefusalText FieldRateRange = new("field.rate-range", RefusalKind.Invalid,
        "{code} is a percentage between 0 and 100",
        "Moet een percentage tussen 0 en 100 zijn.");

    public static readonly RefusalText FieldRateUnit = new("field.rate-unit", RefusalKind.Invalid,
        "{code} is measured in percent",
        "Deze indicator wordt in procent gemeten.");

    public static readonly RefusalText FieldRequired = new("field.required", RefusalKind.Invalid,
        "is required",
        "Dit veld is verplicht.");

    public static readonly RefusalText FieldReservedForSpearhead = new("field.reserved-for-spearhead", RefusalKind.Invalid,
        "is reserved for a spearhead cluster",
        "Is voorbehouden aan een speerpuntcluster.");

    public static readonly RefusalText FieldReservedForSystem = new("field.reserved-for-system", RefusalKind.Invalid,
        "is reserved for the system",
        "Is voorbehouden aan het systeem.");

    public static readonly RefusalText FieldRoleCampaigns = new("field.role-campaigns", RefusalKind.Invalid,
        "are not given for the role {role}",
        "De rol {role} krijgt geen campagnes.");

    public static readonly RefusalText FieldRoleProvinces = new("field.role-provinces", RefusalKind.Invalid,
        "are not given for the role {role}",
        "De rol {role} krijgt geen provincies.");

    public static readonly RefusalText FieldSameValue = new("field.same-value", RefusalKind.Invalid,
        "is the value the field has already",
        "Het veld heeft die waarde al.");

    public static readonly RefusalText FieldTargetTwice = new("field.target-twice", RefusalKind.Invalid,
        "has a target already",
        "Deze provincie heeft al een doelstelling.");

    public static readonly RefusalText FieldTooLong = new("field.too-long", RefusalKind.Invalid,
        "has at most {max} characters",
        "Hoogstens {max} tekens.");

    public static readonly RefusalText FieldTooManyCampaigns = new("field.too-many-campaigns", RefusalKind.Invalid,
        "has at most {max} campaigns",
        "Hoogstens {max} campagnes.");

    public static readonly RefusalText FieldTooManyEntries = new("field.too-many-entries", RefusalKind.Invalid,
        "is at most 100000 per registration",
        "Hoogstens 100.000 per registratie.");

    public static readonly RefusalText FieldTooMuchMoney = new("field.too-much-money", RefusalKind.Invalid,
        "is more than 1,000,000,000,000 euro",
        "Is meer dan 1.000.000.000.000 euro.");

    public static readonly RefusalText FieldTooShort = new("field.too-short", RefusalKind.Invalid,
        "has at least {min} characters",
        "Minstens {min} tekens.");

    public static readonly RefusalText FieldUnknownBody = new("field.unknown-body", RefusalKind.Invalid,
        "must be deputatie, provincieraad or pom",
        "Moet deputatie, provincieraad of POM zijn.");

    public static readonly RefusalText FieldUnknownProvince = new("field.unknown-province", RefusalKind.Invalid,
        "must be one of: {options}",
        "Onbekende provincie.");

    public static readonly RefusalText FieldWrongKind = new("field.wrong-kind", RefusalKind.Invalid,
        "{command} does not go to a {kind}",
        "{command} hoort niet bij een {kind}.");
}
