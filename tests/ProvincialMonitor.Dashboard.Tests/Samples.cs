using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Indicators as the projector would send them, with round numbers a reader can check by hand.</summary>
internal static class Samples
{
    public static readonly string[] Provinces = ["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"];

    public static ScopeIndicators Scope(
        string slug, decimal granted, long position = 10, long inhabitants = 1_000_000, int municipalities = 50,
        IReadOnlyList<MeasuredIndicator>? measured = null, IReadOnlyList<MonthFigures>? monthly = null)
    {
        var scope = slug == "flanders" ? "flanders" : "province:" + slug;
        var name = slug switch
        {
            "flanders" => "Vlaanderen",
            "antwerpen" => "Antwerpen",
            "limburg" => "Limburg",
            "oost-vlaanderen" => "Oost-Vlaanderen",
            "vlaams-brabant" => "Vlaams-Brabant",
            _ => "West-Vlaanderen",
        };
        var measures = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["granted"] = granted,
            ["paid"] = Math.Max(0, granted - 1_000m),
            ["projects"] = 4,
            ["projects.status.running"] = 3,
        };
        return new ScopeIndicators(scope, name, position, new Denominators(inhabitants, 2025, municipalities, "2025"), measures,
            measured ?? [], monthly ?? [new MonthFigures("2026-10", granted, 0, 1)], new DateTimeOffset(2026, 11, 28, 19, 15, 3, TimeSpan.Zero), 2);
    }

    /// <summary>The five provinces (granted 1, 2, 3, 4 and 5 million) and Flanders (their sum).</summary>
    public static List<ScopeIndicators> Comparison(long position = 10) =>
        [.. Provinces.Select((p, i) => Scope(p, (i + 1) * 1_000_000m, position)), Scope("flanders", 15_000_000m, position, 5_000_000, 250)];
}
