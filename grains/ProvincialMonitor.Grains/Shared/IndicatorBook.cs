using System.Collections.Immutable;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Grains.Shared;

[GenerateSerializer, Immutable]
public sealed record IndicatorTarget(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal Value,
    [property: Id(2)] int Year);

[GenerateSerializer, Immutable]
public sealed record Measurement(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Period,
    [property: Id(4)] string Source);

/// <summary>
/// The targets and measured values of one province or of Flanders, with the rules both apply: one target
/// per indicator and year, one measurement per indicator, period and source, and one unit per indicator
/// so that its values stay comparable over time.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorBook(
    [property: Id(0)] ImmutableList<IndicatorTarget> Targets,
    [property: Id(1)] ImmutableList<Measurement> Measurements)
{
    public static readonly IndicatorBook Empty = new([], []);

    /// <summary>The domain an indicator event is filed under, or null for another event.</summary>
    public static string? DomainOf(IDomainEvent e) => e switch
    {
        TargetSet t => Indicators.DomainOf(t.IndicatorCode),
        IndicatorMeasured m => Indicators.DomainOf(m.IndicatorCode),
        _ => null,
    };

    public IndicatorBook Apply(IDomainEvent e) => e switch
    {
        TargetSet t => this with { Targets = Targets.Add(new IndicatorTarget(t.IndicatorCode, t.TargetValue, t.Year)) },
        IndicatorMeasured m => this with { Measurements = Measurements.Add(new Measurement(m.IndicatorCode, m.Value, m.Unit, m.Period, m.Source)) },
        _ => this,
    };

    public Refusal? RefuseTarget(string code, int year) =>
        Targets.Exists(t => t.Code == code && t.Year == year)
            ? Refusal.Of(Refusals.IndicatorTargetSet, ("code", code), ("year", year))
            : null;

    public Refusal? RefuseMeasurement(string code, string unit, string period, string source)
    {
        if (Measurements.Exists(m => m.Code == code && m.Period == period && m.Source == source))
            return Refusal.Of(Refusals.IndicatorMeasured, ("code", code), ("period", period), ("source", source));
        if (Measurements.Find(m => m.Code == code) is { } earlier && earlier.Unit != unit)
            return Refusal.Of(Refusals.IndicatorOtherUnit, ("code", code), ("unit", earlier.Unit), ("given", unit));
        return null;
    }

    /// <summary>What must hold after every event; a correction may have changed any field.</summary>
    public Refusal? Invariants()
    {
        foreach (var target in Targets)
        {
            if (string.IsNullOrWhiteSpace(target.Code)) return Refusal.Of(Refusals.IndicatorTargetNoCode);
            if (target.Year is < 1990 or > 2100) return Refusal.Of(Refusals.IndicatorTargetYear, ("code", target.Code), ("year", target.Year));
            if (Indicators.ValueProblem(target.Code, target.Value, unit: null) is { } problem)
                return Refusal.Of(Refusals.IndicatorTargetValue, ("code", target.Code), ("year", target.Year), ("value", target.Value), ("problem", problem.Text));
        }
        if (Targets.GroupBy(t => (t.Code, t.Year)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Of(Refusals.IndicatorTargetTwice, ("code", twice.Key.Code), ("year", twice.Key.Year));

        foreach (var m in Measurements)
        {
            if (string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Unit) || string.IsNullOrWhiteSpace(m.Period) || string.IsNullOrWhiteSpace(m.Source))
                return Refusal.Of(Refusals.IndicatorMeasurementIncomplete);
            if (Indicators.ValueProblem(m.Code, m.Value, m.Unit) is { } problem)
                return Refusal.Of(Refusals.IndicatorMeasurementValue, ("code", m.Code), ("period", m.Period), ("value", m.Value), ("unit", m.Unit), ("problem", problem.Text));
        }
        if (Measurements.GroupBy(m => (m.Code, m.Period, m.Source)).FirstOrDefault(g => g.Count() > 1) is { } again)
            return Refusal.Of(Refusals.IndicatorMeasuredTwice, ("code", again.Key.Code), ("period", again.Key.Period), ("source", again.Key.Source));
        if (Measurements.GroupBy(m => m.Code).FirstOrDefault(g => g.Select(m => m.Unit).Distinct().Count() > 1) is { } mixed)
            return Refusal.Of(Refusals.IndicatorMixedUnits, ("code", mixed.Key));
        return null;
    }
}
