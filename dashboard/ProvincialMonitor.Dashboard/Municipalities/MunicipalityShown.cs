using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Municipalities;

/// <summary>What a municipality's page shows of its figures, in order, and how a figure reads.</summary>
public static class MunicipalityShown
{
    /// <summary>
    /// The map's measures first (in the map's order), then any other figure counted there (an output's metric), by code;
    /// the retail figures have their own section.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, decimal>> Figures(MunicipalityFigures figures) =>
        figures.Measures.Where(m => MeasureCatalog.CountsPerMunicipality(m.Key) && !m.Key.StartsWith("retail.", StringComparison.Ordinal))
            .OrderBy(m => MapMeasures.Codes.ToList().IndexOf(m.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(m => m.Key, StringComparer.Ordinal);

    /// <summary>A figure's Dutch label; an output by its metric's own ("Ondersteunde bedrijven").</summary>
    public static string Label(string code) =>
        code.StartsWith("outputs.", StringComparison.Ordinal) ? DutchLabels.OutputMetrics.Of(code["outputs.".Length..]) : MeasureCatalog.LabelOf(code);

    /// <summary>A figure in its unit: an amount in euro, a count or a value as a number.</summary>
    public static string Format(string code, decimal value) =>
        MeasureCatalog.Find(code)?.Unit == MeasureUnit.Money ? NlBe.Money(value) : NlBe.Number(value);
}
