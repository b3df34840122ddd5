using System.Globalization;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Commands;

/// <summary>A project's cross-border programme: a code of crossborder-programmes.csv, its co-financing rate at most the programme's maximum.</summary>
public static class CrossBorderChecks
{
    /// <summary>
    /// The programme is a code from the list; a planned start and end lie between the programme's first day and its last
    /// eligible day; the project's own ERDF rate (percent, more than 0, two decimals) needs a programme and is at most its maximum.
    /// <paramref name="legacyText"/>: a free text stored before the list (a correction may keep it as written).
    /// </summary>
    public static void Programme(this Checks check, RegisterProject register, bool legacyText = false)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(register);
        var code = register.CrossBorderProgramme;
        var programme = CrossBorderReference.FindProgramme(code);
        if (code is not null && programme is null)
        {
            if (legacyText) check.Text("crossBorderProgramme", code, required: false, max: 100);
            else check.Add("crossBorderProgramme", Refusals.FieldUnknownProgramme,
                ("options", string.Join(", ", CrossBorderReference.Programmes.Select(p => p.Code))));
        }
        if (programme is not null)
        {
            if (register.PlannedStart is { } start && !programme.Covers(start))
                check.Add("plannedStart", Refusals.FieldOutsideProgrammePeriod, Period(programme));
            if (register.PlannedEnd is { } end && !programme.Covers(end))
                check.Add("plannedEnd", Refusals.FieldOutsideProgrammePeriod, Period(programme));
        }
        if (register.CoFinancingRate is not { } rate) return;
        if (rate <= 0 || rate > 100 || decimal.Round(rate, 2) != rate) check.Add("coFinancingRate", Refusals.FieldNotARate);
        else if (programme is null) check.Add("coFinancingRate", Refusals.FieldRateNeedsProgramme);
        else if (programme.MaxErdfRate is { } max && rate > max)
            check.Add("coFinancingRate", Refusals.FieldRateAboveProgrammeMaximum, ("max", max), ("programme", programme.NameNl), ("period", programme.Period));
    }

    private static (string, object?)[] Period(CrossBorderProgramme p) =>
        [("programme", p.NameNl), ("period", p.Period), ("starts", p.Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("until", p.EligibleUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
