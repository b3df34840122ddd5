using System.Globalization;

namespace ProvincialMonitor.Contracts.Input;

/// <summary>Why a typed value or a CSV cell could not be read: one code, with its English (API, import) and Dutch (forms) text.</summary>
public sealed record InputProblem(string Code, string English, string Dutch)
{
    private static readonly CultureInfo NlBe = CultureInfo.GetCultureInfo("nl-BE");

    public static InputProblem NotANumber(DecimalMark? mark) => mark switch
    {
        DecimalMark.Comma => new("number.invalid", "is not a number with a decimal comma, such as 1250,50", "Geen getal: schrijf bijvoorbeeld 1250,50."),
        DecimalMark.Point => new("number.invalid", "is not a number with a decimal point, such as 1250.50", "Geen getal: schrijf bijvoorbeeld 1250.50."),
        _ => new("number.invalid", "is not a number, such as 1250,50", "Geen getal: schrijf bijvoorbeeld 1250,50."),
    };

    public static InputProblem NotWhole() => new("number.whole", "is not a whole number", "Geen geheel getal: schrijf bijvoorbeeld 1250.");

    /// <summary>A point with three digits after it, such as 12.500: twelve thousand five hundred, or twelve and a half.</summary>
    public static InputProblem Ambiguous(decimal thousands, decimal fraction) => new("number.ambiguous",
        $"can be read as {thousands.ToString("G29", CultureInfo.InvariantCulture)} or as {fraction.ToString("G29", CultureInfo.InvariantCulture)}: write {Comma(thousands)} or {Comma(fraction)}",
        $"Kan gelezen worden als {thousands.ToString("N0", NlBe)} of als {fraction.ToString("G29", NlBe)}: schrijf {Comma(thousands)} of {Comma(fraction)}.");

    /// <summary>A thousands comma and a decimal point (1,000.50): not the Belgian way of writing a number.</summary>
    public static InputProblem ThousandsComma() => new("number.notation",
        "has a thousands comma: write the decimals after a comma, such as 1000,50 or 1.000,50",
        "Schrijf de decimalen na een komma, zoals 1000,50 of 1.000,50 (niet 1,000.50).");

    public static InputProblem TooManyDecimals(NumberKind kind) => kind == NumberKind.Money
        ? new("number.decimals", "has at most two decimals (euro cents)", "Hoogstens twee decimalen (eurocent).")
        : new("number.decimals", $"has at most {kind.Decimals} decimals", $"Hoogstens {kind.Decimals} decimalen.");

    public static InputProblem OutOfRange() => new("number.range", "is too large", "Dit getal is te groot.");

    public static InputProblem NotADate() => new("date.invalid", "is not a date YYYY-MM-DD or DD/MM/YYYY",
        "Geen geldige datum: schrijf dd/mm/jjjj, bijvoorbeeld 31/12/2026.");

    public static InputProblem NotAMoment() => new("moment.invalid", "is not a moment with its offset, such as 2027-04-06T09:30:00+02:00",
        "Geen geldig tijdstip: schrijf dd/mm/jjjj uu:mm, bijvoorbeeld 06/04/2027 09:30.");

    private static string Comma(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture).Replace('.', ',');
}
