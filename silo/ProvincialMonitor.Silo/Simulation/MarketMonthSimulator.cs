using System.Globalization;
using System.Net;
using ProvincialMonitor.Client;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Silo.Simulation;

/// <summary>How the plan is played.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; init; } = 3600;

    /// <summary>Requests in flight at once, within one five-minute window of simulated time.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>How often a progress line is written (and at every new simulated day).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Writes a progress line at every new simulated day too (the CLI), not only every interval.</summary>
    public bool ProgressEachDay { get; init; } = true;

    /// <summary>On cancellation: abandon requests in flight (the demo, when the silo stops) instead of letting them finish.</summary>
    public bool AbandonInFlight { get; init; }

    /// <summary>Refusals tolerated before the run stops.</summary>
    public int MaxRefusals { get; init; } = 50;

    /// <summary>"Now" for pacing and for what may still be sent (the silo's clock when the demo runs in it).</summary>
    public MonitorClock Clock { get; init; } = MonitorClock.System;
}

public sealed record SimulationResult(
    string Campaign, int Planned, int Sent, int Stored, int Replayed, int Refused, IReadOnlyDictionary<string, long> Entries,
    DateTimeOffset? Reached, bool Cancelled, string? Failure)
{
    /// <summary>0 when the plan was played (refusals aside), 130 after Ctrl+C, 1 when the run had to stop.</summary>
    public int ExitCode => Failure is not null ? 1 : Cancelled ? 130 : 0;
}

/// <summary>
/// Plays a <see cref="SimulationPlan"/> against the HTTP API. Simulated time runs at <see cref="SimulatorOptions.Speed"/>
/// but never ahead of the real clock (the API refuses facts more than a day ahead, and a live campaign should
/// look live): when the simulation reaches now, it goes on in real time. Steps are sent per five-minute window
/// of simulated time, up to <see cref="SimulatorOptions.Parallelism"/> at once (a plan puts a step that depends on
/// another in a later window). Every request goes through <see cref="ProvincialMonitorClient"/> with its step's idempotency key,
/// so a rerun stores nothing new; the client retries 429 and 5xx answers with the same key, honouring <c>Retry-After</c>.
/// </summary>
public sealed class MarketMonthSimulator(ProvincialMonitorClient client, Action<string> output, Action<string> error, SimulatorOptions options)
{
    /// <summary>Over an HttpClient that is set up already (its address and API key): the client's handlers run in front of it.</summary>
    public MarketMonthSimulator(HttpClient http, Action<string> output, Action<string> error, SimulatorOptions options)
        : this(ProvincialMonitorClient.Over(http, new ProvincialMonitorClientOptions { OnRetry = error }), output, error, options)
    {
    }

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _entries = ProvinceSlugs.All.ToDictionary(p => p, _ => 0L);
    private int _sent, _stored, _replayed, _refused;
    private string? _failure;
    private string _campaign = "";
    private DateTimeOffset? _reached;
    private DateTimeOffset _lastProgress;
    private DateOnly _lastDay;
    private bool _realTimeNoted;

    /// <summary>Completed once the simulation has caught up with the real clock (or played its plan).</summary>
    public TaskCompletionSource CaughtUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<SimulationResult> RunAsync(SimulationPlan plan, CancellationToken cancellationToken)
    {
        var clock = options.Clock;
        _campaign = plan.Settings.Slug;
        var windows = plan.Steps.GroupBy(s => Floor(s.At)).ToList();
        var simStart = windows.Count > 0 ? windows[0].Key : clock.Now;
        var realStart = clock.Now;
        output($"Simulating {plan.Settings.Slug} ({plan.Settings.PeriodStart:yyyy-MM-dd} to {plan.Settings.PeriodEnd:yyyy-MM-dd}, seed {plan.Settings.Seed}): "
               + $"{plan.Markets.Count} markets, {plan.Steps.Count:N0} requests, {plan.EntriesPlanned:N0} entries planned, speed {options.Speed:0.###}x.");
        var cancelled = false;
        try
        {
            foreach (var window in windows)
            {
                if (_failure is not null) break;
                var real = clock.Now;
                var paced = realStart + TimeSpan.FromSeconds((window.Key - simStart).TotalSeconds / options.Speed);
                var wait = Max(paced - real, window.Key - real);
                if (window.Key > real)
                {
                    CaughtUp.TrySetResult();
                    if (!_realTimeNoted)
                    {
                        _realTimeNoted = true;
                        output($"Reached the real clock at {Local(real)}: going on in real time (next requests at {Local(window.Key)}).");
                    }
                }
                // In steps of at most an hour: a future April is months away, more than one timer can wait.
                while (wait > TimeSpan.Zero)
                {
                    var step = wait < TimeSpan.FromHours(1) ? wait : TimeSpan.FromHours(1);
                    await Task.Delay(step, clock.Time, cancellationToken);
                    wait -= step;
                }
                await Parallel.ForEachAsync(window, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
                    async (step, _) =>
                    {
                        if (cancellationToken.IsCancellationRequested || _failure is not null) return;
                        await SendAsync(step, cancellationToken);
                    });
                cancellationToken.ThrowIfCancellationRequested();
                _reached = window.Max(s => s.At);
                Progress(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        CaughtUp.TrySetResult();
        var result = Result(plan, cancelled);
        Summary(result);
        return result;
    }

    /// <summary>Sends one step outside the plan (the demo's steady entries), counted with the others.</summary>
    public Task SendStepAsync(SimulationStep step, CancellationToken cancellationToken) => SendAsync(step, cancellationToken);

    private async Task SendAsync(SimulationStep step, CancellationToken cancellationToken)
    {
        var requestToken = options.AbandonInFlight ? cancellationToken : CancellationToken.None;
        Interlocked.Increment(ref _sent);
        try
        {
            var result = await client.SendJsonAsync(step.Path, step.Body, step.IdempotencyKey, requestToken);
            Record(step, result.Replayed);
        }
        catch (ApiProblemException ex) when (!Transient(ex.StatusCode))
        {
            Refused(step, ex.Problem);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !requestToken.IsCancellationRequested)
        {
            Fail($"{step.Kind} {step.Path} failed after the client's retries, last: {ex.Message}. Is the silo at {client.BaseAddress} running?");
        }
    }

    private static bool Transient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private void Record(SimulationStep step, bool replayed)
    {
        lock (_gate)
        {
            if (replayed) _replayed++;
            else _stored++;
            if (step.Province is { } province && step.Entries > 0) _entries[province] += step.Entries;
        }
    }

    private void Refused(SimulationStep step, ApiProblem problem)
    {
        var detail = problem.Detail ?? problem.Title ?? "";
        if (problem.Errors is { Count: > 0 } errors)
            detail += " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        var status = (HttpStatusCode)problem.Status;
        // An existing campaign, municipality or market (another seed, or someone else) is reported and the run goes on.
        var already = status == HttpStatusCode.Conflict && step.Kind is StepKind.Launch or StepKind.Municipality or StepKind.Market;
        error($"{(already ? "note" : "refused")} ({problem.Status}) {step.Kind} POST {step.Path}: {detail}");
        int refused;
        lock (_gate) refused = ++_refused;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            Fail($"the API key may not do this ({problem.Status}); use an admin key or a coordinator key for {_campaign}");
        else if (refused > options.MaxRefusals) Fail($"more than {options.MaxRefusals} requests were refused");
    }

    private void Fail(string message)
    {
        lock (_gate) _failure ??= message;
    }

    private void Progress(bool force)
    {
        var now = options.Clock.Now;
        var day = _reached is { } reached ? MonitorClock.DateOf(reached) : default;
        if (!force && now - _lastProgress < options.ProgressInterval && (day == _lastDay || !options.ProgressEachDay)) return;
        (_lastProgress, _lastDay) = (now, day);
        lock (_gate)
        {
            output($"[{_campaign} {(_reached is { } r ? Local(r) : "-")}] {_sent:N0} requests ({_stored:N0} stored, {_replayed:N0} replayed, {_refused:N0} refused); entries {EntriesText()}");
        }
    }

    private void Summary(SimulationResult result)
    {
        var how = result.Failure is not null ? $"Stopped: {result.Failure}"
            : result.Cancelled ? "Cancelled (Ctrl+C): the rest of the plan was not sent; a rerun with the same seed goes on without counting anything twice."
            : "Done.";
        output(how);
        output($"{result.Campaign}: reached {(result.Reached is { } r ? Local(r) : "nothing")}; {result.Sent:N0} of {result.Planned:N0} requests sent, "
               + $"{result.Stored:N0} stored, {result.Replayed:N0} replayed, {result.Refused:N0} refused.");
        lock (_gate) output($"Entries: {EntriesText()}.");
    }

    private string EntriesText() =>
        string.Join(", ", _entries.Select(e => $"{e.Key} {e.Value.ToString("N0", CultureInfo.InvariantCulture)}"))
        + $", Flanders {_entries.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)}";

    private SimulationResult Result(SimulationPlan plan, bool cancelled)
    {
        lock (_gate)
            return new SimulationResult(plan.Settings.Slug, plan.Steps.Count, _sent, _stored, _replayed, _refused,
                new Dictionary<string, long>(_entries), _reached, cancelled, _failure);
    }

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Window.Ticks), TimeSpan.Zero);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Local(DateTimeOffset at) =>
        MonitorClock.InBrussels(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
