namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText FieldUnknownProgramme = new("field.unknown-programme", RefusalKind.Invalid,
        "must be a programme code from the list: {options}",
        "Moet een programma uit de lijst zijn (code): {options}.");

    public static readonly RefusalText FieldOutsideProgrammePeriod = new("field.outside-programme-period", RefusalKind.Invalid,
        "lies outside {programme} ({period}): from {starts} up to {until}, the last day costs are eligible",
        "Valt buiten {programme} ({period}): van {starts} tot en met {until}, de laatste dag waarop kosten in aanmerking komen.");

    public static readonly RefusalText FieldNotARate = new("field.not-a-rate", RefusalKind.Invalid,
        "must be a percentage above 0 and at most 100, at most two decimals",
        "Moet een percentage zijn, meer dan 0 en hoogstens 100, hoogstens twee decimalen.");

    public static readonly RefusalText FieldRateNeedsProgramme = new("field.rate-needs-programme", RefusalKind.Invalid,
        "is given only with crossBorderProgramme",
        "Wordt enkel gegeven met een grensoverschrijdend programma.");

    public static readonly RefusalText FieldRateAboveProgrammeMaximum = new("field.rate-above-programme-maximum", RefusalKind.Invalid,
        "is above the maximum ERDF co-financing rate of {programme} ({period}): {max} %",
        "Ligt boven het hoogste EFRO-cofinancieringspercentage van {programme} ({period}): {max} %.");

    public static readonly RefusalText FieldNotACooperationBody = new("field.not-a-cooperation-body", RefusalKind.Invalid,
        "must be a cooperation body from the list for kind cooperation-body: {options}",
        "Moet een samenwerkingsverband uit de lijst zijn voor de soort ‘samenwerkingsverband’: {options}.");
}
