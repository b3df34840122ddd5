using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// A page's query parameter (<see cref="SupplyParameterFromQueryAttribute"/>) whose value does not read as its type
/// is a 400 that names it: Blazor would fail the whole page on it (a 500). Read as Blazor reads them: invariant culture.
/// </summary>
public static class PageQueries
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> Typed = new();

    public static WebApplication UsePageQueryChecks(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } page) return next(context);
            foreach (var (name, type) in Typed.GetOrAdd(page.Type, TypedParameters))
                foreach (var value in context.Request.Query[name])
                    if (!string.IsNullOrEmpty(value) && !Reads(value, type))
                        return Problems.Invalid400(name, Refusals.FieldWrongType, ("type", type.Name)).ExecuteAsync(context);
            return next(context);
        });
        return app;
    }

    /// <summary>The page's query parameters of another type than text, by name, with the type of one value.</summary>
    private static (string Name, Type Type)[] TypedParameters(Type page) =>
    [
        .. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Query is not null)
            .Select(p => (p.Query!.Name ?? p.Property.Name, ValueType(p.Property.PropertyType)))
            .Where(p => p.Item2 != typeof(string)),
    ];

    private static Type ValueType(Type type)
    {
        var one = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(one) ?? one;
    }

    private static bool Reads(string value, Type type)
    {
        var culture = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, culture, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, culture, out _),
            _ when type == typeof(bool) => bool.TryParse(value, out _),
            _ when type == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, culture, out _),
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Number, culture, out _),
            _ when type == typeof(float) => float.TryParse(value, NumberStyles.Number, culture, out _),
            _ when type == typeof(Guid) => Guid.TryParse(value, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(value, culture, DateTimeStyles.None, out _),
            _ when type == typeof(DateTime) => DateTime.TryParse(value, culture, DateTimeStyles.None, out _),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(value, culture, DateTimeStyles.None, out _),
            // A type Blazor reads otherwise: leave it to the page.
            _ => true,
        };
    }
}
