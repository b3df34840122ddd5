using System.Globalization;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Silo.Api;

/// <summary>The filter on the log as <c>GET /api/events</c> and the export take it from the query string.</summary>
public static class LogQueries
{
    public static (LogQuery? Query, IResult? Problem) Parse(HttpRequest request, int maxLimit = 1000)
    {
        var q = request.Query;
        string? Text(string name) => q[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var errors = new List<FieldError>();
        DateOnly? Date(string name)
        {
            if (Text(name) is not { } v) return null;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add(FieldError.Of(name, Refusals.FieldNotADate));
            return null;
        }
        DateTimeOffset? Time(string name)
        {
            if (Text(name) is not { } v) return null;
            if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
            errors.Add(FieldError.Of(name, Refusals.FieldNotATime));
            return null;
        }
        long? Number(string name)
        {
            if (Text(name) is not { } v) return null;
            if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(FieldError.Of(name, Refusals.FieldNotAWholeNumber));
            return null;
        }

        var direction = Text("direction") ?? "forwards";
        if (direction is not ("forwards" or "backwards")) errors.Add(FieldError.Of("direction", Refusals.FieldNotADirection));
        var limit = Number("limit") ?? 100;
        if (limit < 1 || limit > maxLimit) errors.Add(FieldError.Of("limit", Refusals.FieldLimitRange, ("maxLimit", maxLimit)));
        var query = new LogQuery
        {
            StreamId = Text("stream"), StreamPrefix = Text("streamPrefix"),
            EventTypes = [.. q["type"].Where(t => !string.IsNullOrEmpty(t)).SelectMany(t => Contracts.Events.EventTypes.VersionsOf(t!)).Distinct()],
            Province = Text("province"), Domain = Text("domain"), Cluster = Text("cluster"), Campaign = Text("campaign"),
            Actor = Text("actor"), Source = Text("source"), DecisionRef = Text("decisionRef"),
            RecordedFrom = Time("recordedFrom"), RecordedBefore = Time("recordedBefore"),
            EffectiveFrom = Date("effectiveFrom"), EffectiveTo = Date("effectiveTo"),
            Direction = direction == "backwards" ? LogDirection.Backwards : LogDirection.Forwards,
            AfterPosition = Number("after") ?? 0, BeforePosition = Number("before"), Limit = (int)Math.Clamp(limit, 1, maxLimit),
        };
        return errors.Count > 0
            ? (null, Problems.From(Refusal.Fields(errors)))
            : (query, null);
    }

    /// <summary>The filters given, as text for the audit trail (<c>name=value&amp;…</c>, in the order given).</summary>
    public static string Describe(HttpRequest request) =>
        string.Join("&", request.Query.SelectMany(p => p.Value.Select(v => $"{p.Key}={v}")));
}
