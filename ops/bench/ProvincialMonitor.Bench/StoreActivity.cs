using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;

namespace ProvincialMonitor.Bench;

/// <summary>
/// What wrote to the store while this lives, from the product's own meters: the writer's group commits and their events
/// (<c>provmon.append.batch.size</c>) and the projector's saves of its checkpoints (<c>provmon.projection.saves</c>), so
/// that the bytes a window wrote can be set against who committed them.
/// </summary>
public sealed class StoreActivity : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _commits, _events, _saves;

    public StoreActivity()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ProvincialMonitor" && instrument.Name is "provmon.append.batch.size" or "provmon.projection.saves")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _events, value);
        });
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _saves, value));
        _listener.Start();
    }

    /// <summary>The counts so far, and per event of <paramref name="events"/> with the bytes the window wrote (<paramref name="bytesWritten"/>).</summary>
    public JsonObject Figures(long events, long bytesWritten)
    {
        var commits = Interlocked.Read(ref _commits);
        var saves = Interlocked.Read(ref _saves);
        var transactions = commits + saves;
        return new JsonObject
        {
            ["append_commits"] = commits,
            ["events_per_commit"] = commits == 0 ? 0 : Math.Round((double)Interlocked.Read(ref _events) / commits, 1),
            ["projection_saves"] = saves,
            ["write_bytes_per_transaction"] = transactions == 0 ? 0 : Math.Round((double)bytesWritten / transactions),
        };
    }

    public void Dispose() => _listener.Dispose();
}
