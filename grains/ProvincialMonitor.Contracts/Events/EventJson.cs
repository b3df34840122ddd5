using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvincialMonitor.Contracts.Events;

/// <summary>How events are written into and read from the store's data column: camelCase JSON.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(IDomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    /// <summary>The event, or null for a type this version does not know (a newer silo wrote it).</summary>
    public static IDomainEvent? Deserialize(string eventType, string data) =>
        EventTypes.TypeOf(eventType) is { } type ? (IDomainEvent?)JsonSerializer.Deserialize(data, type, Options) : null;
}
