using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Reference;

/// <summary>
/// The stream <c>reference-municipalities</c> (key <see cref="ReferenceGrain.Key"/>, one grain for the cluster): the
/// municipalities of a boundary version, recorded by the system at start. Nothing decides on it; the record's fixed
/// idempotency key makes a second start add nothing.
/// </summary>
public interface IReferenceGrain : IGrainWithStringKey
{
    /// <summary>Records the municipalities of the reference data's boundary version; false when they were recorded before.</summary>
    Task<bool> LoadMunicipalities();
}

public sealed class ReferenceGrain(IEventStore store, MonitorClock clock) : Grain, IReferenceGrain
{
    public const string Key = StreamIds.ReferenceMunicipalities;

    private const string IdempotencyKey = "reference/municipalities/2025";

    public async Task<bool> LoadMunicipalities()
    {
        var rows = ReferenceData.Municipalities
            .Select(m => new MunicipalityRow(m.NisCode, m.NameNl, m.NameFr, m.ArrondissementNis, m.ProvinceSlug, m.MergedFromNis))
            .ToArray();
        var loaded = new MunicipalitiesLoaded(ReferenceData.MunicipalityBoundaryVersion, new DateOnly(2025, 1, 1),
            "Statbel REFNIS with the mergers of 1 January 2025", rows);
        var context = new CommandContext(Actor.System, Sources.Reference, clock.Now, Guid.CreateVersion7(), IdempotencyKey: IdempotencyKey);
        var append = EventEnvelopes.ToAppend(
            new NewEvent(loaded, loaded.InForceFrom, new EventScope([.. ProvinceSlugs.All], null, [])), null, null, context);
        var result = await store.AppendAsync(StreamIds.ReferenceMunicipalities, ExpectedVersion.Any, [append],
            new IdempotencyRequest(Actor.System.Id, IdempotencyKey, IdempotencyKey));
        return !result.Replayed;
    }
}
