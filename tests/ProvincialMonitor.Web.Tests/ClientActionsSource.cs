using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Silo.Api;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// Writes the client's typed actions (client/ProvincialMonitor.Client/Actions.cs) from the command catalog: one body record
/// per routed command with the fields its checks require marked <c>required</c>, and one method per route that takes the
/// route's values and the body. <see cref="ClientActionsTests"/> keeps the file equal to what this writes.
/// </summary>
public static partial class ClientActionsSource
{
    public const string RelativePath = "client/ProvincialMonitor.Client/Actions.cs";

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(decimal)] = "decimal",
        [typeof(bool)] = "bool", [typeof(DateOnly)] = "DateOnly", [typeof(DateTimeOffset)] = "DateTimeOffset",
        [typeof(Guid)] = "Guid", [typeof(JsonElement)] = "JsonElement",
    };

    /// <summary>The catalog's commands that have a route, in the catalog's order.</summary>
    public static IEnumerable<CommandEntry> Routed => CommandCatalog.All.Where(e => e.Route is not null);

    /// <summary>The route's values in order (<c>{slug}</c>, <c>{id}</c>, …).</summary>
    public static IReadOnlyList<string> RouteValues(string route) => [.. RouteValue().Matches(route).Select(m => m.Groups[1].Value)];

    public static string Write()
    {
        var text = new StringBuilder();
        text.AppendLine("// Made from the command catalog by ClientActionsSource (tests/ProvincialMonitor.Web.Tests); do not edit by hand.")
            .AppendLine("// PROVMON_UPDATE_OPENAPI=1 dotnet test tests/ProvincialMonitor.Web.Tests --filter ClientActionsTests writes it again.")
            .AppendLine("using System.Text.Json;")
            .AppendLine("using System.Text.Json.Serialization;")
            .AppendLine("using ProvincialMonitor.Client.Actions;")
            .AppendLine()
            .AppendLine("namespace ProvincialMonitor.Client")
            .AppendLine("{")
            .AppendLine("    /// <summary>One method per action of the command catalog: the route's values, then the action's body.</summary>")
            .AppendLine("    public static class ActionMethods")
            .AppendLine("    {");
        foreach (var entry in Routed) Method(text, entry);
        text.AppendLine("""
                    private static string Value(string name, string value)
                    {
                        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
                        return Uri.EscapeDataString(value);
                    }
                }
            }

            namespace ProvincialMonitor.Client.Actions
            {
            """);
        var records = Routed.Select(Body).Concat(Items().Select(Item)).Append(Contracts());
        text.AppendJoin("\n", records).AppendLine("}");
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static void Method(StringBuilder text, CommandEntry entry)
    {
        var values = RouteValues(entry.Route!);
        static string Hole(Match m) => $"{{Value(\"{m.Groups[1].Value}\", {m.Groups[1].Value})}}";
        var route = values.Count == 0 ? $"\"{entry.Route}\"" : "$\"" + RouteValue().Replace(entry.Route!, Hole) + "\"";
        var parameters = string.Concat(values.Select(v => $", string {v}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"""
                    /// <summary>{entry.Label}: <c>{entry.Method} {entry.Route}</c> (<c>{entry.Action}</c>).</summary>
                    public static Task<CommandResult> {entry.Command.Name}Async(this ProvincialMonitorClient client{parameters}, {entry.Command.Name} action,
                        string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
                        client.SendAsync({route}, action, idempotencyKey, cancellationToken);

            """);
    }

    private static string Body(CommandEntry entry)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>The body of <c>{entry.Action}</c> ({entry.Label}).</summary>")
            .AppendLine(CultureInfo.InvariantCulture, $"    public sealed record {entry.Command.Name}")
            .AppendLine("    {");
        foreach (var field in CommandSchemas.BodyFields(entry))
            Property(text, field.Name, field.Type, field.Required, field.Options, "        ");
        return text.AppendLine("    }").ToString();
    }

    private static string Item(Type item)
    {
        var required = CommandSchemas.ItemRequired(item);
        var text = new StringBuilder()
            .AppendLine("    /// <summary>An item of a list in an action's body.</summary>")
            .AppendLine(CultureInfo.InvariantCulture, $"    public sealed record {item.Name}")
            .AppendLine("    {");
        foreach (var property in JsonSerializerOptions.Web.GetTypeInfo(item).Properties.Where(p => !Ignored(p)))
            Property(text, property.Name, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, required.Contains(property.Name), null, "        ");
        return text.AppendLine("    }").ToString();
    }

    private static bool Ignored(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Always) == true;

    /// <summary>The bodies' JSON contracts, made at build time: the client works where reflection-based serialization is off.</summary>
    private static string Contracts()
    {
        var text = new StringBuilder()
            .AppendLine("    /// <summary>The JSON contracts of the action bodies, made at build time (see <see cref=\"ClientJson\"/>).</summary>")
            .AppendLine("    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var name in Routed.Select(e => e.Command.Name).Concat(Items().Select(t => t.Name)))
            text.AppendLine(CultureInfo.InvariantCulture, $"    [JsonSerializable(typeof({name}))]");
        return text.AppendLine("    internal sealed partial class ActionsJson : JsonSerializerContext;").ToString();
    }

    private static void Property(StringBuilder text, string name, Type type, bool required, IReadOnlyList<string>? options, string indent)
    {
        if (options is { Count: > 0 })
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}/// <summary>One of: {string.Join(", ", options)}.</summary>");
        var optional = required ? "" : "?";
        text.AppendLine(CultureInfo.InvariantCulture, $"{indent}public {(required ? "required " : "")}{TypeName(type)}{optional} {char.ToUpperInvariant(name[0])}{name[1..]} {{ get; init; }}");
    }

    private static string TypeName(Type type) =>
        type.IsArray ? $"{TypeName(type.GetElementType()!)}[]"
        : Keywords.TryGetValue(type, out var keyword) ? keyword
        : type.Name;

    /// <summary>The record types listed in a body (a campaign's targets, a correction's changes, a permit's categories).</summary>
    private static IEnumerable<Type> Items() => Routed
        .SelectMany(e => CommandSchemas.BodyFields(e))
        .Select(f => f.Type.IsArray ? f.Type.GetElementType()! : f.Type)
        .Where(t => t.IsClass && t != typeof(string))
        .Distinct()
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteValue();
}
