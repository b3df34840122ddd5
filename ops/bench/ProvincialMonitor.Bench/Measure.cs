using System.Diagnostics;

namespace ProvincialMonitor.Bench;

/// <summary>Throughput and latency of a closed loop: <c>inFlight</c> workers, each sending its next operation when the last one answered.</summary>
public sealed record LoopResult(int Count, int Failed, double Seconds, double EventsPerSecond, double P50Ms, double P99Ms, string? FirstError);

public static class Measure
{
    public static async Task<LoopResult> ClosedLoopAsync(int total, int inFlight, Func<int, Task<string?>> operation)
    {
        var latencies = new double[total];
        var failed = 0;
        string? firstError = null;
        var next = -1;
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
        var ok = total - failed;
        return new LoopResult(total, failed, clock.Elapsed.TotalSeconds, ok / clock.Elapsed.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), firstError);
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
    /// Samples the managed heap's size as of the latest collection (live objects and survivors, not garbage waiting for
    /// a gen-0 collection) while <paramref name="work"/> runs; returns the work's result and the peak above the heap before it (MB).
    /// </summary>
    public static async Task<(T Result, double PeakMb)> WithPeakHeapAsync<T>(Func<Task<T>> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetGCMemoryInfo().HeapSizeBytes;
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetGCMemoryInfo().HeapSizeBytes;
                if (now > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, now);
                try { await Task.Delay(10, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await sampler;
        return (result, (Interlocked.Read(ref peak) - baseline) / 1024.0 / 1024.0);
    }
}
