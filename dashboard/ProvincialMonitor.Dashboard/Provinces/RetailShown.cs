using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Dashboard.Shared;
using R = ProvincialMonitor.Contracts.Measures.RetailMeasures;

namespace ProvincialMonitor.Dashboard.Provinces;

/// <summary>One row of a retail table: a code's Dutch name and the figures (catalog codes) in its columns.</summary>
public sealed record RetailRow(string Code, string Name, IReadOnlyList<string> Measures);

/// <summary>What the retail section shows of a scope's figures (a province, Vlaanderen or a municipality), from the catalog and the rules.</summary>
public static class RetailShown
{
    /// <summary>The totals, in order.</summary>
    public static readonly IReadOnlyList<string> Totals = [R.Advice, R.AdviceM2, R.Permits, R.PermittedM2, R.Appeals, R.AppealsDecided];

    public static IReadOnlyList<RetailRow> ByAdvice { get; } =
        [.. DutchLabels.RetailAdvices.Options.Select(o => new RetailRow(o.Key, o.Value, [R.Of(R.Advice, o.Key)]))];

    public static IReadOnlyList<RetailRow> ByKind { get; } =
        [.. DutchLabels.RetailApplicationKinds.Options.Select(o => new RetailRow(o.Key, o.Value, [R.Of(R.AdviceByKind, o.Key), R.Of(R.PermitsByKind, o.Key)]))];

    /// <summary>Every category of any list (the four of before 4 March 2024 and the six since), advice counted, m² advised and permitted.</summary>
    public static IReadOnlyList<RetailRow> ByCategory { get; } =
        [.. DutchLabels.RetailCategories.Options.Select(o => new RetailRow(o.Key, o.Value, [R.Of(R.AdviceByCategory, o.Key), R.Of(R.AdviceM2, o.Key), R.Of(R.PermittedM2, o.Key)]))];

    public static IReadOnlyList<RetailRow> ByDecision { get; } =
        [.. DutchLabels.RetailPermitDecisions.Options.Select(o => new RetailRow(o.Key, o.Value, [R.Of(R.Permits, o.Key)]))];

    /// <summary>The outcomes of the procedure, then any other outcome an older record holds (read as its code).</summary>
    public static IReadOnlyList<RetailRow> ByOutcome(IReadOnlyDictionary<string, decimal> measures)
    {
        var prefix = R.Appeals + ".";
        var known = DutchLabels.AppealOutcomes.Codes.ToList();
        var older = measures.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..])
            .Where(o => !known.Contains(o)).Order(StringComparer.Ordinal);
        return [.. known.Concat(older).Select(o => new RetailRow(o, DutchLabels.AppealOutcomes.Of(o), [R.Of(R.Appeals, o)]))];
    }

    /// <summary>A figure as shown: a count, or an area in m².</summary>
    public static string Format(string code, decimal value) =>
        MeasureCatalog.Find(code)?.Unit == MeasureUnit.Value ? $"{NlBe.Number(value)}\u00A0m²" : NlBe.Number(value);

    public static string Label(string code) => MeasureCatalog.LabelOf(code);

    /// <summary>Whether the scope has any retail record.</summary>
    public static bool Any(IReadOnlyDictionary<string, decimal> measures) =>
        measures.Any(m => m.Key.StartsWith("retail.", StringComparison.Ordinal) && m.Value != 0);

    /// <summary>The categories with an area, for the chart: m² advised and permitted.</summary>
    public static IReadOnlyList<RetailArea> Areas(IReadOnlyDictionary<string, decimal> measures) =>
        [.. ByCategory.Select(r => new RetailArea(r.Name, measures.GetValueOrDefault(r.Measures[1]), measures.GetValueOrDefault(r.Measures[2])))
            .Where(a => a.Advised != 0 || a.Permitted != 0)];

    /// <summary>The competence threshold and the centre cities, as the rules hold them (for the section's note).</summary>
    public static string Competence =>
        $"De deputatie beslist zelf in eerste aanleg boven {NlBe.Number(RetailRules.DeputationAboveM2)}\u00A0m² netto buiten de {RetailRules.CentreCities.Count} centrumsteden; "
        + "anders beslist de gemeente en behandelt de deputatie het beroep.";
}

/// <summary>One category's m² advised and permitted, a bar of the chart.</summary>
public sealed record RetailArea(string Name, decimal Advised, decimal Permitted);
