using ProvincialMonitor.Grains;
using System.Security.Claims;
using System.Text.Json;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Dashboard.Audit;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Audit;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Live;

/// <summary>The Audit page's and the as-of pickers' source on this silo: the store, the aggregates' folds and the audit trail.</summary>
public sealed class AuditSource(Hosting.EventStoreConnector store, AuditLog log, HistoricalIndicators history, AuditTrail trail, ChainGuard guard) : IAuditSource
{
    public async Task<AuditPage> LogAsync(AuditFilter filter, long afterPosition, int limit)
    {
        var query = new LogQuery
        {
            Province = filter.Province,
            Domain = filter.Domain,
            StreamPrefix = filter.Aggregate is { Length: > 0 } aggregate ? StreamIds.LogPrefix(aggregate) : null,
            EventTypes = filter.Types is { Count: > 0 } types ? [.. types.SelectMany(Contracts.Events.EventTypes.VersionsOf).Distinct()] : null,
            Actor = filter.Actor,
            DecisionRef = filter.DecisionRef,
            Source = filter.Source,
            AfterPosition = Math.Max(0, afterPosition),
            Limit = Math.Clamp(limit, 1, 500),
        };
        query = filter.DateBasis == "effective"
            ? query with { EffectiveFrom = filter.From, EffectiveTo = filter.To }
            : query with
            {
                RecordedFrom = filter.From is { } from ? MonitorClock.StartOfDay(from) : null,
                RecordedBefore = filter.To is { } to ? MonitorClock.StartOfDay(to.AddDays(1)) : null,
            };
        var page = await log.QueryAsync(query);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var entries = new List<AuditEntry>(page.Events.Count);
        foreach (var e in page.Events) entries.Add(await EntryAsync(e, names));
        return new AuditPage(entries, page.NextPosition);
    }

    private async Task<AuditEntry> EntryAsync(RecordedEvent e, Dictionary<string, string?> names)
    {
        using var metadata = JsonDocument.Parse(e.Metadata);
        string? Text(string name) => metadata.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!names.TryGetValue(e.Tags.Actor, out var name))
            names[e.Tags.Actor] = name = (await store.Credentials.FindByActorAsync(e.Tags.Actor))?.DisplayName;

        var corrects = Amendments.TargetOf(e);
        long? correctsPosition = null;
        if (corrects is { } target && await log.EventAsync(target) is { } named && Amendments.IsTargetOf(named, e, target))
            correctsPosition = named.Position;
        return new AuditEntry(e.Position, e.StreamId, e.StreamVersion, e.EventId, e.EventType, EventSummaries.Of(e).Summary, e.Tags.Actor, name,
            Text("role") ?? "", Text("body"), Text("decisionRef"), e.Tags.Source, e.RecordedAt, e.EffectiveDate, e.Hash, corrects, correctsPosition);
    }

    public async Task<IReadOnlyList<ReplayStepView>> ReplayAsync(string kind, string key)
    {
        if (!AggregateKinds.All.TryGetValue(kind, out var aggregate)) return [];
        var steps = await log.ReplayAsync(aggregate, key);
        return [.. steps.Select(s => new ReplayStepView(s.Event.Position, s.Event.StreamVersion, s.Event.EventType, s.Event.EffectiveDate,
            s.Event.RecordedAt, s.Event.Tags.Actor, EventSummaries.Of(s.Event).Summary, s.Exists, s.StateJson))];
    }

    public async Task<ChainReceipt> HeadAsync()
    {
        var (head, recordedAt) = await log.HeadAsync();
        return new ChainReceipt(head.Position, head.Hash, recordedAt);
    }

    public async Task<VerificationOutcome> VerifyAsync(ClaimsPrincipal user, ChainReceipt? receipt, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var actor = ActorClaims.ToActor(user) ?? throw new InvalidOperationException("Only a logged-in user verifies.");
        var (head, _) = await log.HeadAsync(cancellationToken);
        var given = receipt is null ? null : new ChainHead(receipt.Position, receipt.Hash.ToLowerInvariant());
        var (result, anchors) = await guard.VerifyAsync(1, null, given is null ? [] : [given], progress, cancellationToken);
        await trail.VerifiedAsync(actor, 1, null, result, given?.Position, anchors.Heads.Count);
        return new VerificationOutcome(result.Intact, result.VerifiedUpTo, result.BreakPosition, result.Break?.ToString().ToLowerInvariant(),
            AuditApi.Describe(result, given, anchors), head.Position);
    }

    public Task<ChainAlarm?> AlarmAsync() =>
        Task.FromResult(guard.Alarm is { } b ? new ChainAlarm(b.Position, b.Detail) : null);

    public async Task<bool> AcknowledgeBreakAsync(ClaimsPrincipal user, long position, string reason)
    {
        if (!user.IsInRole(Roles.Admin) || string.IsNullOrWhiteSpace(reason) || guard.Break?.Position != position) return false;
        var actor = ActorClaims.ToActor(user) ?? throw new InvalidOperationException("Only a logged-in user acknowledges.");
        await trail.AcknowledgedAsync(actor, position, reason.Trim());
        return guard.Acknowledge(position);
    }

    public Task<IReadOnlyList<ScopeIndicators>> ComparisonAsOfAsync(HistoricalPoint point) =>
        history.ComparisonAsync(QueryOf(point), point.Date);

    public Task<ScopeIndicators> ScopeAsOfAsync(string scope, HistoricalPoint point) =>
        history.ScopeAsync(scope, QueryOf(point), point.Date);

    /// <summary>The effective basis folds what is in effect on the day; the recorded basis what was recorded by the end of it (Brussels).</summary>
    public static AsOfQuery QueryOf(HistoricalPoint point) => point.Basis == "recorded"
        ? new AsOfQuery(RecordedUpTo: AsOf.EndOfDayInBrussels(point.Date))
        : new AsOfQuery(EffectiveOn: point.Date);

}
