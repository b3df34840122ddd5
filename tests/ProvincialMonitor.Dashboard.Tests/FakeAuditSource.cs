using System.Security.Claims;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Dashboard.Audit;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>An audit source whose log, replays, head and historical figures the test sets, and whose verification the test drives step by step.</summary>
internal sealed class FakeAuditSource : IAuditSource
{
    public List<AuditEntry> Log { get; } = [];

    public List<(AuditFilter Filter, long After, int Limit)> LogQueries { get; } = [];

    /// <summary>Pages of the whole (unfiltered) log by position, as the store pages: at most <c>limit</c> after a position.</summary>
    public Task<AuditPage> LogAsync(AuditFilter filter, long afterPosition, int limit)
    {
        LogQueries.Add((filter, afterPosition, limit));
        var matches = Log.Where(e => e.Position > afterPosition).OrderBy(e => e.Position).ToList();
        var page = matches.Take(limit).ToList();
        return Task.FromResult(new AuditPage(page, matches.Count > limit ? page[^1].Position : null));
    }

    public Dictionary<string, IReadOnlyList<ReplayStepView>> Replays { get; } = new(StringComparer.Ordinal);

    public List<(string Kind, string Key)> ReplayQueries { get; } = [];

    public Task<IReadOnlyList<ReplayStepView>> ReplayAsync(string kind, string key)
    {
        ReplayQueries.Add((kind, key));
        return Task.FromResult(Replays.GetValueOrDefault(kind + ":" + key) ?? []);
    }

    public ChainReceipt Head { get; set; } = new(10, new string('a', 64), new DateTimeOffset(2026, 11, 28, 19, 22, 0, TimeSpan.Zero));

    public Task<ChainReceipt> HeadAsync() => Task.FromResult(Head);

    /// <summary>What verification answers once <see cref="FinishVerification"/> lets it; it first reports <see cref="ProgressBeforeWait"/>.</summary>
    public VerificationOutcome Outcome { get; set; } = new(true, 10, null, null, "Intact up to position 10.", 10);

    public long ProgressBeforeWait { get; set; } = 4;

    public List<(ClaimsPrincipal User, ChainReceipt? Receipt)> Verifications { get; } = [];

    private TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FinishVerification() => _finish.TrySetResult();

    public async Task<VerificationOutcome> VerifyAsync(ClaimsPrincipal user, ChainReceipt? receipt, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        Verifications.Add((user, receipt));
        progress?.Report(ProgressBeforeWait);
        await _finish.Task.WaitAsync(cancellationToken);
        _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        progress?.Report(Outcome.VerifiedUpTo);
        return Outcome;
    }

    public List<ScopeIndicators> Historical { get; } = [];

    public List<HistoricalPoint> HistoricalQueries { get; } = [];

    public Task<IReadOnlyList<ScopeIndicators>> ComparisonAsOfAsync(HistoricalPoint point)
    {
        HistoricalQueries.Add(point);
        return Task.FromResult<IReadOnlyList<ScopeIndicators>>(Historical);
    }

    public Task<ScopeIndicators> ScopeAsOfAsync(string scope, HistoricalPoint point)
    {
        HistoricalQueries.Add(point);
        return Task.FromResult(Historical.Single(s => s.Scope == scope));
    }

    /// <summary>The break the fake silo found; an acknowledgement of it clears it here.</summary>
    public ChainAlarm? Alarm { get; set; }

    public List<(ClaimsPrincipal User, long Position, string Reason)> Acknowledgements { get; } = [];

    public Task<ChainAlarm?> AlarmAsync() => Task.FromResult(Alarm);

    public Task<bool> AcknowledgeBreakAsync(ClaimsPrincipal user, long position, string reason)
    {
        Acknowledgements.Add((user, position, reason));
        if (Alarm?.Position != position) return Task.FromResult(false);
        Alarm = null;
        return Task.FromResult(true);
    }
}
