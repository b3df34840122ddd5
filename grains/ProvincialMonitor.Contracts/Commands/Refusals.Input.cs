namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText DateInvalid = new("date.invalid", RefusalKind.Invalid,
        "is not a date YYYY-MM-DD or DD/MM/YYYY",
        "Geen geldige datum: schrijf dd/mm/jjjj, bijvoorbeeld 31/12/2026.");

    public static readonly RefusalText MomentInvalid = new("moment.invalid", RefusalKind.Invalid,
        "is not a moment with its offset, such as 2027-04-06T09:30:00+02:00",
        "Geen geldig tijdstip: schrijf dd/mm/jjjj uu:mm, bijvoorbeeld 06/04/2027 09:30.");

    public static readonly RefusalText NumberAmbiguous = new("number.ambiguous", RefusalKind.Invalid,
        "can be read as {thousands} or as {fraction}: write {thousandsComma} or {fractionComma}",
        "Kan gelezen worden als {thousands:number} of als {fraction:decimal}: schrijf {thousandsComma} of {fractionComma}.");

    public static readonly RefusalText NumberDecimals = new("number.decimals", RefusalKind.Invalid,
        "has at most two decimals (euro cents)",
        "Hoogstens twee decimalen (eurocent).");

    public static readonly RefusalText NumberDecimalsMeasure = new("number.decimals-measure", RefusalKind.Invalid,
        "has at most {decimals} decimals",
        "Hoogstens {decimals} decimalen.");

    public static readonly RefusalText NumberInvalid = new("number.invalid", RefusalKind.Invalid,
        "is not a number, such as 1250,50",
        "Geen getal: schrijf bijvoorbeeld 1250,50.");

    public static readonly RefusalText NumberInvalidComma = new("number.invalid-comma", RefusalKind.Invalid,
        "is not a number with a decimal comma, such as 1250,50",
        "Geen getal: schrijf bijvoorbeeld 1250,50.");

    public static readonly RefusalText NumberInvalidPoint = new("number.invalid-point", RefusalKind.Invalid,
        "is not a number with a decimal point, such as 1250.50",
        "Geen getal: schrijf bijvoorbeeld 1250.50.");

    public static readonly RefusalText NumberNotation = new("number.notation", RefusalKind.Invalid,
        "has a thousands comma: write the decimals after a comma, such as 1000,50 or 1.000,50",
        "Schrijf de decimalen na een komma, zoals 1000,50 of 1.000,50 (niet 1,000.50).");

    public static readonly RefusalText NumberRange = new("number.range", RefusalKind.Invalid,
        "is too large",
        "Dit getal is te groot.");

    public static readonly RefusalText NumberWhole = new("number.whole", RefusalKind.Invalid,
        "is not a whole number",
        "Geen geheel getal: schrijf bijvoorbeeld 1250.");
}
