namespace ProvincialMonitor.Contracts.Commands;

public static partial class Refusals
{
    public static readonly RefusalText IndicatorMeasured = new("indicator.measured", RefusalKind.Conflict,
        "{code} for {period} from {source} is measured already; correct it instead.",
        "{code} voor {period} uit {source} is al gemeten; corrigeer het.");

    public static readonly RefusalText IndicatorMeasuredTwice = new("indicator.measured-twice", RefusalKind.Conflict,
        "{code} for {period} from {source} would be measured twice.",
        "{code} voor {period} uit {source} zou twee keer gemeten worden.");

    public static readonly RefusalText IndicatorMeasurementIncomplete = new("indicator.measurement-incomplete", RefusalKind.Conflict,
        "A measurement would lack its indicator code, unit, period or source.",
        "Een meting zou geen indicatorcode, eenheid, periode of bron hebben.");

    public static readonly RefusalText IndicatorMeasurementValue = new("indicator.measurement-value", RefusalKind.Conflict,
        "{code} for {period} would be {value} {unit}: {problem:text}.",
        "{code} voor {period} zou {value} {unit} zijn: {problem:text}");

    public static readonly RefusalText IndicatorMixedUnits = new("indicator.mixed-units", RefusalKind.Conflict,
        "{code} would be measured in more than one unit.",
        "{code} zou in meer dan één eenheid gemeten worden.");

    public static readonly RefusalText IndicatorOtherUnit = new("indicator.other-unit", RefusalKind.Conflict,
        "{code} is measured in {unit}, not in {given}.",
        "{code} wordt gemeten in {unit}, niet in {given}.");

    public static readonly RefusalText IndicatorTargetNoCode = new("indicator.target-no-code", RefusalKind.Conflict,
        "A target would have no indicator code.",
        "Een doelstelling zou geen indicatorcode hebben.");

    public static readonly RefusalText IndicatorTargetSet = new("indicator.target-set", RefusalKind.Conflict,
        "A target for {code} in {year} is set already; correct it instead.",
        "Er is al een doelstelling voor {code} in {year}; corrigeer ze.");

    public static readonly RefusalText IndicatorTargetTwice = new("indicator.target-twice", RefusalKind.Conflict,
        "There would be two targets for {code} in {year}.",
        "Er zouden twee doelstellingen zijn voor {code} in {year}.");

    public static readonly RefusalText IndicatorTargetValue = new("indicator.target-value", RefusalKind.Conflict,
        "The target for {code} in {year} would be {value}: {problem:text}.",
        "De doelstelling voor {code} in {year} zou {value} zijn: {problem:text}");

    public static readonly RefusalText IndicatorTargetYear = new("indicator.target-year", RefusalKind.Conflict,
        "The target for {code} would be for the year {year}.",
        "De doelstelling voor {code} zou voor het jaar {year} zijn.");
}
