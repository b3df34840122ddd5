using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ProvincialMonitor.Client.Actions;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Live;
using ProvincialMonitor.Contracts.Views;

namespace ProvincialMonitor.Client;

/// <summary>
/// How the client writes and reads JSON: with contracts made at build time (the action bodies, the answers, problems, views and hub
/// messages), so that it works where reflection-based serialization is off (native AOT, trimmed and file-based apps); reflection
/// only for other types, and only where the application allows it.
/// </summary>
public static class ClientJson
{
    /// <summary>The contracts made at build time.</summary>
    public static IJsonTypeInfoResolver Contracts { get; } = JsonTypeInfoResolver.Combine(ReadsJson.Default, ActionsJson.Default);

    /// <summary>For what the client reads.</summary>
    internal static JsonSerializerOptions Reading { get; } = Options(omitNulls: false);

    /// <summary>For a command's body: a member without a value is left out, as if not given.</summary>
    internal static JsonSerializerOptions Writing { get; } = Options(omitNulls: true);

    /// <summary>The contracts first, then reflection where it is on.</summary>
    public static IJsonTypeInfoResolver Resolver => JsonSerializer.IsReflectionEnabledByDefault
        ? JsonTypeInfoResolver.Combine(Contracts, new DefaultJsonTypeInfoResolver())
        : Contracts;

    private static JsonSerializerOptions Options(bool omitNulls)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = Resolver };
        if (omitNulls) options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>What the client reads: the answers of an action, a problem, the views of its typed reads, the hub's messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ActionResponse))]
[JsonSerializable(typeof(CreatedResponse))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ScopeIndicators))]
[JsonSerializable(typeof(Comparison))]
[JsonSerializable(typeof(ComparisonSnapshot))]
[JsonSerializable(typeof(CampaignListItem[]))]
[JsonSerializable(typeof(CampaignFigures))]
[JsonSerializable(typeof(EventsPage))]
[JsonSerializable(typeof(EventSummary))]
[JsonSerializable(typeof(IReadOnlyList<EventSummary>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
internal sealed partial class ReadsJson : JsonSerializerContext;
