using System.Globalization;
using System.Text;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Audit;

/// <summary>
/// The Audit page's filter as its address carries it (<c>audit?province=…&amp;type=…&amp;basis=effective&amp;from=2026-01-01</c>),
/// so that a filtered view can be linked and reloaded; dates are ISO (<c>yyyy-MM-dd</c>).
/// </summary>
public static class AuditAddress
{
    public const string Page = "audit";

    /// <summary>The page's address for a filter, relative to the base address; parts left empty are left out.</summary>
    public static string Href(AuditFilter filter, string? fragment = null)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("province", filter.Province);
        Add("domain", filter.Domain);
        Add("aggregate", filter.Aggregate);
        foreach (var type in filter.Types ?? []) Add("type", type);
        Add("actor", filter.Actor);
        Add("decision", filter.DecisionRef);
        Add("source", filter.Source);
        if (filter.From is not null || filter.To is not null) Add("basis", filter.DateBasis == "effective" ? "effective" : null);
        Add("from", Iso(filter.From));
        Add("to", Iso(filter.To));
        return Page + query + (fragment is null ? "" : "#" + fragment);
    }

    /// <summary>
    /// The export of the decision log with this filter (<c>api/audit/export</c>, the filters of <c>GET /api/events</c>):
    /// recorded days are whole days in Brussels, effective dates inclusive.
    /// </summary>
    public static string ExportHref(AuditFilter filter, string format)
    {
        var query = new StringBuilder("api/audit/export?format=").Append(format);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        Add("province", filter.Province);
        Add("domain", filter.Domain);
        Add("streamPrefix", filter.Aggregate is null ? null : StreamIds.LogPrefix(filter.Aggregate));
        foreach (var type in filter.Types ?? []) Add("type", type);
        Add("actor", filter.Actor);
        Add("decisionRef", filter.DecisionRef);
        Add("source", filter.Source);
        if (filter.DateBasis == "effective")
        {
            Add("effectiveFrom", Iso(filter.From));
            Add("effectiveTo", Iso(filter.To));
        }
        else
        {
            Add("recordedFrom", filter.From is { } from ? StartOfBrusselsDay(from) : null);
            Add("recordedBefore", filter.To is { } to ? StartOfBrusselsDay(to.AddDays(1)) : null);
        }
        return query.ToString();
    }

    private static string StartOfBrusselsDay(DateOnly day)
        => MonitorClock.StartOfDay(day).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A filter from the address's parts; blanks, unknown bases and unreadable dates count as absent.</summary>
    public static AuditFilter Parse(string? province, string? domain, string? aggregate, IEnumerable<string>? types, string? actor,
        string? decision, string? source, string? basis, string? from, string? to)
    {
        var typeList = types?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        return new AuditFilter(Blank(province), Blank(domain), Blank(aggregate), typeList is { Count: > 0 } ? typeList : null, Blank(actor),
            Blank(decision), Blank(source), basis == "effective" ? "effective" : "recorded", Date(from), Date(to));
    }

    public static bool IsEmpty(AuditFilter filter) =>
        filter.Province is null && filter.Domain is null && filter.Aggregate is null && filter.Types is not { Count: > 0 } && filter.Actor is null
        && filter.DecisionRef is null && filter.Source is null && filter.From is null && filter.To is null;

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
