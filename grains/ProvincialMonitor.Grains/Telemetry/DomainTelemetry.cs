using System.Diagnostics.Metrics;
using ProvincialMonitor.EventStore.Telemetry;

namespace ProvincialMonitor.Grains.Telemetry;

/// <summary>
/// The meters of the commands and of the chain's watch (docs/operations.md "Observability"), under the monitor's meter name.
/// </summary>
public static class DomainTelemetry
{
    private static readonly Meter Meter = new(MonitorTelemetry.Name);

    /// <summary>Commands answered with their first result because the Idempotency-Key was seen before.</summary>
    public static readonly Counter<long> IdempotentReplays =
        Meter.CreateCounter<long>("provmon.idempotent.replays", "{command}", "Commands answered from an earlier result (same Idempotency-Key).");

    /// <summary>Refused commands, tagged with <c>kind</c> (invalid, forbidden, not-found, conflict, …).</summary>
    public static readonly Counter<long> CommandsRefused =
        Meter.CreateCounter<long>("provmon.commands.refused", "{command}", "Commands refused, by kind.");

    /// <summary>Anchors that could not be appended to a witness folder (the anchor folder has them).</summary>
    public static readonly Counter<long> AnchorWitnessFailures =
        Meter.CreateCounter<long>("provmon.anchor.witness.failures", "{anchor}", "Anchors that could not be written to a witness folder.");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, bool> s_chains = new(ReferenceEqualityComparer.Instance);

    static DomainTelemetry() =>
        Meter.CreateObservableGauge("provmon.chain.intact", ObserveChainIntact, null,
            "1 while the hash chain matches itself and the anchors as far as this silo has checked, 0 once it found a break.");

    /// <summary>
    /// Sets what the chain gauge reports for one checker (a silo's): 1 intact, 0 broken; nothing until its first
    /// check. Several silos in one process (tests) report the worst of them.
    /// </summary>
    public static void ReportChainIntact(object checker, bool intact) => s_chains[checker] = intact;

    /// <summary>Takes a checker that stopped out of the chain gauge.</summary>
    public static void ForgetChain(object checker) => s_chains.TryRemove(checker, out _);

    private static IEnumerable<Measurement<int>> ObserveChainIntact() =>
        s_chains.IsEmpty ? [] : [new Measurement<int>(s_chains.Values.All(intact => intact) ? 1 : 0)];

    /// <summary>Counts a refusal under its kind; the tag values are constants, so that recording does not allocate.</summary>
    public static void RecordRefusal(string kind) =>
        CommandsRefused.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
