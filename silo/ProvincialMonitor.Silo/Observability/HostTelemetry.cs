using System.Diagnostics.Metrics;
using ProvincialMonitor.EventStore.Telemetry;

namespace ProvincialMonitor.Silo.Observability;

/// <summary>The host's meters: the hub, the live push and the projection lag, under the monitor's meter name.</summary>
public static class HostTelemetry
{
    private static readonly Meter Meter = new(MonitorTelemetry.Name);

    /// <summary>Connections open on this silo's SignalR hub.</summary>
    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("provmon.hub.connections", "{connection}", "Open connections to /hubs/indicators.");

    /// <summary>From the commit of the newest event in a flush to the flush to the hub and circuits.</summary>
    public static readonly Histogram<double> PushLatency =
        Meter.CreateHistogram<double>("provmon.push.latency", "ms", "Time from the commit of the newest pushed event to the live feed's flush.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MonitorTelemetry.MillisecondBuckets });

    private static long s_lagEvents = -1;
    private static double s_lagSeconds;

    static HostTelemetry()
    {
        Meter.CreateObservableGauge("provmon.projection.lag.events", ObserveLagEvents, "{event}",
            "Events in the store that the projector has not folded yet.");
        Meter.CreateObservableGauge("provmon.projection.lag.seconds", ObserveLagSeconds, "s",
            "How long the oldest event the projector has not folded has been waiting.");
    }

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
}
