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
            ? Refusal.Conflict($"A target for {code} in {year} is set already; correct it instead.")
            : null;

    public Refusal? RefuseMeasurement(string code, string unit, string period, string source)
    {
        if (Measurements.Exists(m => m.Code == code && m.Period == period && m.Source == source))
            return Refusal.Conflict($"{code} for {period} from {source} is measured already; correct it instead.");
        if (Measurements.Find(m => m.Code == code) is { } earlier && earlier.Unit != unit)
            return Refusal.Conflict($"{code} is measured in {earlier.Unit}, not in {unit}.");
        return null;
    }

    /// <summary>What must hold after every event; a correction may have changed any field.</summary>
    public Refusal? Invariants()
    {
        foreach (var target in Targets)
        {
            if (string.IsNullOrWhiteSpace(target.Code)) return Refusal.Conflict("A target would have no indicator code.");
            if (target.Year is < 1990 or > 2100) return Refusal.Conflict($"The target for {target.Code} would be for the year {target.Year}.");
            if (Indicators.ValueProblem(target.Code, target.Value, unit: null) is { } problem)
                return Refusal.Conflict($"The target for {target.Code} in {target.Year} would be {target.Value}: {problem}.");
        }
        if (Targets.GroupBy(t => (t.Code, t.Year)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refusal.Conflict($"There would be two targets for {twice.Key.Code} in {twice.Key.Year}.");

        foreach (var m in Measurements)
        {
            if (string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Unit) || string.IsNullOrWhiteSpace(m.Period) || string.IsNullOrWhiteSpace(m.Source))
                return Refusal.Conflict("A measurement would lack its indicator code, unit, period or source.");
            if (Indicators.ValueProblem(m.Code, m.Value, m.Unit) is { } problem)
                return Refusal.Conflict($"{m.Code} for {m.Period} would be {m.Value} {m.Unit}: {problem}.");
        }
        if (Measurements.GroupBy(m => (m.Code, m.Period, m.Source)).FirstOrDefault(g => g.Count() > 1) is { } again)
            return Refusal.Conflict($"{again.Key.Code} for {again.Key.Period} from {again.Key.Source} would be measured twice.");
        if (Measurements.GroupBy(m => m.Code).FirstOrDefault(g => g.Select(m => m.Unit).Distinct().Count() > 1) is { } mixed)
            return Refusal.Conflict($"{mixed.Key} would be measured in more than one unit.");
        return null;
    }
}
