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

/// <summary>An aggregate the replay can step through: its kind (as <see cref="IAuditSource.ReplayAsync"/> names it) and key.</summary>
public sealed record AggregateRef(string Kind, string Key)
{
    /// <summary>The replay's address: <c>audit/replay/{kind}/{key}</c> (a market's key keeps its slash).</summary>
    public string Href => $"{AuditAddress.Page}/replay/{Uri.EscapeDataString(Kind)}/{string.Join('/', Key.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>The stream this aggregate writes, as the log names it; null for a kind the system does not know.</summary>
    public string? StreamId => CommandKind.Named(Kind)?.StreamIdOf(Key);

    /// <summary>
    /// The aggregate behind a stream of the log, or null for streams without one (security, reference data, the audit trail).
    /// A market's stream <c>market-{campaign}-{id}</c> is split at a known campaign's slug, as the slugs may hold dashes.
    /// </summary>
    public static AggregateRef? FromStream(string streamId, IEnumerable<string> campaignSlugs) =>
        StreamIds.Parse(streamId, campaignSlugs) is { } parsed ? new AggregateRef(parsed.Kind.Name, parsed.Key) : null;
}

/// <summary>Dutch words of the Audit page: kinds of aggregate, sources, breaks of the chain.</summary>
public static class AuditNames
{
    public static readonly IReadOnlyDictionary<string, string> Aggregates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["project"] = "Project",
        ["province"] = "Provincie",
        ["cluster"] = "Cluster",
        ["campaign"] = "Campagne",
        ["market"] = "Markt",
        ["region"] = "Vlaanderen",
        ["security"] = "Gebruikers en sleutels",
        ["audit-trail"] = "Auditspoor",
    };

    /// <summary>The kinds the replay takes (<c>flanders</c> where the log says <c>region</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplayKinds =
        CommandKind.All.ToDictionary(k => k.Name, k => k.NameNl, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Sources { get; } = new OrderedDictionary<string, string>(DutchLabels.Sources.Options, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> Bases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["recorded"] = "Geregistreerd",
        ["effective"] = "In werking",
    };

    public static string Aggregate(string kind) => Aggregates.GetValueOrDefault(kind) ?? ReplayKinds.GetValueOrDefault(kind) ?? kind;

    public static string Source(string source) => DutchLabels.Sources.Of(source);

    /// <summary>The kind of a break of the hash chain, in Dutch.</summary>
    public static string Break(string? kind) => kind switch
    {
        "changed" => "gewijzigd",
        "missing" => "ontbrekend",
        "inserted" => "ingevoegd",
        "reordered" => "van plaats verwisseld",
        null => "onbekend",
        _ => kind,
    };

    /// <summary>The role an event was recorded in; the system's reference data has none.</summary>
    public static string Role(string role) => role.Length == 0 ? "systeem" : RoleNames.Dutch(role) switch
    {
        "system" => "systeem",
        var dutch => dutch,
    };

    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12] + "…";
}

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
