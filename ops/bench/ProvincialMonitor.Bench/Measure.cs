using System.Diagnostics;

namespace ProvincialMonitor.Bench;

/// <summary>Throughput and latency of a closed loop: <c>inFlight</c> workers, each sending its next operation when the last one answered.</summary>
/// <remarks>
/// <see cref="CpuUsPerOp"/> and <see cref="AllocKbPerOp"/> are this whole process's CPU time and managed allocations
/// during the loop divided by the operations: with an in-process silo that includes the projector and everything else it does.
/// </remarks>
public sealed record LoopResult(int Count, int Failed, double Seconds, double EventsPerSecond, double P50Ms, double P99Ms, string? FirstError,
    double CpuUsPerOp = 0, double AllocKbPerOp = 0, int Gen2 = 0, double GcPausePercent = 0, double EventsPerCommit = 0);

public static class Measure
{
    public static async Task<LoopResult> ClosedLoopAsync(int total, int inFlight, Func<int, Task<string?>> operation)
    {
        var latencies = new double[total];
        var failed = 0;
        string? firstError = null;
        var next = -1;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocBefore = GC.GetTotalAllocatedBytes();
        var gen2Before = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        using var commits = new CommitCounter();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var start = Stopwatch.GetTimestamp();
                string? error;
                try { error = await operation(i); }
                catch (Exception ex) { error = ex.GetType().Name + ": " + ex.Message; }
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (error is not null)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / total;
        var alloc = (GC.GetTotalAllocatedBytes() - allocBefore) / 1024.0 / total;
        var ok = total - failed;
        return new LoopResult(total, failed, clock.Elapsed.TotalSeconds, ok / clock.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), firstError, cpu, alloc, GC.CollectionCount(2) - gen2Before,
            100 * (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / clock.Elapsed.TotalSeconds, commits.EventsPerCommit);
    }

    /// <summary>
    /// Runs rounds of a loop for <paramref name="seconds"/> before the measured loop. A fresh process runs the JIT's first,
    /// unoptimised code (tiered compilation), several times dearer per command than after some seconds of load
    /// (docs/performance.md, "The benchmark"). The measured loop then shows a silo that has been
    /// running, as it has when a campaign's entries pour in. Returns the rounds run, which the figures report.
    /// </summary>
    public static async Task<int> WarmUpAsync(Func<int, Task<LoopResult>> round, double seconds)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        LoopResult last;
        do
        {
            last = await round(++rounds);
            if (last.Failed > 0) throw new InvalidOperationException($"warming up: {last.FirstError}");
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        Console.WriteLine($"    warmed up: {rounds} rounds in {clock.Elapsed.TotalSeconds:N0} s; the last {last.EventsPerSecond:N0} ev/s, process CPU {last.CpuUsPerOp:N0} µs per command");
        return rounds;
    }

    /// <summary>The store's group commits in this process while it lives (the <c>provmon.append.batch.size</c> histogram).</summary>
    private sealed class CommitCounter : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _commits, _events;

        public CommitCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "provmon.append.batch.size") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
            {
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _events, value);
            });
            _listener.Start();
        }

        public double EventsPerCommit => _commits == 0 ? 0 : (double)Interlocked.Read(ref _events) / Interlocked.Read(ref _commits);

        public void Dispose() => _listener.Dispose();
    }

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 0.5);

    /// <summary>
    /// The live managed heap's peak above its level before, while <paramref name="work"/> runs (MB): every 250 ms a full,
    /// blocking collection measures what is still referenced. This slows the work down: never time the same pass.
    /// </summary>
    public static async Task<(T Result, double PeakMb)> WithPeakHeapAsync<T>(Func<Task<T>> work)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(250, stop.Token); } catch (OperationCanceledException) { break; }
                var now = GC.GetTotalMemory(forceFullCollection: true);
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await sampler;
        return (result, (Interlocked.Read(ref peak) - baseline) / 1024.0 / 1024.0);
    }
}
