using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProvincialMonitor.EventStore.Telemetry;

/// <summary>
/// The monitor's own meter and activity source (both named <see cref="Name"/>), created once per process,
/// with every instrument cached here so that the hot paths record without allocating (docs/operations.md "Observability").
/// </summary>
public static class MonitorTelemetry
{
    public const string Name = "ProvincialMonitor";

    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
    private static readonly double[] MillisecondBuckets = [1, 2, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 10000];

    /// <summary>Events stored by this silo's writer (replays not counted).</summary>
    public static readonly Counter<long> EventsAppended =
        Meter.CreateCounter<long>("provmon.events.appended", "{event}", "Events committed to the event store.");

    /// <summary>Events per group-commit transaction.</summary>
    public static readonly Histogram<int> AppendBatchSize =
        Meter.CreateHistogram<int>("provmon.append.batch.size", "{event}", "Events committed in one group-commit transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });

    /// <summary>From an append being queued to its outcome (queueing, the batch lock, the insert and the commit).</summary>
    public static readonly Histogram<double> AppendLatency =
        Meter.CreateHistogram<double>("provmon.append.latency", "ms", "Time from an append being queued to its commit or refusal.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MillisecondBuckets });

    /// <summary>Connections open on this silo's SignalR hub.</summary>
    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("provmon.hub.connections", "{connection}", "Open connections to /hubs/indicators.");

    /// <summary>From the commit of the newest event in a flush to the flush to the hub and circuits.</summary>
    public static readonly Histogram<double> PushLatency =
        Meter.CreateHistogram<double>("provmon.push.latency", "ms", "Time from the commit of the newest pushed event to the live feed's flush.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MillisecondBuckets });

    /// <summary>Commands answered with their first result because the Idempotency-Key was seen before.</summary>
    public static readonly Counter<long> IdempotentReplays =
        Meter.CreateCounter<long>("provmon.idempotent.replays", "{command}", "Commands answered from an earlier result (same Idempotency-Key).");

    /// <summary>Refused commands, tagged with <c>kind</c> (invalid, forbidden, not-found, conflict, …).</summary>
    public static readonly Counter<long> CommandsRefused =
        Meter.CreateCounter<long>("provmon.commands.refused", "{command}", "Commands refused, by kind.");

    /// <summary>Anchors that could not be appended to a witness folder (the anchor folder has them).</summary>
    public static readonly Counter<long> AnchorWitnessFailures =
        Meter.CreateCounter<long>("provmon.anchor.witness.failures", "{anchor}", "Anchors that could not be written to a witness folder.");

    private static long s_lagEvents = -1;
    private static double s_lagSeconds;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, bool> s_chains = new(ReferenceEqualityComparer.Instance);

    static MonitorTelemetry()
    {
        Meter.CreateObservableGauge("provmon.projection.lag.events", ObserveLagEvents, "{event}",
            "Events in the store that the projector has not folded yet.");
        Meter.CreateObservableGauge("provmon.projection.lag.seconds", ObserveLagSeconds, "s",
            "How long the oldest event the projector has not folded has been waiting.");
        Meter.CreateObservableGauge("provmon.chain.intact", ObserveChainIntact, null,
            "1 while the hash chain matches itself and the anchors as far as this silo has checked, 0 once it found a break.");
    }

    /// <summary>
    /// Sets what the chain gauge reports for one checker (a silo's): 1 intact, 0 broken; nothing until its first
    /// check. Several silos in one process (tests) report the worst of them.
    /// </summary>
    public static void ReportChainIntact(object checker, bool intact) => s_chains[checker] = intact;

    /// <summary>Takes a checker that stopped out of the chain gauge.</summary>
    public static void ForgetChain(object checker) => s_chains.TryRemove(checker, out _);

    private static IEnumerable<Measurement<int>> ObserveChainIntact() =>
        s_chains.IsEmpty ? [] : [new Measurement<int>(s_chains.Values.All(intact => intact) ? 1 : 0)];

    /// <summary>Sets what the projection-lag gauges report (sampled by the silo, not on the hot path).</summary>
    public static void ReportProjectionLag(long events, double seconds)
    {
        Volatile.Write(ref s_lagSeconds, seconds);
        Volatile.Write(ref s_lagEvents, events);
    }

    private static IEnumerable<Measurement<long>> ObserveLagEvents()
    {
        var events = Volatile.Read(ref s_lagEvents);
        return events < 0 ? [] : [new Measurement<long>(events)];
    }

    private static IEnumerable<Measurement<double>> ObserveLagSeconds() =>
        Volatile.Read(ref s_lagEvents) < 0 ? [] : [new Measurement<double>(Volatile.Read(ref s_lagSeconds))];

    /// <summary>Counts a refusal under its kind; the tag values are constants, so that recording does not allocate.</summary>
    public static void RecordRefusal(string kind) =>
        CommandsRefused.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
