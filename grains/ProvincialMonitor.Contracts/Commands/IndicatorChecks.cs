using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>The stateless checks of targets and measurements, the same for a province and for Flanders.</summary>
public static partial class IndicatorChecks
{
    public static void Target(this Checks check, string? indicatorCode, decimal? targetValue, int? year)
    {
        check.Slug("indicatorCode", indicatorCode);
        check.Year("year", year);
        if (!check.Required("targetValue", targetValue)) return;
        if (Indicators.ValueProblem(indicatorCode, targetValue!.Value, unit: null) is { } problem) check.Add("targetValue", problem.Text, problem.Arguments);
    }

    public static void Measurement(this Checks check, string? indicatorCode, decimal? value, string? unit, string? period, string? source)
    {
        check.Slug("indicatorCode", indicatorCode);
        check.Slug("unit", unit);
        check.Period("period", period);
        check.Text("source", source, max: 100);
        if (!check.Required("value", value)) return;
        if (Indicators.ValueProblem(indicatorCode, value!.Value, unit) is { } problem) check.Add("value", problem.Text, problem.Arguments);
    }

    public static void Period(this Checks check, string field, string? value)
    {
        if (check.Required(field, value) && !PeriodPattern().IsMatch(value!))
            check.Add(field, Refusals.FieldNotAPeriod);
    }

    /// <summary>A five-digit NIS code (Statbel) of a province or municipality.</summary>
    public static void NisCode(this Checks check, string field, string? value)
    {
        if (check.Required(field, value) && (value!.Length != 5 || !value.All(char.IsAsciiDigit)))
            check.Add(field, Refusals.FieldNotANisCode);
    }

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$")]
    private static partial Regex PeriodPattern();
}
