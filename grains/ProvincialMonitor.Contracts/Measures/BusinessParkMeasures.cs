using ProvincialMonitor.Contracts.Events;

namespace ProvincialMonitor.Contracts.Measures;

/// <summary>
/// The business park figures (the last section of <see cref="MeasureCatalog.All"/>), in hectares, live on today in Brussels:
/// each park counts in its own scope, its municipality, its province and Vlaanderen (docs/domain.md "Business parks").
/// </summary>
public static class BusinessParkMeasures
{
    public const string Net = "parks.net-hectares";
    public const string IssuedThisYear = "parks.issued-this-year";
    public const string Available = "parks.available";
    public const string Activated = "parks.activated";
    public const string IssuedLastYears = "parks.issued-last-years";
    public const string SupplyYears = "parks.supply-years";

    /// <summary>N: the years of issue whose pace the years of supply assume.</summary>
    public const int PaceYears = 5;

    public static readonly IReadOnlyList<Type> Amendments = [typeof(BusinessParkCorrected), typeof(BusinessParkRetracted)];

    private const string Where = "by the park's municipality (a park lies in one), its province and Vlaanderen";

    private const string OnMap = "the parks registered in the municipality, their hectares summed";

    /// <summary>The figures, in the order the pages show them.</summary>
    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        Of(Net, "Netto oppervlakte bedrijventerreinen", [typeof(BusinessParkRegistered)],
            "the net hectares of every registered park") with { Municipality = OnMap },
        Of(IssuedThisYear, "Uitgegeven dit jaar", [typeof(PlotIssued)],
            "the hectares of the plots issued in today's calendar year (the plot's effective date)") with { Municipality = OnMap },
        Of(Available, "Beschikbaar", [typeof(BusinessParkRegistered), typeof(PlotIssued)],
            "net hectares minus the hectares of every plot issued, per park") with { Municipality = OnMap },
        Of(Activated, "Geactiveerd (bouwrijp)", [typeof(BusinessParkRegistered), typeof(BusinessParkPhaseChanged)],
            "the net hectares of the parks whose newest phase is ready or fully issued") with { Municipality = OnMap },
        Of(IssuedLastYears, $"Uitgegeven, laatste {PaceYears} jaar", [typeof(PlotIssued)],
            $"the hectares of the plots issued in the last {PaceYears} years: effective date after today minus {PaceYears} years, up to today")
            with { Municipality = OnMap },
        Of(SupplyYears, "Jaren voorraad", [typeof(BusinessParkRegistered), typeof(PlotIssued)],
            $"available hectares at the pace of issue of the last {PaceYears} years") with
        {
            Numerator = $"{Available}: the scope's available hectares",
            Denominator = $"{IssuedLastYears} / {PaceYears}: the hectares issued per year over the last {PaceYears} years; "
                + "none issued: not computable (null), so not on the map",
        },
    ];

    private static MeasureDefinition Of(string code, string label, Type[] events, string filter) =>
        new(code, label, MeasureUnit.Value, events, [], Amendments, MeasureAttribution.Park, $"{filter}; {Where}", PolicyDomains.SpatialEconomy);
}
