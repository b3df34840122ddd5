using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.EventStore.Sqlite;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Tests;

/// <summary>An embedded store in a folder of its own, filled with domain events in the envelopes the grains write; deleted on dispose.</summary>
internal sealed class TemporaryStore : IAsyncDisposable
{
    private readonly string _folder;
    private readonly CommandContext _context = new(Actor.System, Sources.Api, MonitorClock.System.Now, Guid.NewGuid());

    private TemporaryStore(string folder, RelationalEventStore store)
    {
        _folder = folder;
        Store = store;
    }

    public RelationalEventStore Store { get; }

    /// <summary>Brussels' day of the moment the store was made: the effective date the events get unless told otherwise.</summary>
    public DateOnly Today => _context.Today;

    public static async Task<TemporaryStore> OpenAsync(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        return new TemporaryStore(folder, await SqliteEventStore.OpenAsync(Path.Combine(folder, "events.db")));
    }

    /// <summary>Appends one event to the stream (any version) and answers its id; <paramref name="source"/> as the metadata's source (default api).</summary>
    public async Task<Guid> AppendAsync(string stream, IDomainEvent e, EventScope scope, DateOnly? effective = null, string? source = null) =>
        (await Store.AppendAsync(stream, ExpectedVersion.Any,
            [EventEnvelopes.ToAppend(new NewEvent(e, effective ?? Today, scope), null, null, source is null ? _context : _context with { Source = source })])).EventIds[0];

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
