using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProvincialMonitor.EventStore.Telemetry;

/// <summary>
/// The store's own meters and its activity source, under the monitor's name <see cref="Name"/> (the grains and the host
/// create meters of the same name for their own instruments, so one subscription to the name sees them all). Instruments
/// are cached so that the append path records without allocating (docs/operations.md "Observability").
/// </summary>
public static class MonitorTelemetry
{
    public const string Name = "ProvincialMonitor";

    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly int[] BatchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    /// <summary>Latency buckets in milliseconds, shared by every latency histogram of the monitor.</summary>
    public static readonly double[] MillisecondBuckets = [1, 2, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 10000];

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

    /// <summary>Projection saves: a projection's checkpoint moved (with any models given), one transaction each (tag <c>projection</c>).</summary>
    public static readonly Counter<long> ProjectionSaves =
        Meter.CreateCounter<long>("provmon.projection.saves", "{transaction}", "Projection saves: a checkpoint moved, in one transaction.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, Func<long>> IndexLags = new();

    /// <summary>The events whose tag rows and filter columns are not written yet, summed over this process's open SQLite stores.</summary>
    public static readonly ObservableGauge<long> IndexLag =
        Meter.CreateObservableGauge("provmon.index.lag.events", () => IndexLags.Values.Sum(lag => lag()), "{event}",
            "Events after the indexer's checkpoint (the log's tail that filtered queries read without an index).");

    /// <summary>Adds a store's lag to <see cref="IndexLag"/> until the returned handle is disposed.</summary>
    public static IDisposable ReportIndexLag(Func<long> lag)
    {
        var key = new object();
        IndexLags[key] = lag;
        return new Unregister(() => IndexLags.TryRemove(key, out _));
    }

    private sealed class Unregister(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
