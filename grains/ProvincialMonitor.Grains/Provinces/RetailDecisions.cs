using System.Globalization;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Grains.Provinces;

/// <summary>
/// The decree's rules that depend on the record's date or on who decides (reference data: <see cref="RetailRules"/>):
/// the category list and the application kinds in force on the effective date, and the deputation's competence.
/// </summary>
internal static class RetailDecisions
{
    /// <summary>A kind the decree did not yet know, or a category outside the list in force on the day, refused by its field.</summary>
    public static Refusal? RefuseOnDay(string? kind, RetailCategoryArea[]? categories, DateOnly day)
    {
        if (RetailRules.Kind(kind) is { } known && !known.ValidOn(day))
            return Refusal.Invalid("applicationKind", Refusals.RetailKindNotYet, ("kind", known.NameNl), ("from", known.ValidFrom), ("date", day));
        var list = RetailRules.CategoriesOn(day);
        for (var i = 0; i < (categories?.Length ?? 0); i++)
        {
            var code = categories![i]?.Category;
            if (code is null || list.Any(c => c.Code == code)) continue;
            return Refusal.Invalid($"categories[{i}].category", Refusals.RetailCategoryNotInList,
                ("category", RetailRules.CategoryName(code)), ("date", day), ("list", string.Join("; ", list.Select(c => c.NameNl))));
        }
        return null;
    }

    /// <summary>The deputation decides in first instance only above the threshold outside the centre cities; otherwise refused with the reason.</summary>
    public static Refusal? RefuseFirstInstance(string permitRef, string nisCode, decimal netArea)
    {
        if (RetailRules.FirstInstance(nisCode, netArea) == RetailRules.Deputation) return null;
        return RetailRules.CentreCities.Contains(nisCode)
            ? Refusal.Of(Refusals.RetailPermitCentreCity, ("permitRef", permitRef), ("name", ReferenceData.FindMunicipality(nisCode)?.NameNl ?? nisCode))
            : Refusal.Of(Refusals.RetailPermitBelowThreshold, ("permitRef", permitRef), ("area", Number(netArea)), ("threshold", Number(RetailRules.DeputationAboveM2)));
    }

    /// <summary>
    /// The province hears appeals against its municipalities' decisions only: an application the deputation decided (or had
    /// to decide) in first instance goes to the Flemish government.
    /// </summary>
    public static Refusal? RefuseAppeal(ProvinceState state, string nisCode, string? permitRef, decimal? netArea)
    {
        if (permitRef is not null && state.PermitDecisionsMade().Exists(d => d.PermitRef == permitRef))
            return Refusal.Of(Refusals.RetailAppealAgainstDeputation, ("permitRef", permitRef));
        if (netArea is { } area && RetailRules.FirstInstance(nisCode, area) == RetailRules.Deputation)
            return Refusal.Of(Refusals.RetailAppealDeputationCompetent, ("area", Number(area)),
                ("name", ReferenceData.FindMunicipality(nisCode)?.NameNl ?? nisCode), ("threshold", Number(RetailRules.DeputationAboveM2)));
        return null;
    }

    /// <summary>After a correction: the categories of a record still known, positive and adding up to its net area.</summary>
    public static Refusal? RefuseAreas(string permitRef, decimal netArea, RetailCategoryArea[]? categories)
    {
        if (categories is null) return null;
        var sound = categories.All(c => c?.Category is { } code && RetailRules.AllCategoryCodes.Contains(code) && c.AreaM2 > 0)
            && categories.Select(c => c!.Category).Distinct(StringComparer.Ordinal).Count() == categories.Length;
        if (sound && categories.Sum(c => c!.AreaM2!.Value) == netArea) return null;
        return Refusal.Of(Refusals.RetailCategoriesWouldNotAddUp, ("permitRef", permitRef), ("area", Number(netArea)));
    }

    /// <summary>The goods category an advice with categories stores: the code of its largest category (the first of equals).</summary>
    public static string MainCategory(RetailCategoryArea[] categories) =>
        categories.OrderByDescending(c => c.AreaM2).First().Category!;

    public static RetailCategoryArea[]? Clean(RetailCategoryArea[]? categories) =>
        categories is null or { Length: 0 } ? null : [.. categories.Select(c => new RetailCategoryArea(c.Category, c.AreaM2))];

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
