using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Provinces;

/// <summary>Granted and paid under one key (a domain or a funder), with its Dutch name.</summary>
public sealed record MoneyRow(string Code, string Name, decimal Granted, decimal Paid, decimal Projects);

/// <summary>A count under one key (a status or an output metric), with its Dutch name.</summary>
public sealed record CountRow(string Code, string Name, decimal Value);

/// <summary>The breakdowns of one province's measures (docs/http-api.md "Indicators and live updates"), in Dutch.</summary>
public static class ProvinceFigures
{
    /// <summary>The funders of money that others put into a province's projects (a grant of the province or the pom: another province's).</summary>
    public static readonly IReadOnlyDictionary<string, string> CofunderNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["flanders"] = "Vlaamse overheid",
        ["eu"] = "Europese Unie",
        ["province"] = "Andere provincie",
        ["pom"] = "POM van een andere provincie",
    };

    public static string Slug(string scope) => scope.StartsWith("province:", StringComparison.Ordinal) ? scope["province:".Length..] : scope;

    public static string DomainName(string code) => DutchLabels.Domains.Of(code);

    public static string StatusName(string code) => DutchLabels.Statuses.Of(code);

    public static string IndicatorName(string code) => DutchLabels.Indicators.Of(code);

    /// <summary>The seven domains in their usual order, then any other domain the measures carry.</summary>
    public static IReadOnlyList<MoneyRow> ByDomain(ScopeIndicators scope) =>
        Keys(scope, PolicyDomains.DutchNames.Keys, "granted.domain.", "paid.domain.", "projects.domain.")
            .Select(code => new MoneyRow(code, DomainName(code), Get(scope, "granted.domain." + code), Get(scope, "paid.domain." + code),
                Get(scope, "projects.domain." + code)))
            .ToList();

    /// <summary>The province's (Vlaanderen: the provinces') own money by funder: the province and the POM.</summary>
    public static IReadOnlyList<MoneyRow> ByFunder(ScopeIndicators scope) =>
        Keys(scope, DutchLabels.Funders.Codes.Where(Funders.NamesAProvince), "granted.funder.", "paid.funder.")
            .Select(code => new MoneyRow(code, DutchLabels.Funders.Of(code), Get(scope, "granted.funder." + code),
                Get(scope, "paid.funder." + code), 0m))
            .ToList();

    /// <summary>
    /// What others put into the projects the province leads, by funder (Vlaanderen: the Flemish government and the EU);
    /// only the funders with money.
    /// </summary>
    public static IReadOnlyList<MoneyRow> Cofunded(ScopeIndicators scope) =>
        Keys(scope, CofunderNames.Keys, "cofunded.granted.", "cofunded.paid.")
            .Select(code => new MoneyRow(code, CofunderNames.GetValueOrDefault(code) ?? code, Get(scope, "cofunded.granted." + code),
                Get(scope, "cofunded.paid." + code), 0m))
            .Where(row => row.Granted != 0 || row.Paid != 0)
            .ToList();

    public static IReadOnlyList<CountRow> ByStatus(ScopeIndicators scope) =>
        Keys(scope, ProjectStatuses.All, "projects.status.")
            .Select(code => new CountRow(code, StatusName(code), Get(scope, "projects.status." + code)))
            .ToList();

    public static IReadOnlyList<CountRow> Outputs(ScopeIndicators scope) =>
        Keys(scope, OutputMetrics.All, "outputs.")
            .Select(code => new CountRow(code, DutchLabels.OutputMetrics.Of(code), Get(scope, "outputs." + code)))
            .ToList();

    /// <summary>A measured value in its unit: a percentage, an amount or a number.</summary>
    public static string FormatValue(decimal value, string? unit) => unit switch
    {
        IndicatorUnits.Percent => NlBe.Percent(value),
        IndicatorUnits.Euro => NlBe.Money(value),
        _ => NlBe.Number(value),
    };

    /// <summary>Whether the newest value reaches the newest target; null when either is missing.</summary>
    public static bool? Reached(MeasuredIndicator indicator) =>
        indicator is { Value: { } value, Target: { } target } ? value >= target : null;

    private static decimal Get(ScopeIndicators scope, string code) => scope.Measures.GetValueOrDefault(code);

    private static IEnumerable<string> Keys(ScopeIndicators scope, IEnumerable<string> known, params string[] prefixes)
    {
        var knownList = known.ToList();
        var others = scope.Measures.Keys
            .SelectMany(k => prefixes.Where(p => k.StartsWith(p, StringComparison.Ordinal)).Select(p => k[p.Length..]))
            .Where(k => k.Length > 0 && !k.Contains('.', StringComparison.Ordinal) && !knownList.Contains(k))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return knownList.Concat(others);
    }
}
