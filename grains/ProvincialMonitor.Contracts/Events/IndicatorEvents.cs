using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>A target for an indicator in a year, set by a province or by Flanders.</summary>
public sealed record TargetSet(string IndicatorCode, decimal TargetValue, int Year) : IDomainEvent;

/// <summary>A measured value of an indicator for a period (2026, 2026-Q2 or 2026-04), with its unit and source.</summary>
public sealed record IndicatorMeasured(string IndicatorCode, decimal Value, string Unit, string Period, string Source) : IDomainEvent;

public static class IndicatorUnits
{
    public const string Percent = "percent";
    public const string Count = "count";
    public const string Euro = "euro";
}

/// <summary>
/// Indicator codes are open slugs; the two rates of the labour market are known by name because they are
/// filed under that domain and, being rates, are never summed across provinces.
/// </summary>
public static class Indicators
{
    public const string EmploymentRate = "employment-rate";
    public const string VacancyRate = "vacancy-rate";

    public static bool IsRate(string? code) => code is EmploymentRate or VacancyRate;

    public static string? DomainOf(string? code) => IsRate(code) ? PolicyDomains.LabourMarket : null;

    /// <summary>What is wrong with a value of this indicator in this unit, or null. Shared by validation and invariants.</summary>
    public static (RefusalText Text, (string Name, object? Value)[] Arguments)? ValueProblem(string? code, decimal value, string? unit)
    {
        if (IsRate(code))
        {
            if (unit is not null && unit != IndicatorUnits.Percent) return (Refusals.FieldRateUnit, [("code", code)]);
            if (value is < 0 or > 100) return (Refusals.FieldRateRange, [("code", code)]);
        }
        if (unit == IndicatorUnits.Count && (value < 0 || decimal.Truncate(value) != value)) return (Refusals.FieldCountWhole, []);
        if (unit == IndicatorUnits.Euro && decimal.Round(value, 2) != value) return (Refusals.FieldEuroCents, []);
        return null;
    }
}
