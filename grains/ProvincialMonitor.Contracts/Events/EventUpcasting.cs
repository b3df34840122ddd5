using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>
/// One step of an event's evolution: turns the data of the stored version <see cref="From"/> (<c>SubsidyGranted.v1</c>)
/// into the data of the next version (<c>SubsidyGranted.v2</c>). A pure function of the old data; it never sees the row's
/// envelope, and what it returns is never stored (docs/event-evolution.md).
/// </summary>
public sealed record Upcaster(string From, Func<JsonObject, JsonObject> Up);

/// <summary>The stored name names a version of a known event that this silo cannot read.</summary>
public sealed class UnknownEventVersionException(string eventType, string current)
    : JsonException($"{eventType} is a version this silo cannot read: it writes {current} and reads the older versions its upcasters name.")
{
    public string EventType { get; } = eventType;
}

/// <summary>
/// Reads any stored version of an event as its current record: the data of an older version goes through the chain
/// of upcasters (v1 → v2 → …) before it is deserialized. Every reader decodes through <see cref="EventJson"/>, which
/// uses <see cref="Default"/>; writers always write the current version.
/// </summary>
public sealed class EventUpcasters
{
    /// <summary>Every upcaster of the contracts, oldest version of each event first.</summary>
    public static readonly EventUpcasters Default = new(EventTypes.Current,
    [
        new("SubsidyGranted.v1", SubsidyGranted.FromV1),
    ]);

    private readonly IReadOnlyDictionary<string, Type> _current;
    private readonly Dictionary<string, Upcaster> _steps;
    private readonly Dictionary<string, (string Family, int Version)> _currentOfFamily;

    /// <param name="current">The current stored name of each event type (<c>SubsidyGranted.v2</c>).</param>
    /// <param name="upcasters">One step from every older version of every current type: a gap or a step from a version that is not older is an error.</param>
    public EventUpcasters(IReadOnlyDictionary<string, Type> current, IEnumerable<Upcaster> upcasters)
    {
        _current = current;
        _currentOfFamily = current.Keys.Select(Parse).ToDictionary(p => p.Family);
        _steps = [];
        foreach (var step in upcasters)
        {
            var (family, version) = Parse(step.From);
            if (!_currentOfFamily.TryGetValue(family, out var newest) || version >= newest.Version)
                throw new ArgumentException($"The upcaster from {step.From} does not lead to a current event type.", nameof(upcasters));
            if (!_steps.TryAdd(step.From, step))
                throw new ArgumentException($"{step.From} has two upcasters.", nameof(upcasters));
        }
        foreach (var (family, newest) in _currentOfFamily)
            for (var v = 1; v < newest.Version; v++)
                if (!_steps.ContainsKey(Name(family, v)))
                    throw new ArgumentException($"{Name(family, v)} has no upcaster to {Name(family, v + 1)}.", nameof(upcasters));
    }

    /// <summary>Every stored name this silo reads: the current ones and every older version.</summary>
    public IEnumerable<string> Readable => _current.Keys.Concat(_steps.Keys);

    /// <summary>The record an event of this stored name is read as; null for an event this silo does not know at all.</summary>
    /// <exception cref="UnknownEventVersionException">A version of a known event that is neither current nor upcast.</exception>
    public Type? TypeOf(string eventType)
    {
        if (_current.TryGetValue(eventType, out var type)) return type;
        var (family, _) = Parse(eventType);
        if (!_currentOfFamily.TryGetValue(family, out var newest)) return null;
        var currentName = Name(family, newest.Version);
        return _steps.ContainsKey(eventType) ? _current[currentName] : throw new UnknownEventVersionException(eventType, currentName);
    }

    /// <summary>The stored names of the current type <paramref name="currentName"/>'s event, oldest first (just the name for an unknown one).</summary>
    public IReadOnlyList<string> NamesOf(string currentName)
    {
        var (family, version) = Parse(currentName);
        return _currentOfFamily.ContainsKey(family) ? [.. Enumerable.Range(1, version).Select(v => Name(family, v))] : [currentName];
    }

    /// <summary>The event as its current record; null for an event this silo does not know at all.</summary>
    /// <exception cref="UnknownEventVersionException">A version of a known event that is neither current nor upcast.</exception>
    public IDomainEvent? Read(string eventType, string data, JsonSerializerOptions options)
    {
        if (_current.TryGetValue(eventType, out var type)) return (IDomainEvent?)JsonSerializer.Deserialize(data, type, options);
        if (TypeOf(eventType) is not { } target) return null;
        var json = JsonNode.Parse(data)?.AsObject() ?? throw new JsonException($"{eventType} has no data.");
        var (family, version) = Parse(eventType);
        for (var name = eventType; _steps.TryGetValue(name, out var step); name = Name(family, ++version))
            json = step.Up(json);
        return (IDomainEvent?)json.Deserialize(target, options);
    }

    private static string Name(string family, int version) => $"{family}.v{version}";

    /// <summary><c>SubsidyGranted.v2</c> → (SubsidyGranted, 2); a name without a version is version 0 of itself.</summary>
    private static (string Family, int Version) Parse(string eventType)
    {
        var dot = eventType.LastIndexOf(".v", StringComparison.Ordinal);
        return dot > 0 && int.TryParse(eventType.AsSpan(dot + 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? (eventType[..dot], v)
            : (eventType, 0);
    }
}
