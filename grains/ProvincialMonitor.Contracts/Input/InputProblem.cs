using System.Globalization;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts.Input;

/// <summary>
/// Why a typed value or a CSV cell could not be read: an entry of <see cref="Refusals"/> with its arguments, so with
/// its English (API, import) and Dutch (forms) text.
/// </summary>
public sealed record InputProblem(RefusalText Text, IReadOnlyDictionary<string, string> Arguments)
{
    public string Code => Text.Code;

    public string English => Text.InEnglish(Arguments);

    public string Dutch => Text.InDutch(Arguments);

    /// <summary>The problem as the error of a field (a form's input, an import's column).</summary>
    public FieldError For(string field) => new(field, Code, Arguments);

    private static InputProblem Of(RefusalText text, params (string Name, object? Value)[] arguments) => new(text, text.Bind(arguments));

    public static InputProblem NotANumber(DecimalMark? mark) => Of(mark switch
    {
        DecimalMark.Comma => Refusals.NumberInvalidComma,
        DecimalMark.Point => Refusals.NumberInvalidPoint,
        _ => Refusals.NumberInvalid,
    });

    public static InputProblem NotWhole() => Of(Refusals.NumberWhole);

    /// <summary>A point with three digits after it, such as 12.500: twelve thousand five hundred, or twelve and a half.</summary>
    public static InputProblem Ambiguous(decimal thousands, decimal fraction) => Of(Refusals.NumberAmbiguous,
        ("thousands", thousands.ToString("G29", CultureInfo.InvariantCulture)), ("fraction", fraction.ToString("G29", CultureInfo.InvariantCulture)),
        ("thousandsComma", Comma(thousands)), ("fractionComma", Comma(fraction)));

    /// <summary>A thousands comma and a decimal point (1,000.50): not the Belgian way of writing a number.</summary>
    public static InputProblem ThousandsComma() => Of(Refusals.NumberNotation);

    public static InputProblem TooManyDecimals(NumberKind kind) => kind == NumberKind.Money
        ? Of(Refusals.NumberDecimals)
        : Of(Refusals.NumberDecimalsMeasure, ("decimals", kind.Decimals));

    public static InputProblem OutOfRange() => Of(Refusals.NumberRange);

    public static InputProblem NotADate() => Of(Refusals.DateInvalid);

    public static InputProblem NotAMoment() => Of(Refusals.MomentInvalid);

    private static string Comma(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture).Replace('.', ',');
}
