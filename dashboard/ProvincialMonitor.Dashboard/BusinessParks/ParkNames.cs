using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.BusinessParks;

/// <summary>How the business park pages write their codes and figures in Dutch.</summary>
public static class ParkNames
{
    public static string Kind(string code) => DutchLabels.ParkKinds.Of(code);

    public static string Phase(string code) => DutchLabels.ParkPhases.Of(code);

    public static string Municipality(string nis) => ReferenceData.FindMunicipality(nis)?.NameNl ?? nis;

    public static string Hectares(decimal hectares) => NlBe.Number(hectares) + "\u00A0ha";

    /// <summary>Years of supply: one decimal, or "niet berekenbaar" when nothing was issued in the pace years.</summary>
    public static string Years(decimal? years) => years is { } y ? y.ToString("0.0", NlBe.Culture) + "\u00A0jaar" : "niet berekenbaar";

    public static string Label(string measure) => MeasureCatalog.LabelOf(measure);

    public static IReadOnlyList<KeyValuePair<string, string>> Kinds => DutchLabels.ParkKinds.Options;

    public static IReadOnlyList<KeyValuePair<string, string>> Phases => DutchLabels.ParkPhases.Options;
}
