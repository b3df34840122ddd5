using System.Globalization;
using ProvincialMonitor.Contracts.Measures;

namespace ProvincialMonitor.Contracts.Views;

/// <summary>
/// One domain's credit of a year (or a scope's total, <see cref="Domain"/> null) against what was granted and paid (net of
/// recoveries) in that year, the year's recoveries apart, with the codes of the four figures (their drill-down:
/// <c>GET /api/indicators/explain</c>). A percentage is of the credit, rounded to one decimal; null without a credit.
/// </summary>
public sealed record CreditLine(
    string? Domain, string Label, decimal Credit, decimal Granted, decimal Paid, decimal? GrantedPercent, decimal? PaidPercent,
    string CreditMeasure, string GrantedMeasure, string PaidMeasure, decimal Recovered, string RecoveredMeasure);

/// <summary>A province's or Vlaanderen's credits of one year: the domains with a credit, a grant or a payment, and the total.</summary>
public sealed record CreditScope(string Scope, string Name, IReadOnlyList<CreditLine> Domains, CreditLine Total);

/// <summary>The credits of one year per scope (<c>GET /api/indicators/credits</c>), with how payments are counted.</summary>
public sealed record CreditsView(int Year, IReadOnlyList<CreditScope> Scopes, string Payments);

/// <summary>
/// The credit figures read from a scope's indicators (one place: the measure catalog's <c>budget.{year}.{domain}</c>,
/// <c>granted.year.{year}.{domain}</c>, <c>paid.year.{year}.{domain}</c> and <c>recovered.year.{year}.{domain}</c>, the province's own money).
/// </summary>
public static class CreditFigures
{
    /// <summary>How the figures count payments, as the API and the page say it.</summary>
    public const string Payments = "Betalingen tellen in het jaar van hun eigen datum, ook betalingen op subsidies van vroegere jaren: "
        + "betaald kan daardoor boven 100 % van het krediet van dat jaar uitkomen. Toegekend telt in het jaar van de beslissing.";

    public static string CreditMeasure(int year, string? domain = null) => Code("budget.", year, domain);

    public static string GrantedMeasure(int year, string? domain = null) => Code("granted.year.", year, domain);

    public static string PaidMeasure(int year, string? domain = null) => Code("paid.year.", year, domain);

    public static string RecoveredMeasure(int year, string? domain = null) => Code("recovered.year.", year, domain);

    /// <summary>A scope's credits of <paramref name="year"/>, domains in the catalog's order.</summary>
    public static CreditScope Of(ScopeIndicators scope, int year)
    {
        ArgumentNullException.ThrowIfNull(scope);
        CreditLine Line(string? domain, string label)
        {
            decimal Figure(string code) => scope.Measures.GetValueOrDefault(code);
            var (credit, granted, paid) = (Figure(CreditMeasure(year, domain)), Figure(GrantedMeasure(year, domain)), Figure(PaidMeasure(year, domain)));
            return new CreditLine(domain, label, credit, granted, paid, Percent(granted, credit), Percent(paid, credit),
                CreditMeasure(year, domain), GrantedMeasure(year, domain), PaidMeasure(year, domain),
                Figure(RecoveredMeasure(year, domain)), RecoveredMeasure(year, domain));
        }
        CreditLine[] domains = [.. PolicyDomains.DutchNames.Select(d => Line(d.Key, d.Value)).Where(l => l is not { Credit: 0, Granted: 0, Paid: 0, Recovered: 0 })];
        return new CreditScope(scope.Scope, scope.Name, domains, Line(null, "Totaal"));
    }

    /// <summary>The five provinces, then Vlaanderen (<see cref="MeasureCatalog.Flanders"/>), as the scopes are given.</summary>
    public static CreditsView Of(IEnumerable<ScopeIndicators> scopes, int year) =>
        new(year, [.. scopes.Select(s => Of(s, year))], Payments);

    public static decimal? Percent(decimal part, decimal credit) => credit > 0 ? decimal.Round(part * 100m / credit, 1) : null;

    private static string Code(string prefix, int year, string? domain) =>
        prefix + year.ToString(CultureInfo.InvariantCulture) + (domain is null ? "" : "." + domain);
}
