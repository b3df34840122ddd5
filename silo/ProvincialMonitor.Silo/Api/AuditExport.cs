using ProvincialMonitor.Grains;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Silo.Import;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// <c>GET /api/audit/export</c>: the decision log (with the filters of <c>GET /api/events</c>), one aggregate's
/// history, or an as-of state, as CSV (UTF-8 with BOM, <c>;</c>, for Excel in nl-BE) or JSON lines. Every export
/// starts with the chain head it was made at, holds nothing recorded after it, and is recorded in the audit trail.
/// </summary>
public static class AuditExport
{
    private static readonly string[] LogColumns =
    [
        "position", "recorded_at", "effective_date", "stream_id", "stream_version", "event_type", "summary", "actor", "role", "body",
        "decision_ref", "source", "provinces", "domain", "clusters", "campaign", "event_id", "data", "prev_hash", "hash",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> ExportAsync(HttpContext http, AuditLog auditLog, AuditTrail trail, MonitorClock clock)
    {
        var request = http.Request;
        var format = request.Query["format"].FirstOrDefault() ?? "csv";
        if (format is not ("csv" or "jsonl")) return Problems.Invalid400("format", Refusals.FieldMustBeEither, ("first", "csv"), ("second", "jsonl"));
        var what = request.Query["what"].FirstOrDefault() ?? "log";
        if (what is not ("log" or "history" or "state")) return Problems.Invalid400("what", Refusals.FieldMustBeAny, ("choices", "log, history"), ("last", "state"));

        AggregateKind? kind = null;
        string? key = null;
        if (what != "log")
        {
            var kindName = request.Query["kind"].FirstOrDefault();
            if (kindName is null || !AggregateKinds.All.TryGetValue(kindName, out kind))
                return Problems.Invalid400("kind", Refusals.FieldNotOneOf, ("options", string.Join(", ", AggregateKinds.All.Keys)));
            key = request.Query["key"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(key)) return Problems.Invalid400("key", Refusals.FieldKeyRequired);
        }
        LogQuery? log = null;
        AsOfQuery? asOf = null;
        if (what == "log")
        {
            var (parsed, problem) = LogQueries.Parse(request);
            if (problem is not null) return problem;
            log = parsed! with { Direction = LogDirection.Forwards, Limit = 1000 };
        }
        else if (what == "state")
        {
            var (parsed, problem) = AsOf.Parse(request);
            if (problem is not null) return problem;
            asOf = parsed!;
        }

        var cancel = http.RequestAborted;
        var (head, headRecordedAt) = await auditLog.HeadAsync(cancel);

        var rows = new List<IReadOnlyList<string>>();
        var jsonRows = new List<object>();
        string[] columns;
        switch (what)
        {
            case "log":
                columns = LogColumns;
                var query = log!;
                while (true)
                {
                    var page = await auditLog.QueryAsync(query, cancel);
                    var within = page.Events.Where(e => e.Position <= head.Position).ToList();
                    foreach (var e in within)
                    {
                        rows.Add(LogRow(e));
                        jsonRows.Add(StreamsApi.ToResponse(e));
                    }
                    if (page.NextPosition is not { } next || within.Count < page.Events.Count) break;
                    query = query with { AfterPosition = next };
                }
                break;
            case "history":
                columns = [.. LogColumns, "state"];
                foreach (var step in (await auditLog.ReplayAsync(kind!, key!, cancel)).Where(s => s.Event.Position <= head.Position))
                {
                    rows.Add([.. LogRow(step.Event), step.StateJson]);
                    jsonRows.Add(new { @event = StreamsApi.ToResponse(step.Event), state = JsonDocument.Parse(step.StateJson).RootElement.Clone() });
                }
                if (rows.Count == 0) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"The {kind!.Name} '{key}' has no events.");
                break;
            default:
                columns = ["kind", "key", "basis", "as_of", "at_position", "exists", "events", "position", "state"];
                var state = await auditLog.AsOfAsync(kind!, key!, asOf! with { AtPosition = Math.Min(asOf!.AtPosition ?? head.Position, head.Position) }, cancel);
                var basis = AsOf.BasisOf(request);
                var asOfText = request.Query["asOf"].FirstOrDefault() ?? "";
                rows.Add([kind!.Name, key!, basis, asOfText, (asOf.AtPosition ?? head.Position).ToString(CultureInfo.InvariantCulture),
                    state.Exists ? "true" : "false", state.Events.ToString(CultureInfo.InvariantCulture), state.Position.ToString(CultureInfo.InvariantCulture), state.StateJson]);
                jsonRows.Add(new { kind = kind.Name, key, basis, asOf = asOfText, state.Exists, state.Events, state.Position, state = JsonDocument.Parse(state.StateJson).RootElement.Clone() });
                break;
        }

        var filters = LogQueries.Describe(request);
        await trail.ExportedAsync(Principals.Of(http), what, format, filters, rows.Count, head);
        var exportedAt = clock.Now;
        var name = $"provmon-{what}-{exportedAt:yyyyMMdd-HHmmss}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        http.Response.Headers["X-Chain-Head-Position"] = head.Position.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Chain-Head-Hash"] = head.Hash;

        if (format == "jsonl")
        {
            var text = new StringBuilder();
            text.Append(JsonSerializer.Serialize(new
            {
                chainHead = new { position = head.Position, hash = head.Hash, recordedAt = headRecordedAt },
                exportedAt,
                what,
                filters,
                rows = rows.Count,
            }, Json)).Append('\n');
            foreach (var row in jsonRows) text.Append(JsonSerializer.Serialize(row, Json)).Append('\n');
            return Results.Text(text.ToString(), "application/x-ndjson", Encoding.UTF8);
        }

        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        Line(csv, ["chain_head_position", "chain_head_hash", "chain_head_recorded_at", "exported_at", "what", "filters", "rows"]);
        Line(csv, [head.Position.ToString(CultureInfo.InvariantCulture), head.Hash, headRecordedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            exportedAt.ToString("O", CultureInfo.InvariantCulture), what, filters, rows.Count.ToString(CultureInfo.InvariantCulture)]);
        csv.Append("\r\n");
        Line(csv, columns);
        foreach (var row in rows) Line(csv, row);
        return Results.Text(csv.ToString(), "text/csv", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static List<string> LogRow(RecordedEvent e)
    {
        using var metadata = JsonDocument.Parse(e.Metadata);
        string Meta(string name) => metadata.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return
        [
            e.Position.ToString(CultureInfo.InvariantCulture), e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
            e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.StreamId, e.StreamVersion.ToString(CultureInfo.InvariantCulture),
            e.EventType, EventSummaries.Of(e).Summary, e.Tags.Actor, Meta("role"), Meta("body"), Meta("decisionRef"), e.Tags.Source,
            string.Join(",", e.Tags.Provinces), e.Tags.Domain ?? "", string.Join(",", e.Tags.Clusters), e.Tags.Campaign ?? "",
            e.EventId.ToString(), e.Data, e.PrevHash, e.Hash,
        ];
    }

    /// <summary>One CSV line, each field as <see cref="CsvField.Quote"/> writes it; lines end in CRLF.</summary>
    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(';');
            csv.Append(CsvField.Quote(fields[i], ';'));
        }
        csv.Append("\r\n");
    }
}
