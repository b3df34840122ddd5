using System.Reflection;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>A policy action as recorded. Serialized as camelCase JSON into the event store's data column.</summary>
public interface IDomainEvent;

/// <summary>Gives an event type a version above 1 (its stored name is <c>Name.vN</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventVersionAttribute(int version) : Attribute
{
    public int Version { get; } = version;
}

/// <summary>
/// Stored names of event types: <c>SubsidyGranted.v1</c>. Every <see cref="IDomainEvent"/> of this assembly has one, its
/// current version, which is what is written; older versions are still read (<see cref="EventUpcasters"/>).
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<Type, string> Names = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t, t => $"{t.Name}.v{t.GetCustomAttribute<EventVersionAttribute>()?.Version ?? 1}");

    /// <summary>The current stored name of every event type, with its record.</summary>
    public static IReadOnlyDictionary<string, Type> Current { get; } = Names.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The name an event of this type is written under: its current version.</summary>
    public static string NameOf(Type type) => Names.TryGetValue(type, out var name)
        ? name
        : throw new ArgumentException($"{type.Name} is not a domain event.", nameof(type));

    public static string NameOf(IDomainEvent e) => NameOf(e.GetType());

    /// <summary>Every name events of this type are stored under, oldest version first: what a filter on the log for this type asks for.</summary>
    public static IReadOnlyList<string> NamesOf(Type type) => EventUpcasters.Default.NamesOf(NameOf(type));

    /// <summary>The record an event stored under this name (any version this silo reads) is read as; null for an unknown name.</summary>
    public static Type? TypeOf(string name)
    {
        try { return EventUpcasters.Default.TypeOf(name); }
        catch (UnknownEventVersionException) { return null; }
    }

    /// <summary>Every stored name this silo reads, current and older versions.</summary>
    public static IReadOnlyCollection<string> All => [.. EventUpcasters.Default.Readable];

    /// <summary>
    /// Every stored name of the event that <paramref name="name"/> names: a stored name of any version, or the type's name
    /// without a version (<c>SubsidyGranted</c>); just the name for an unknown one.
    /// </summary>
    public static IReadOnlyList<string> VersionsOf(string name) =>
        (TypeOf(name) ?? Names.Keys.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))) is { } type ? NamesOf(type) : [name];
}

/// <summary>One field of an earlier event, corrected: its JSON name, the value before and the value after (JSON text).</summary>
[GenerateSerializer, Immutable]
public sealed record FieldCorrection(
    [property: Id(0)] string Field,
    [property: Id(1)] string? OldValue,
    [property: Id(2)] string NewValue);
