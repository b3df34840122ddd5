using System.Text.Json;

namespace ProvincialMonitor.EventStore;

/// <summary>
/// The rows of the event_tags index for one event, each (kind, value) once: its provinces and clusters (its tags), its
/// decision reference (from the metadata), and the municipalities its data names (a <c>municipality</c> text member or a
/// <c>municipalities</c> list of texts at the top of the data). The index is derived; the hashed envelope holds none of it.
/// </summary>
internal static class EventTagRows
{
    public const string Municipality = "municipality";

    public static IEnumerable<(string Kind, string Value)> Of(RecordedEvent e) =>
        Of(e.Tags.Provinces, e.Tags.Clusters, e.Data, e.Metadata);

    public static IEnumerable<(string Kind, string Value)> Of(IEnumerable<string> provinces, IEnumerable<string> clusters, string data, string metadata)
    {
        var rows = provinces.Select(p => ("province", p)).Concat(clusters.Select(c => ("cluster", c)));
        if (DecisionRefOf(metadata) is { } decision) rows = rows.Append(("decision", decision));
        return rows.Concat(MunicipalitiesOf(data).Select(m => (Municipality, m))).Distinct();
    }

    private static string? DecisionRefOf(string metadata)
    {
        if (!metadata.Contains("\"decisionRef\"", StringComparison.Ordinal)) return null;
        try
        {
            using var document = JsonDocument.Parse(metadata);
            return document.RootElement.TryGetProperty("decisionRef", out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The municipality codes at the top of an event's data (the migration "municipalities in the tag index" reads the same).</summary>
    public static IReadOnlyList<string> MunicipalitiesOf(string data)
    {
        if (!data.Contains("\"municipalit", StringComparison.Ordinal)) return [];
        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return [];
            var found = new List<string>();
            if (document.RootElement.TryGetProperty("municipality", out var one) && one.ValueKind == JsonValueKind.String && one.GetString() is { Length: > 0 } code)
                found.Add(code);
            if (document.RootElement.TryGetProperty("municipalities", out var many) && many.ValueKind == JsonValueKind.Array)
                found.AddRange(many.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).Where(m => m.Length > 0));
            return found;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
