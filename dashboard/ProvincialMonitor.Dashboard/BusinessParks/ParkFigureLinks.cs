using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.BusinessParks;

/// <summary>A park figure as shown and the events behind it: the figure's event types, of one park's stream or of a province.</summary>
public static class ParkFigureLinks
{
    /// <summary>One figure of a scope in its unit: hectares, or years of supply ("niet berekenbaar" without issue).</summary>
    public static string Text(BusinessParkFigureSet figures, string measure)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return measure switch
        {
            BusinessParkMeasures.Net => ParkNames.Hectares(figures.NetHectares),
            BusinessParkMeasures.IssuedThisYear => ParkNames.Hectares(figures.IssuedThisYear),
            BusinessParkMeasures.Available => ParkNames.Hectares(figures.Available),
            BusinessParkMeasures.Activated => ParkNames.Hectares(figures.Activated),
            BusinessParkMeasures.IssuedLastYears => ParkNames.Hectares(figures.IssuedLastYears),
            BusinessParkMeasures.SupplyYears => ParkNames.Years(figures.SupplyYears),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a business park figure."),
        };
    }

    /// <summary>The events of one park that make the figure.</summary>
    public static EventFilter OfPark(string slug, string measure) => new(Stream: StreamIds.BusinessPark(slug), Types: TypesOf(measure));

    /// <summary>The events of a province's parks that make the figure (the park events carry their province).</summary>
    public static EventFilter OfProvince(string province, string measure) => new(Province: province, Types: TypesOf(measure));

    /// <summary>The figure's name in lower case, for a link's accessible name ("beschikbaar in Genk-Zuid").</summary>
    public static string What(string measure, string where) => $"{ParkNames.Label(measure).ToLower(NlBe.Culture)} in {where}";

    private static IReadOnlyList<string> TypesOf(string measure) => MeasureCatalog.Find(measure)!.DrilldownTypes;
}
