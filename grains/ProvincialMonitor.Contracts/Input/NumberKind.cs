using System.Reflection;

namespace ProvincialMonitor.Contracts.Input;

/// <summary>What a number field holds, and so how many decimals it may have: money (two), a whole number (none) or a measure (its own).</summary>
public sealed record NumberKind(string Name, int Decimals)
{
    public static NumberKind Money { get; } = new("money", 2);

    public static NumberKind Whole { get; } = new("whole", 0);

    public static NumberKind Measure(int decimals) => new("measure", decimals);

    public bool IsWhole => Decimals == 0;

    /// <summary>The kind of the number property <paramref name="property"/> of <typeparamref name="T"/>.</summary>
    public static NumberKind For<T>(string property) =>
        Of(typeof(T).GetProperty(property) ?? throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property)))
        ?? throw new ArgumentException($"{typeof(T).Name}.{property} is not a number.", nameof(property));

    /// <summary>
    /// The kind of a command's number property: a whole number for <see cref="int"/> and <see cref="long"/>, and for a
    /// <see cref="decimal"/> the kind its attribute declares (<see cref="MoneyAttribute"/> or <see cref="DecimalsAttribute"/>).
    /// </summary>
    public static NumberKind? Of(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(int) || type == typeof(long)) return Whole;
        if (type != typeof(decimal)) return null;
        if (property.GetCustomAttribute<MoneyAttribute>() is not null) return Money;
        if (property.GetCustomAttribute<DecimalsAttribute>() is { } decimals) return Measure(decimals.Places);
        throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} is a decimal without [Money] or [Decimals(n)].");
    }
}

/// <summary>Euro: at most two decimals.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MoneyAttribute : Attribute;

/// <summary>A measure (a percentage, hectares, square metres, an indicator's value) with at most this many decimals.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DecimalsAttribute(int places) : Attribute
{
    public int Places { get; } = places;
}

/// <summary>The decimal mark of a file: every cell of the file is read with it.</summary>
public enum DecimalMark
{
    Point,
    Comma,
}
