using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>
/// Municipality codes as a command names them: a former code (2019–2024) is read as its 2025 municipality, with a notice;
/// a location lies in Flemish municipalities of the project's provinces.
/// </summary>
public static class MunicipalityCodes
{
    /// <summary>The codes with each former one replaced by its 2025 municipality (each replacement added to <paramref name="notices"/>).</summary>
    public static string[]? Current(string field, string[]? codes, List<FieldError> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (codes is null) return null;
        var current = (string[])codes.Clone();
        for (var i = 0; i < current.Length; i++)
            if (CurrentCode($"{field}[{i}]", current[i], notices) is { } mapped) current[i] = mapped;
        return current;
    }

    /// <summary>The 2025 code of a former one (and its notice), else the code as it is.</summary>
    public static string? CurrentCode(string field, string? code, List<FieldError> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var trimmed = code?.Trim();
        if (trimmed is null || ReferenceData.MergedInto(trimmed) is not { } merged) return code;
        notices.Add(FieldError.Of(field, Refusals.NoticeMunicipalityMerged,
            ("code", trimmed), ("former", merged.FormerName), ("municipality", merged.Into.NameNl), ("nisCode", merged.Into.NisCode)));
        return merged.Into.NisCode;
    }

    /// <summary>A location: at least one code (when <paramref name="required"/>), each a municipality on the 2025 boundaries.</summary>
    public static void CheckLocation(this Checks check, string field, string[]? codes, bool required)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (codes is null or { Length: 0 })
        {
            if (required) check.Add(field, Refusals.FieldRequired);
            return;
        }
        foreach (var (code, i) in codes.Select((m, i) => (m, i)))
        {
            check.NisCode($"{field}[{i}]", code);
            if (code is { Length: 5 } && code.All(char.IsAsciiDigit) && ReferenceData.FindMunicipality(code) is null)
                check.Add($"{field}[{i}]", Refusals.FieldNotAMunicipalityNis, ("version", ReferenceData.MunicipalityBoundaryVersion));
        }
    }

    /// <summary>
    /// The first municipality of a location outside the given provinces, as a field error naming it; null when all lie
    /// in them. Codes are those of a valid location (each on the 2025 boundaries).
    /// </summary>
    public static FieldError? OutsideProvinces(string field, IReadOnlyList<string> codes, IReadOnlyCollection<string> provinces)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(provinces);
        for (var i = 0; i < codes.Count; i++)
        {
            if (ReferenceData.FindMunicipality(codes[i]) is not { } municipality || provinces.Contains(municipality.ProvinceSlug)) continue;
            return FieldError.Of($"{field}[{i}]", Refusals.FieldMunicipalityOutsideProvinces,
                ("municipality", $"{municipality.NameNl} ({municipality.NisCode})"), ("province", ProvinceName(municipality.ProvinceSlug)),
                ("provinces", string.Join(", ", provinces.Select(ProvinceName))));
        }
        return null;
    }

    public static string ProvinceName(string slug) => ReferenceData.FindProvince(slug)?.NameNl ?? slug;
}
