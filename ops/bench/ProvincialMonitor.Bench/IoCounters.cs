using System.Diagnostics;
using System.Globalization;

namespace ProvincialMonitor.Bench;

/// <summary>
/// This process's I/O counters (Linux <c>/proc/self/io</c>) and CPU time at one moment. <c>write_bytes</c> and
/// <c>read_bytes</c> are what reached the block layer (a read from the page cache counts 0); <c>wchar</c> and
/// <c>rchar</c> every byte passed to write and read calls, files and sockets alike.
/// </summary>
public sealed record IoCounters(long WriteBytes, long ReadBytes, long CharsWritten, long CharsRead, TimeSpan Cpu, long Timestamp)
{
    public static bool Available => File.Exists("/proc/self/io");

    public static IoCounters Now()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        if (Available)
            foreach (var line in File.ReadAllLines("/proc/self/io"))
                if (line.Split(':', 2) is [var name, var value]) values[name] = long.Parse(value.Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetCurrentProcess();
        return new IoCounters(values.GetValueOrDefault("write_bytes"), values.GetValueOrDefault("read_bytes"),
            values.GetValueOrDefault("wchar"), values.GetValueOrDefault("rchar"), process.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    /// <summary>The growth from <paramref name="before"/> to this moment, per event, as the JSON gives it.</summary>
    public System.Text.Json.Nodes.JsonObject PerEvent(IoCounters before, long events) => new()
    {
        ["write_bytes_per_event"] = Math.Round((double)(WriteBytes - before.WriteBytes) / events),
        ["read_bytes_per_event"] = Math.Round((double)(ReadBytes - before.ReadBytes) / events),
        ["wchar_per_event"] = Math.Round((double)(CharsWritten - before.CharsWritten) / events),
        ["rchar_per_event"] = Math.Round((double)(CharsRead - before.CharsRead) / events),
        ["write_mb"] = Math.Round((WriteBytes - before.WriteBytes) / 1048576.0, 1),
        ["cpu_us_per_event"] = Math.Round((Cpu - before.Cpu).TotalMicroseconds / events),
        ["seconds"] = Math.Round(Stopwatch.GetElapsedTime(before.Timestamp, Timestamp).TotalSeconds, 2),
        ["events"] = events,
    };
}
