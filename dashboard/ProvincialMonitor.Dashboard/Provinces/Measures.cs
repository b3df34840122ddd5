using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Provinces;

/// <summary>A measure the comparison offers, with its Dutch name and whether it is an amount of money.</summary>
public sealed record MeasureOption(string Code, string Label, bool IsMoney);

/// <summary>How a measure is compared: absolute, per inhabitant or per municipality.</summary>
public sealed record PerOption(string Code, string Label);

/// <summary>One bar of the comparison chart and one line of the ranking; Vlaanderen is the total (<see cref="IsTotal"/>), never ranked.</summary>
public sealed record ComparedScope(string Scope, string Name, decimal Absolute, decimal? Value, int? Rank, Denominators? Denominators)
{
    public bool IsTotal => Scope == MeasureCatalog.Flanders;
}

public static class Measures
{
    public const string Flanders = MeasureCatalog.Flanders;

    /// <summary>The figures the comparison offers, with their labels and units from the measure catalog.</summary>
    public static readonly IReadOnlyList<MeasureOption> Options =
        [.. MeasureCatalog.Compared.Select(code => new MeasureOption(code, MeasureCatalog.LabelOf(code), MeasureCatalog.Find(code)!.Unit == MeasureUnit.Money))];

    public static readonly IReadOnlyList<PerOption> Pers = [.. MeasureCatalog.Pers.Select(p => new PerOption(p.Code, p.Label))];

    public static MeasureOption Option(string code) => Options.FirstOrDefault(o => o.Code == code) ?? Options[0];

    /// <summary>
    /// The provinces and Vlaanderen (the total, not ranked) on one measure, in the order given, the provinces ranked
    /// highest first (<see cref="Comparing.Ranks"/>); the same arithmetic as the comparison route, done here so that
    /// every live update redraws without another read.
    /// </summary>
    public static IReadOnlyList<ComparedScope> Compare(IEnumerable<ScopeIndicators> scopes, string measure, string per)
    {
        var rows = scopes.Select(s =>
        {
            var value = Comparing.Value(measure, per, s.Measures, s.Denominators);
            var absolute = Comparing.Divides(measure) ? s.Measures.GetValueOrDefault(measure) : value ?? 0m;
            return new ComparedScope(s.Scope, s.Name, absolute, value, null, s.Denominators);
        }).ToList();
        var provinces = rows.Where(r => !r.IsTotal).ToList();
        var ranks = Comparing.Ranks(measure, [.. provinces.Select(r => r.Value)]);
        var rankOf = provinces.Select((r, i) => (r.Scope, Rank: ranks[i])).ToDictionary(x => x.Scope, x => x.Rank, StringComparer.Ordinal);
        return [.. rows.Select(r => r with { Rank = rankOf.GetValueOrDefault(r.Scope) })];
    }

    /// <summary>Whether the provinces' values are all 0: then the ranking says <see cref="Comparing.NoRanking"/>.</summary>
    public static bool AllZero(IReadOnlyList<ComparedScope> rows) => Comparing.AllZero([.. rows.Where(r => !r.IsTotal).Select(r => r.Value)]);

    /// <summary>A value of the measure as shown: money with two decimals, counts without, ratios with up to two.</summary>
    public static string Format(MeasureOption measure, decimal value) =>
        measure.IsMoney ? NlBe.Money(value) : NlBe.Number(value);

    /// <summary>Provinces first in their usual order, Flanders last.</summary>
    public static IReadOnlyList<ScopeIndicators> Ordered(IEnumerable<ScopeIndicators> scopes) =>
        scopes.OrderBy(s => s.Scope == Flanders ? 1 : 0).ThenBy(s => s.Scope, StringComparer.Ordinal).ToList();
}
