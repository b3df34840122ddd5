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
        if (context.JsonPropertyInfo is not null || CommandCatalog.Of(context.JsonTypeInfo.Type) is not { } entry || schema.Properties is null)
            return Task.CompletedTask;
        var fromRoute = FromRoute(entry);
        var required = Errors(entry.Command, _ => null).Where(e => e.Code == Refusals.FieldRequired.Code).Select(e => e.Field)
            .Where(f => schema.Properties.ContainsKey(f) && !fromRoute.Contains(f)).ToHashSet(StringComparer.Ordinal);
        schema.Required = new SortedSet<string>(required, StringComparer.Ordinal);
        foreach (var (name, property) in schema.Properties)
        {
            if (property is not OpenApiSchema field) continue;
            if (required.Contains(name) && field.Type is { } type) field.Type = type & ~JsonSchemaType.Null;
            var target = field.Items as OpenApiSchema ?? field;
            if (Options(entry, name) is { } options) target.Enum = [.. options.Select(o => (JsonNode)JsonValue.Create(o)!)];
            if (entry.NumberKinds.GetValueOrDefault(name) is { } kind && !kind.IsWhole)
                field.MultipleOf = 1m / (decimal)Math.Pow(10, kind.Decimals);
        }
        return Task.CompletedTask;
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
