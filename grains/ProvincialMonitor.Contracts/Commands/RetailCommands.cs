using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// The deputation's own decision in first instance on a retail permit (above the threshold, outside the centre cities):
/// the application's kind, net area and its categories, and the decision.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DecideRetailPermit(
    string? Municipality,
    string? PermitRef,
    string? ApplicationKind,
    [property: Decimals(2)] decimal? NetRetailAreaM2,
    RetailCategoryArea[]? Categories,
    string? Decision) : ProvinceCommand
{
    public override Command Normalized(List<FieldError> notices) =>
        this with { Municipality = MunicipalityCodes.CurrentCode("municipality", Municipality, notices) };

    protected override void ValidateFields(Checks check)
    {
        check.NisCode("municipality", Municipality);
        check.Text("permitRef", PermitRef, max: 60);
        check.RetailKind("applicationKind", ApplicationKind, required: true);
        if (check.Required("netRetailAreaM2", NetRetailAreaM2) && NetRetailAreaM2 <= 0)
            check.Add("netRetailAreaM2", Refusals.FieldNotPositive);
        check.RetailCategories("categories", Categories, NetRetailAreaM2, required: true);
        check.OneOf("decision", Decision, RetailPermitDecisions.All);
        if (Body is not null && Body != Bodies.Deputatie) check.Add("body", Refusals.RetailDecisionNotDeputation);
    }
}

/// <summary>Stateless checks of the decree's fields; which list and kinds are in force on the record's date is the decider's check.</summary>
public static class RetailChecks
{
    public static void RetailKind(this Checks check, string field, string? kind, bool required)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (kind is null)
        {
            if (required) check.Add(field, Refusals.FieldRequired);
            return;
        }
        if (RetailRules.Kind(kind) is null) check.Add(field, Refusals.RetailKindUnknown, ("options", string.Join(", ", RetailRules.Kinds.Select(k => k.Code))));
    }

    /// <summary>Each category known, once, with a positive area in m² (two decimals at most); together the net retail area.</summary>
    public static void RetailCategories(this Checks check, string field, RetailCategoryArea[]? categories, decimal? netArea, bool required)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (categories is null or { Length: 0 })
        {
            if (required) check.Add(field, Refusals.FieldRequired);
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var complete = true;
        for (var i = 0; i < categories.Length; i++)
        {
            var (category, area) = (categories[i]?.Category, categories[i]?.AreaM2);
            if (category is null) { check.Add($"{field}[{i}].category", Refusals.FieldRequired); complete = false; }
            else if (!RetailRules.AllCategoryCodes.Contains(category))
            {
                check.Add($"{field}[{i}].category", Refusals.RetailCategoryUnknown, ("options", string.Join(", ", RetailRules.AllCategoryCodes)));
                complete = false;
            }
            else if (!seen.Add(category)) check.Add($"{field}[{i}].category", Refusals.RetailCategoryTwice);
            if (area is null) { check.Add($"{field}[{i}].areaM2", Refusals.FieldRequired); complete = false; }
            else if (area <= 0) { check.Add($"{field}[{i}].areaM2", Refusals.FieldNotPositive); complete = false; }
            else if (decimal.Round(area.Value, 2) != area) { check.Add($"{field}[{i}].areaM2", Refusals.NumberDecimalsMeasure, ("decimals", 2)); complete = false; }
        }
        if (complete && netArea is > 0 && categories.Sum(c => c!.AreaM2!.Value) is var sum && sum != netArea)
            check.Add(field, Refusals.RetailCategoriesSum, ("sum", sum), ("area", netArea));
    }
}
