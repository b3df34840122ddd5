using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Provinces;

/// <summary>A measure the comparison offers, with its Dutch name and whether it is an amount of money.</summary>
public sealed record MeasureOption(string Code, string Label, bool IsMoney);

/// <summary>How a measure is compared: absolute, per 100,000 inhabitants or per municipality.</summary>
public sealed record PerOption(string Code, string Label);

/// <summary>One bar of the comparison chart and one line of the ranking.</summary>
public sealed record ComparedScope(string Scope, string Name, decimal Absolute, decimal? Value, int? Rank, Denominators? Denominators);

public static class Measures
{
    public const string Flanders = MeasureCatalog.Flanders;

    /// <summary>The figures the comparison offers, with their labels and units from the measure catalog.</summary>
    public static readonly IReadOnlyList<MeasureOption> Options =
        [.. MeasureCatalog.Compared.Select(code => new MeasureOption(code, MeasureCatalog.LabelOf(code), MeasureCatalog.Find(code)!.Unit == MeasureUnit.Money))];

    public static readonly IReadOnlyList<PerOption> Pers = [.. MeasureCatalog.Pers.Select(p => new PerOption(p.Code, p.Label))];

    public static MeasureOption Option(string code) => Options.FirstOrDefault(o => o.Code == code) ?? Options[0];

    /// <summary>
    /// The provinces on one measure, in the order given, ranked highest first; the same arithmetic as the
    /// comparison route, done here so that every live update redraws without another read.
    /// </summary>
    public static IReadOnlyList<ComparedScope> Compare(IEnumerable<ScopeIndicators> scopes, string measure, string per)
    {
        var rows = scopes.Where(s => s.Scope != Flanders).Select(s =>
        {
            var absolute = s.Measures.GetValueOrDefault(measure);
            var value = MeasureCatalog.Divide(per, absolute, s.Denominators);
            return new ComparedScope(s.Scope, s.Name, absolute, value, null, s.Denominators);
        }).ToList();
        var ranked = rows.Where(r => r.Value is not null).OrderByDescending(r => r.Value).Select(r => r.Scope).ToList();
        return rows.Select(r => r.Value is null ? r : r with { Rank = ranked.IndexOf(r.Scope) + 1 }).ToList();
    }

    /// <summary>A value of the measure as shown: money with two decimals, counts without, ratios with up to two.</summary>
    public static string Format(MeasureOption measure, decimal value) =>
        measure.IsMoney ? NlBe.Money(value) : NlBe.Number(value);

    /// <summary>Provinces first in their usual order, Flanders last.</summary>
    public static IReadOnlyList<ScopeIndicators> Ordered(IEnumerable<ScopeIndicators> scopes) =>
        scopes.OrderBy(s => s.Scope == Flanders ? 1 : 0).ThenBy(s => s.Scope, StringComparer.Ordinal).ToList();
}
