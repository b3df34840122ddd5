using System.Globalization;

namespace ProvincialMonitor.Contracts.Reference;

/// <summary>A category of retail activity of one list (decree of 15 July 2016, art. 3), valid from and until a day (either open).</summary>
public sealed record RetailCategory(string List, DateOnly? ValidFrom, DateOnly? ValidUntil, string Code, string NameNl)
{
    public bool ValidOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidUntil is null || day <= ValidUntil);
}

/// <summary>What an application for a retail permit asks (art. 11 of the decree), from the day the decree requires a permit for it.</summary>
public sealed record RetailApplicationKind(string Code, DateOnly? ValidFrom, string Article, string NameNl)
{
    public bool ValidOn(DateOnly day) => ValidFrom is null || day >= ValidFrom;
}

/// <summary>
/// The rules of the decree on integral commercial establishment policy as reference data, shipped with the product
/// (retail-categories.csv, retail-application-kinds.csv, retail-competence.csv; semicolon-separated, since the Dutch
/// names hold commas): the category lists with their dates, the kinds of application, and who decides in first instance.
/// </summary>
public static class RetailRules
{
    public const string Municipality = "municipality";
    public const string Deputation = "deputation";

    public static IReadOnlyList<RetailCategory> Categories { get; } = Read("retail-categories.csv",
        f => new RetailCategory(f["list"], Day(f["valid_from"]), Day(f["valid_until"]), f["code"], f["name_nl"]));

    public static IReadOnlyList<RetailApplicationKind> Kinds { get; } = Read("retail-application-kinds.csv",
        f => new RetailApplicationKind(f["code"], Day(f["valid_from"]), f["article"], f["name_nl"]));

    private static readonly IReadOnlyList<(string Rule, string Value, string NameNl)> Competence = Read("retail-competence.csv",
        f => (f["rule"], f["value"], f["name_nl"]));

    /// <summary>Above this net retail area (m²) the deputation decides in first instance, outside the centre cities.</summary>
    public static decimal DeputationAboveM2 { get; } =
        decimal.Parse(Competence.Single(r => r.Rule == "deputation-above-m2").Value, CultureInfo.InvariantCulture);

    /// <summary>The thirteen centre cities by 2025 NIS code, where the municipality decides whatever the area.</summary>
    public static IReadOnlySet<string> CentreCities { get; } = Competence.Where(r => r.Rule == "centre-city").Select(r => r.Value).ToHashSet();

    /// <summary>The category list in force on a day.</summary>
    public static IReadOnlyList<RetailCategory> CategoriesOn(DateOnly day) => [.. Categories.Where(c => c.ValidOn(day))];

    public static IEnumerable<string> AllCategoryCodes => Categories.Select(c => c.Code).Distinct(StringComparer.Ordinal);

    /// <summary>The Dutch name of a category code (its newest list's), the code itself when unknown.</summary>
    public static string CategoryName(string? code) => Categories.LastOrDefault(c => c.Code == code)?.NameNl ?? code ?? "–";

    public static RetailApplicationKind? Kind(string? code) => Kinds.FirstOrDefault(k => k.Code == code);

    /// <summary>Who decides an application in first instance: the deputation above the threshold outside the centre cities, else the municipality.</summary>
    public static string FirstInstance(string nisCode, decimal netRetailAreaM2) =>
        netRetailAreaM2 > DeputationAboveM2 && !CentreCities.Contains(nisCode) ? Deputation : Municipality;

    private static DateOnly? Day(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<T> Read<T>(string file, Func<IReadOnlyDictionary<string, string>, T> map)
    {
        var lines = ReferenceData.ReadText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(';');
        return [.. lines.Skip(1).Select(line => line.Split(';'))
            .Select(cells => map(header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : "")).ToDictionary(c => c.name, c => c.value)))];
    }
}
