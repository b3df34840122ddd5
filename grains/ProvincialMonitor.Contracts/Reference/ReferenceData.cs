using System.Globalization;

namespace ProvincialMonitor.Contracts.Reference;

public sealed record ProvinceFacts(
    string Slug, string NisCode, string IsoCode, string NameNl, string Pom,
    int Population2024, int Municipalities2019To2024, int MunicipalitiesFrom2025);

public sealed record Municipality(
    string NisCode, string NameNl, string NameFr, string ArrondissementNis, string ProvinceSlug, string[] MergedFromNis);

/// <summary>
/// The reference files (provinces, and the 285 municipalities after the 2025 mergers), shipped inside
/// this assembly so that the product never reads them from elsewhere at run time.
/// </summary>
public static class ReferenceData
{
    public const string MunicipalityBoundaryVersion = "2025";

    public static IReadOnlyList<ProvinceFacts> Provinces { get; } = Read("provinces.csv", f => new ProvinceFacts(
        f["slug"], f["nis_code"], f["iso_code"], f["name_nl"], f["pom"],
        int.Parse(f["population_2024_01_01"], CultureInfo.InvariantCulture),
        int.Parse(f["municipalities_2019_2024"], CultureInfo.InvariantCulture),
        int.Parse(f["municipalities_from_2025"], CultureInfo.InvariantCulture)));

    public static IReadOnlyList<Municipality> Municipalities { get; } = Read("municipalities.csv", f => new Municipality(
        f["nis_code"], f["name_nl"], f["name_fr"], f["arrondissement_nis"], f["province_slug"],
        f["merged_from_nis"].Length == 0 ? [] : f["merged_from_nis"].Split('+')));

    private static readonly Dictionary<string, Municipality> ByNis = Municipalities.ToDictionary(m => m.NisCode);

    public static Municipality? FindMunicipality(string nisCode) => ByNis.GetValueOrDefault(nisCode);

    /// <summary>
    /// The codes of 2019–2024 that are no longer a municipality's own (from <c>merged_from_nis</c>), each with the 2025
    /// municipality it became part of and its former Dutch name (former-municipalities.csv, from Statbel's REFNIS 2019).
    /// </summary>
    private static readonly Dictionary<string, (Municipality Into, string FormerName)> Former = Municipalities
        .SelectMany(m => m.MergedFromNis.Where(old => !ByNis.ContainsKey(old)).Select(old => (old, m)))
        .Join(Read("former-municipalities.csv", f => (Code: f["nis_code"], Name: f["name_nl"])), p => p.old, f => f.Code, (p, f) => (p.old, p.m, f.Name))
        .ToDictionary(x => x.old, x => (x.m, x.Name));

    /// <summary>The 2025 municipality that a former code (2019–2024) became part of, with that code's former name; null for any other code.</summary>
    public static (Municipality Into, string FormerName)? MergedInto(string formerNisCode) =>
        Former.TryGetValue(formerNisCode, out var found) ? found : null;

    /// <summary>The former codes (2019–2024) that are no 2025 municipality's own.</summary>
    public static IReadOnlyCollection<string> FormerCodes => Former.Keys;

    /// <summary>The 2025 NIS code of a municipality by a code of 2019–2024 (itself when still current); null for an unknown code.</summary>
    public static string? CurrentMunicipalityOf(string nisCode) =>
        ByNis.ContainsKey(nisCode) ? nisCode : MergedInto(nisCode)?.Into.NisCode;

    public static ProvinceFacts? FindProvince(string slug) => Provinces.FirstOrDefault(p => p.Slug == slug);

    /// <summary>The raw CSV text of a reference file, as shipped.</summary>
    public static string ReadText(string file)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(file)
            ?? throw new InvalidOperationException($"The reference file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // The files are plain comma-separated values without quoting (checked by the tests).
    internal static List<T> Read<T>(string file, Func<IReadOnlyDictionary<string, string>, T> map)
    {
        var lines = ReadText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => map(header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : "")).ToDictionary(c => c.name, c => c.value)))
            .ToList();
    }
}
