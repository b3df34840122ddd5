using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Grains.Projections;

/// <summary>
/// The business parks folded from the log: each park's facts (corrections patched in, retractions dropped) and the park
/// they make, with dated plots. The figures are read from it on a given day (<see cref="BusinessParkFigures"/>).
/// </summary>
public sealed class BusinessParkModel : IProjectionModel
{
    public const string Projection = ReadModels.BusinessParks;

    private readonly Dictionary<string, List<Fact>> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _demo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParkRecord> _parks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public string Name => Projection;

    public long Position { get; private set; }

    /// <summary>When the last event folded was recorded: the moment a fold up to a position shows.</summary>
    public DateTimeOffset LastRecordedAt { get; private set; }

    /// <summary>The registered parks, by slug.</summary>
    public IReadOnlyDictionary<string, ParkRecord> Parks => _parks;

    public void Apply(RecordedEvent recorded, RecordedEvent? target = null)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        Position = recorded.Position;
        LastRecordedAt = recorded.RecordedAt;
        if (StreamIds.BusinessParkSlug(recorded.StreamId) is not { } slug) return;
        if (!_facts.TryGetValue(slug, out var facts)) _facts[slug] = facts = [];
        var e = EventJson.Deserialize(recorded.EventType, recorded.Data);
        switch (e)
        {
            case ICorrection correction:
                var i = facts.FindIndex(f => f.EventId == correction.CorrectedEventId);
                if (i >= 0) facts[i] = facts[i] with { Data = Evolution.Patch(facts[i].Data, correction.Changes) };
                break;
            case IRetraction retraction:
                facts.RemoveAll(f => f.EventId == retraction.RetractedEventId);
                break;
            case BusinessParkRegistered:
                _demo[slug] = recorded.Tags.Source == Sources.Demo;
                facts.Add(new Fact(recorded.EventId, recorded.EventType, recorded.Data, recorded.EffectiveDate));
                break;
            case not null:
                facts.Add(new Fact(recorded.EventId, recorded.EventType, recorded.Data, recorded.EffectiveDate));
                break;
        }
        if (Fold(slug, facts, _demo.GetValueOrDefault(slug)) is { } park) _parks[slug] = park;
        else _parks.Remove(slug);
        _changed.Add(slug);
    }

    public IReadOnlyCollection<string> TakeChanged()
    {
        string[] changed = [.. _changed];
        _changed.Clear();
        return changed;
    }

    /// <summary>The park its facts make, oldest first; null before its registration.</summary>
    private static ParkRecord? Fold(string slug, List<Fact> facts, bool demo)
    {
        ParkRecord? park = null;
        foreach (var fact in facts)
        {
            var e = EventJson.Deserialize(fact.EventType, fact.Data);
            park = (e, park) switch
            {
                (BusinessParkRegistered r, _) => new ParkRecord(slug, r.Name, r.Municipality, r.Province, r.GrossHectares, r.NetHectares, r.Kind,
                    r.ManagingBody, BusinessParkPhases.Planned, null, [], null, demo),
                (_, null) => null,
                (BusinessParkPhaseChanged p, _) => park with { Phase = p.Phase, PhaseSince = fact.EffectiveDate },
                (PlotIssued p, _) => park with { Plots = [.. park.Plots, new ParkPlot(fact.EventId, fact.EffectiveDate, p.Buyer, p.Hectares, p.Sector)] },
                (BusinessParkVacancyMeasured v, _) when park.Measured is null || park.Measured.On <= fact.EffectiveDate =>
                    park with { Measured = new ParkMeasurement(fact.EffectiveDate, v.VacantHectares, v.ReserveHectares) },
                _ => park,
            };
        }
        return park;
    }
}

/// <summary>A measurement of vacancy and reserves on its day.</summary>
public sealed record ParkMeasurement(DateOnly On, decimal Vacant, decimal Reserve);

/// <summary>A park as the figures read it. <see cref="Measured"/>: the measurement of the latest day.</summary>
public sealed record ParkRecord(
    string Slug, string Name, string Municipality, string Province, decimal GrossHectares, decimal NetHectares, string Kind,
    string ManagingBody, string Phase, DateOnly? PhaseSince, IReadOnlyList<ParkPlot> Plots, ParkMeasurement? Measured, bool Demo);
