namespace ProvincialMonitor.Dashboard.Audit;

/// <summary>The as-of pickers' moment as the address carries it: <c>?asOf=2026-10-31</c> (effective basis) and <c>&amp;basis=recorded</c>.</summary>
public static class HistoricalAddress
{
    /// <summary>The moment in the address, or null when the page is live (no date or an unreadable one).</summary>
    public static HistoricalPoint? Parse(string? asOf, string? basis) =>
        AuditAddress.Date(asOf) is { } date ? new HistoricalPoint(date, basis == "recorded" ? "recorded" : "effective") : null;

    /// <summary>"Historische stand op 31/10/2026 (in werking)".</summary>
    public static string Banner(HistoricalPoint point) =>
        $"Historische stand op {Shared.NlBe.Date(point.Date)} ({BasisName(point.Basis)})";

    public static string BasisName(string basis) => basis == "recorded" ? "zoals geregistreerd" : "in werking";
}
