using System.Globalization;

namespace ProvincialMonitor.Contracts.Reference;

/// <summary>
/// An Interreg programme of one programming period: its code, Dutch name, period (<c>2014-2020</c>), first day, last day of
/// the period, last day costs are eligible, and the highest ERDF co-financing rate in percent (null: not found, see
/// docs/domain.md).
/// </summary>
public sealed record CrossBorderProgramme(
    string Code, string NameNl, string Period, DateOnly Starts, DateOnly Ends, DateOnly EligibleUntil, decimal? MaxErdfRate)
{
    /// <summary>A project's planned period fits the programme: from its start up to the end of eligibility.</summary>
    public bool Covers(DateOnly day) => day >= Starts && day <= EligibleUntil;

    /// <summary>Ended: costs are no longer eligible on <paramref name="today"/>.</summary>
    public bool EndedOn(DateOnly today) => today > EligibleUntil;
}

/// <summary>A cross-border cooperation body (a Euregio, an EGTS, a network): a partner of projects, never a programme.</summary>
public sealed record CooperationBody(string Code, string NameNl, string Kind);

/// <summary>The cross-border reference lists: crossborder-programmes.csv and cooperation-bodies.csv, shipped in this assembly.</summary>
public static class CrossBorderReference
{
    public static IReadOnlyList<CrossBorderProgramme> Programmes { get; } = ReferenceData.Read("crossborder-programmes.csv", f => new CrossBorderProgramme(
        f["code"], f["name_nl"], f["period"], Day(f["starts"]), Day(f["ends"]), Day(f["eligible_until"]),
        f["max_erdf_rate"].Length == 0 ? null : decimal.Parse(f["max_erdf_rate"], CultureInfo.InvariantCulture)));

    public static IReadOnlyList<CooperationBody> CooperationBodies { get; } = ReferenceData.Read("cooperation-bodies.csv",
        f => new CooperationBody(f["code"], f["name_nl"], f["kind"]));

    public static CrossBorderProgramme? FindProgramme(string? code) => Programmes.FirstOrDefault(p => p.Code == code);

    /// <summary>A cooperation body by its code or its Dutch name.</summary>
    public static CooperationBody? FindBody(string? codeOrName) =>
        CooperationBodies.FirstOrDefault(b => b.Code == codeOrName || string.Equals(b.NameNl, codeOrName?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
