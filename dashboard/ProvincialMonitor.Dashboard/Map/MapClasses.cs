using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Map;

/// <summary>One colour class of the map: values above <see cref="Lower"/> up to and including <see cref="Upper"/>.</summary>
public sealed record MapClass(string CssClass, decimal Lower, decimal Upper, string Range);

/// <summary>
/// The map's colour classes: equal widths with a round step (1, 2, 2,5 or 5 times a power of ten, whole for counts),
/// at most five, from 0 to the largest value. A value of 0 or less, or none, has no class (<see cref="None"/>). Only a
/// new maximum across a step moves the bounds, so a live update recolours the shape that changed and seldom others.
/// </summary>
public static class MapClasses
{
    public const string None = "pm-map-none";

    public const int Most = 5;

    public const string Method = "Klassen van gelijke breedte met afgeronde grenzen, van 0 tot de hoogste waarde.";

    public static IReadOnlyList<MapClass> For(IEnumerable<decimal?> values, MeasureUnit unit)
    {
        var positive = values.OfType<decimal>().Where(v => v > 0).ToList();
        if (positive.Count == 0) return [];
        var whole = unit == MeasureUnit.Count && positive.All(v => v == decimal.Truncate(v));
        var step = Step(positive.Max(), whole);
        var count = (int)Math.Ceiling(positive.Max() / step);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            decimal lower = i * step, upper = (i + 1) * step;
            var palette = count == 1 ? Most - 1 : (int)Math.Round(i * (Most - 1) / (double)(count - 1), MidpointRounding.AwayFromZero);
            return new MapClass($"pm-map-c{palette}", lower, upper, Range(lower, upper, unit, whole));
        })];
    }

    /// <summary>The CSS class of a value: its class's, or <see cref="None"/> for no value or one of 0 or less.</summary>
    public static string Of(decimal? value, IReadOnlyList<MapClass> classes) =>
        value is > 0m && classes.FirstOrDefault(c => value <= c.Upper) is { } found ? found.CssClass : None;

    /// <summary>A value as the tooltip, the names and the table show it.</summary>
    public static string Format(decimal? value, MeasureUnit unit) => value switch
    {
        null => "geen waarde",
        { } v when unit == MeasureUnit.Money => NlBe.Money(v),
        { } v => NlBe.Number(v),
    };

    /// <summary>The unit as the legend and the table's heading name it; empty where the measure has none of its own.</summary>
    public static string UnitName(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Money => "in euro",
        MeasureUnit.Count => "aantal",
        _ => "",
    };

    /// <summary>The smallest round step with which five classes reach the maximum.</summary>
    public static decimal Step(decimal max, bool whole)
    {
        var raw = max / Most;
        var power = 1m;
        while (power * 10 <= raw) power *= 10;
        while (power > raw && power > 0.0001m) power /= 10;
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m, 20m })
        {
            var step = factor * power;
            if (step >= raw && (!whole || step == decimal.Truncate(step)) && step > 0) return whole ? Math.Max(1m, step) : step;
        }
        return whole ? Math.Max(1m, decimal.Ceiling(raw)) : raw;
    }

    private static string Range(decimal lower, decimal upper, MeasureUnit unit, bool whole)
    {
        if (whole)
            return lower + 1 == upper ? NlBe.Number(upper) : $"{NlBe.Number(lower + 1)} tot en met {NlBe.Number(upper)}";
        return $"meer dan {Bound(lower, unit)} tot en met {Bound(upper, unit)}";
    }

    private static string Bound(decimal bound, MeasureUnit unit) =>
        unit == MeasureUnit.Money ? "€\u00A0" + NlBe.Number(bound) : NlBe.Number(bound);
}
