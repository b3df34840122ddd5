using System.Globalization;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// The facts of a retail record as its one-line summary states them (<see cref="EventWording"/>): the municipality, the
/// application's kind, the net area and its categories in m², in nl-BE; an older record without them names what it has.
/// </summary>
public static class RetailWording
{
    private static readonly CultureInfo Belgian = CultureInfo.GetCultureInfo("nl-BE");

    public static string Advice(RetailPermitAdviceGiven a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return $"Advies detailhandel: {DutchLabels.RetailAdvices.Of(a.Advice)} ({Facts(a.Municipality, a.ApplicationKind, a.NetRetailAreaM2, a.Categories)})";
    }

    public static string Filed(RetailAppealFiled f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return $"Beroep detailhandel ingediend ({Facts(f.Municipality, f.ApplicationKind, f.NetRetailAreaM2, f.Categories)})";
    }

    public static string Permit(RetailPermitDecided p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return $"Beslissing deputatie kleinhandelsvergunning: {DutchLabels.RetailPermitDecisions.Of(p.Decision)} "
            + $"({Facts(p.Municipality, p.ApplicationKind, p.NetRetailAreaM2, p.Categories)})";
    }

    /// <summary>"Gent, nieuwe vestiging, 1.500 m²: Verkoop van voeding 1.000 m², …".</summary>
    private static string Facts(string? municipality, string? kind, decimal? area, RetailCategoryArea[]? categories)
    {
        var parts = new List<string> { ReferenceData.FindMunicipality(municipality ?? "")?.NameNl ?? municipality ?? "–" };
        if (kind is not null) parts.Add(DutchLabels.RetailApplicationKinds.Of(kind));
        if (area is { } m2) parts.Add(M2(m2));
        var text = string.Join(", ", parts);
        return categories is { Length: > 0 }
            ? $"{text}: {string.Join(", ", categories.Select(c => $"{RetailRules.CategoryName(c.Category)} {M2(c.AreaM2 ?? 0)}"))}"
            : text;
    }

    private static string M2(decimal value) => value.ToString("#,##0.##", Belgian) + " m²";
}
