using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The request body schema of a catalog command, read from the command's own checks: a field is required when the checks
/// refuse the command without it, its values are an enumeration when the checks name the options, and a number field has
/// the format and step of its <see cref="NumberKind"/>. Route values the entry puts in the command are never required.
/// </summary>
public static class CommandSchemas
{
    private const string Probe = "\u0001";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is null) return Task.CompletedTask;
        var type = context.JsonTypeInfo.Type;
        if (CommandCatalog.Of(type) is { } entry) DescribeCommand(schema, entry);
        else if (ItemFields(type).Any()) Require(schema, ItemRequired(type));
        return Task.CompletedTask;
    }

    /// <summary>The body of a catalog command as a client sends it: its fields but those the route fills, each with whether the checks require it and the values they accept.</summary>
    public static IReadOnlyList<BodyField> BodyFields(CommandEntry entry)
    {
        var fromRoute = FromRoute(entry);
        var refused = Errors(entry.Command, _ => null).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return [.. entry.Fields.Where(f => !fromRoute.Contains(f.Key))
            .Select(f => new BodyField(f.Key, f.Value, refused.Contains(f.Key), Options(entry, f.Key)))];
    }

    /// <summary>The members of a list item that every command listing such items requires (see <see cref="ItemRequired(CommandEntry, string, Type)"/>).</summary>
    public static IReadOnlySet<string> ItemRequired(Type item) =>
        ItemFields(item).Select(o => ItemRequired(o.Entry, o.Field, item)).Aggregate((a, b) => [.. a.Intersect(b)]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A field is required when the command with no field given is refused with an error on that field; a list also needs an
    /// item (<c>minItems: 1</c>) when the command with only that list, empty, is refused on it.
    /// </summary>
    private static void DescribeCommand(OpenApiSchema schema, CommandEntry entry)
    {
        var fromRoute = FromRoute(entry);
        var refused = Errors(entry.Command, _ => null).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        Require(schema, refused.Where(f => !fromRoute.Contains(f)));
        foreach (var (name, property) in schema.Properties!)
        {
            if (property is not OpenApiSchema field) continue;
            var target = field.Items as OpenApiSchema ?? field;
            if (Options(entry, name) is { } options) target.Enum = [.. options.Select(o => (JsonNode)JsonValue.Create(o)!)];
            if (entry.NumberKinds.GetValueOrDefault(name) is { } kind && !kind.IsWhole)
                field.MultipleOf = 1m / (decimal)Math.Pow(10, kind.Decimals);
            if (entry.Fields.GetValueOrDefault(name) is { IsArray: true } list && !fromRoute.Contains(name)
                && Errors(entry.Command, n => n == name ? Array.CreateInstance(list.GetElementType()!, 0) : null).Any(e => e.Field == name))
                field.MinItems = 1;
        }
    }

    /// <summary>The members of a list's item that the command's checks refuse when the list holds one item with nothing given.</summary>
    private static IEnumerable<string> ItemRequired(CommandEntry entry, string field, Type item)
    {
        var one = Array.CreateInstance(item, 1);
        one.SetValue(RuntimeHelpers.GetUninitializedObject(item), 0);
        var prefix = $"{field}[0].";
        return Errors(entry.Command, n => n == field ? one : null)
            .Where(e => e.Field.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Field[prefix.Length..]).Distinct();
    }

    /// <summary>The catalog commands' list fields whose items are of <paramref name="item"/> (an object, not a text).</summary>
    private static IEnumerable<(CommandEntry Entry, string Field)> ItemFields(Type item) =>
        item.IsClass && item != typeof(string)
            ? CommandCatalog.All.SelectMany(e => e.Fields.Where(f => f.Value.IsArray && f.Value.GetElementType() == item).Select(f => (e, f.Key)))
            : [];

    /// <summary>Marks the schema's members required (and not nullable) that are in <paramref name="names"/>.</summary>
    private static void Require(OpenApiSchema schema, IEnumerable<string> names)
    {
        var required = names.Where(schema.Properties!.ContainsKey).ToHashSet(StringComparer.Ordinal);
        schema.Required = new SortedSet<string>(required, StringComparer.Ordinal);
        foreach (var name in required)
            if (schema.Properties![name] is OpenApiSchema { Type: { } type } field) field.Type = type & ~JsonSchemaType.Null;
    }

    /// <summary>The values the checks accept for a text field (or the items of a list of texts); null when any text may do.</summary>
    private static string[]? Options(CommandEntry entry, string field)
    {
        if (field == "body") return [.. Bodies.All];
        var type = entry.Fields.GetValueOrDefault(field);
        object? probe = type == typeof(string) ? Probe : type == typeof(string[]) ? new[] { Probe } : null;
        if (probe is null) return null;
        var options = Errors(entry.Command, name => name == field ? probe : null)
            .Where(e => e.Field == field || e.Field == $"{field}[0]")
            .Select(e => e.Arguments.GetValueOrDefault("options")).FirstOrDefault(o => o is not null);
        return options?.Split(", ");
    }

    /// <summary>The fields of the command that the entry fills from the route.</summary>
    private static HashSet<string> FromRoute(CommandEntry entry)
    {
        if (entry.FromRoute is null) return [];
        var empty = Instance(entry.Command, _ => null);
        var filled = entry.FromRoute(empty, _ => Probe);
        return [.. Writable(entry.Command).Where(p => !Equals(p.GetValue(empty), p.GetValue(filled))).Select(p => Json(p.Name))];
    }

    private static IReadOnlyList<FieldError> Errors(Type command, Func<string, object?> value) => Instance(command, value).Validate();

    /// <summary>A command with each field's value from <paramref name="value"/> by JSON name (null: none).</summary>
    private static Command Instance(Type type, Func<string, object?> value)
    {
        var command = (Command)RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in Writable(type))
            if (value(Json(property.Name)) is { } v) property.SetValue(command, v);
        return command;
    }

    private static IEnumerable<PropertyInfo> Writable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract");

    private static string Json(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>A field of a command's body: its JSON name, its type (nullable unwrapped), whether it is required, and the values it may take (null: any).</summary>
public sealed record BodyField(string Name, Type Type, bool Required, IReadOnlyList<string>? Options);
