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

    /// <summary>
    /// The event as its current record, an older version upcast (<see cref="EventUpcasters"/>); null for a type this silo
    /// does not know (a newer silo wrote it). A version of a known event that this silo cannot read is a
    /// <see cref="UnknownEventVersionException"/>, which names it.
    /// </summary>
    public static IDomainEvent? Deserialize(string eventType, string data) => EventUpcasters.Default.Read(eventType, data, Options);
}
