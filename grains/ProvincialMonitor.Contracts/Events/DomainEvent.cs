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

/// <summary>Stored names of event types: <c>SubsidyGranted.v1</c>. Every <see cref="IDomainEvent"/> of this assembly has one.</summary>
public static class EventTypes
{
    private static readonly Dictionary<Type, string> Names = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t, t => $"{t.Name}.v{t.GetCustomAttribute<EventVersionAttribute>()?.Version ?? 1}");

    private static readonly Dictionary<string, Type> Types = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string NameOf(Type type) => Names.TryGetValue(type, out var name)
        ? name
        : throw new ArgumentException($"{type.Name} is not a domain event.", nameof(type));

    public static string NameOf(IDomainEvent e) => NameOf(e.GetType());

    public static Type? TypeOf(string name) => Types.GetValueOrDefault(name);

    public static IReadOnlyCollection<string> All => Types.Keys;
}

/// <summary>One field of an earlier event, corrected: its JSON name, the value before and the value after (JSON text).</summary>
[GenerateSerializer, Immutable]
public sealed record FieldCorrection(
    [property: Id(0)] string Field,
    [property: Id(1)] string? OldValue,
    [property: Id(2)] string NewValue);
