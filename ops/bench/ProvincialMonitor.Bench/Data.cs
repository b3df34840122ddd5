using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Bench;

/// <summary>
/// Valid project streams built from the product's own domain events and envelopes (EventEnvelopes: the metadata and tags
/// the grains write), appended through the store's public AppendAsync, so that the chain, positions and tags are the store's.
/// </summary>
public static class Data
{
    public static readonly Actor BenchActor = new("bench", Roles.Admin, [], []);
    private static readonly string[] Domains = [.. PolicyDomains.DutchNames.Keys];

    public static CommandContext Context() => new(BenchActor, "import", MonitorClock.System.Now, Guid.CreateVersion7());

    /// <summary>The events of one project: registered, located, then grant / payment / output in turn (a relocation halfway for some); effective dates spread evenly from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static List<EventToAppend> ProjectEvents(string projectId, int index, int length, DateOnly from, DateOnly to)
    {
        var province = ProvinceSlugs.All[index % ProvinceSlugs.All.Count];
        var domain = Domains[index % Domains.Length];
        var scope = new EventScope([province], domain, []);
        var context = Context();
        var span = to.DayNumber - from.DayNumber;
        DateOnly DateOf(int i) => DateOnly.FromDayNumber(from.DayNumber + (int)((long)span * i / Math.Max(1, length - 1)));
        var events = new List<EventToAppend>(length);
        for (var i = 0; i < length; i++)
        {
            IDomainEvent e = i == 0
                ? new ProjectRegistered(projectId, $"Bench project {index}", null, province, [], domain, [], [], null, null, 1_000_000m, null)
                : Location(index, i, length, province) is { } located ? located
                : ((i - 1) % 3) switch
                {
                    0 => new SubsidyGranted($"G-{i}", 10_000m + (i % 97), Funders.All[i % Funders.All.Length], Funders.NamesAProvince(Funders.All[i % Funders.All.Length]) ? province : null),
                    1 => new SubsidyPaid($"G-{i - 1}", 5_000m, $"P-{i}"),
                    _ => new OutputReported(OutputMetrics.All[i % OutputMetrics.All.Length], i % 50, "2026"),
                };
            events.Add(EventEnvelopes.ToAppend(new NewEvent(e, DateOf(i), scope), null, null, context));
        }
        return events;
    }

    /// <summary>
    /// A project's location (docs/domain.md "Figures per municipality"): right after its registration, in one or two
    /// municipalities of its lead province (every tenth project none); every third project moves halfway.
    /// </summary>
    private static ProjectLocated? Location(int index, int i, int length, string province)
    {
        var moves = index % 3 == 0 && i == length / 2 && i > 1;
        if (!(i == 1 && index % 10 != 0) && !moves) return null;
        var own = Municipalities[province];
        var first = own[(index * 7 + (moves ? 3 : 0)) % own.Length];
        return new ProjectLocated(index % 4 == 0 ? [first, own[(index * 7 + 1) % own.Length]] : [first]);
    }

    private static readonly Dictionary<string, string[]> Municipalities = Contracts.Reference.ReferenceData.Municipalities
        .GroupBy(m => m.ProvinceSlug).ToDictionary(g => g.Key, g => g.Select(m => m.NisCode).ToArray());

    /// <summary>Appends <paramref name="events"/> to the stream in appends of <paramref name="perAppend"/>, each with its expected version.</summary>
    public static async Task AppendAllAsync(IEventStore store, string streamId, List<EventToAppend> events, int perAppend)
    {
        for (var offset = 0; offset < events.Count; offset += perAppend)
        {
            var chunk = events.GetRange(offset, Math.Min(perAppend, events.Count - offset));
            await store.AppendAsync(streamId, offset, chunk);
        }
    }

    /// <summary>Writes <paramref name="total"/> events as <paramref name="projects"/> project streams, <paramref name="inFlight"/> streams at a time.</summary>
    public static async Task<(double Seconds, long Head)> WriteLogAsync(IEventStore store, long total, int projects, int inFlight, DateOnly from, DateOnly to)
    {
        var perProject = (int)(total / projects);
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int p;
            while ((p = Interlocked.Increment(ref next)) < projects)
            {
                var id = Guid.CreateVersion7().ToString();
                await AppendAllAsync(store, StreamIds.Project(id), ProjectEvents(id, p, perProject, from, to), 200);
            }
        })));
        return (clock.Elapsed.TotalSeconds, (await store.GetHeadAsync()).Position);
    }
}
