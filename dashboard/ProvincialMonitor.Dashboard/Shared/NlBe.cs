using System.Globalization;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Dashboard.Shared;

/// <summary>
/// Numbers, amounts, dates and times as a Belgian reader expects them. Patterns are spelled out rather than taken
/// from the culture's currency format, whose spacing and symbol position differ between ICU versions.
/// </summary>
public static class NlBe
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>€ 1.234.567,89 (a non-breaking space keeps the sign with the amount).</summary>
    public static string Money(decimal amount) =>
        amount < 0 ? "−€\u00A0" + (-amount).ToString("#,##0.00", Culture) : "€\u00A0" + amount.ToString("#,##0.00", Culture);

    /// <summary>1.234 for whole numbers, 1.234,5 with at most two decimals otherwise.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Culture);

    public static string Percent(decimal value) => value.ToString("0.0", Culture) + "\u00A0%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Date(DateTimeOffset moment) => Local(moment).ToString("dd/MM/yyyy", Culture);

    public static string Time(DateTimeOffset moment) => Local(moment).ToString("HH:mm:ss", Culture);

    public static string DateTime(DateTimeOffset moment) => Local(moment).ToString("dd/MM/yyyy HH:mm", Culture);

    /// <summary>"2026-03" as "maart 2026".</summary>
    public static string Month(string yearMonth) =>
        System.DateTime.TryParseExact(yearMonth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMM yyyy", Culture)
            : yearMonth;

    public static DateTimeOffset Local(DateTimeOffset moment) => MonitorClock.InBrussels(moment);

    /// <summary>A wall-clock time in Brussels (as a form gives it) as a moment with its offset.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => MonitorClock.AtBrusselsTime(local);
}
