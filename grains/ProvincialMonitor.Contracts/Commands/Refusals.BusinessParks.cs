namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldNotHectares = new("field.not-hectares", RefusalKind.Invalid,
        "must be hectares: more than zero, at most 100,000, at most two decimals",
        "Moet een oppervlakte in hectare zijn: meer dan nul, hoogstens 100.000, hoogstens twee decimalen.");

    public static readonly RefusalText FieldNotBusinessParkKey = new("field.not-business-park-key", RefusalKind.Invalid,
        "must be the business park's key '{slug}'",
        "Moet de sleutel van het bedrijventerrein zijn (‘{slug}’).");

    public static readonly RefusalText CommandNotForBusinessPark = new("command.not-for-business-park", RefusalKind.Invalid,
        "{command} is not a business park action",
        "{command} is geen actie van een bedrijventerrein.");

    public static readonly RefusalText BusinessParkAlreadyRegistered = new("business-park.already-registered", RefusalKind.Conflict,
        "Business park {slug} is already registered.",
        "Bedrijventerrein {slug} is al geregistreerd.");

    public static readonly RefusalText BusinessParkNotRegistered = new("business-park.not-registered", RefusalKind.NotFound,
        "Business park {slug} is not registered.",
        "Bedrijventerrein {slug} is niet geregistreerd.");

    public static readonly RefusalText BusinessParkPlotsExceedNet = new("business-park.plots-exceed-net", RefusalKind.Conflict,
        "Plots of {issued} ha would be issued on {slug}, more than its {net} net ha.",
        "Er zouden percelen van {issued} ha uitgegeven zijn op {slug}, meer dan de {net} netto ha.");

    public static readonly RefusalText BusinessParkNetOverGross = new("business-park.net-over-gross", RefusalKind.Conflict,
        "The park would have more net ({net} ha) than gross ({gross} ha) hectares, or none.",
        "Het terrein zou meer netto ({net} ha) dan bruto ({gross} ha) hectare hebben, of geen.");

    public static readonly RefusalText BusinessParkBadMunicipality = new("business-park.bad-municipality", RefusalKind.Conflict,
        "The park would lie in '{municipality}', not a 2025 municipality of its province {province}.",
        "Het terrein zou in ‘{municipality}’ liggen, geen gemeente (2025) van zijn provincie {province}.");

    public static readonly RefusalText BusinessParkBadValue = new("business-park.bad-value", RefusalKind.Conflict,
        "The park would have an unknown {field} '{value}', or an area that is not hectares.",
        "Het terrein zou een onbekende waarde ‘{value}’ voor {field} hebben, of een oppervlakte die geen hectare is.");

    public static readonly RefusalText ScopeNotParkProvince = new("scope.not-park-province", RefusalKind.Forbidden,
        "Only an officer of {province} records for business park {slug}.",
        "Enkel een ambtenaar van {province} registreert voor bedrijventerrein {slug}.");
}
