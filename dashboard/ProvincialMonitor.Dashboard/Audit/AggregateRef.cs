using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Audit;

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
