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
/// history, or an as-of state, as CSV (UTF-8 with BOM, <c>;</c>, for Excel in nl-BE), JSON lines or a workbook (<see cref="AuditWorkbook"/>). Every export
/// starts with the chain head it was made at, holds nothing recorded after it, and is recorded in the audit trail.
/// </summary>
public static class AuditExport
{
    private static readonly string[] LogColumns =
    [
        "position", "recorded_at", "effective_date", "stream_id", "stream_version", "event_type", "summary", "actor", "role", "body",
        "decision_ref", "source", "provinces", "domain", "clusters", "campaign", "event_id", "data", "prev_hash", "hash", "beneficiary",
    ];

    private static readonly QueryParameter Format = new("format", "CSV (UTF-8 with BOM, ;), JSON lines or an Excel workbook.") { Values = ["csv", "jsonl", "xlsx"], Default = "csv" };
    private static readonly QueryParameter What = new("what",
        "The decision log (with the log's filters), one aggregate's history (kind, key) or its state as of a moment (kind, key and asOf, basis or atPosition).")
        { Values = ["log", "history", "state"], Default = "log" };
    private static readonly QueryParameter Kind = new("kind", "The kind of aggregate (history, state).") { Values = [.. AggregateKinds.All.Keys] };
    private static readonly QueryParameter Key = new("key", "The aggregate's key (history, state).");

    private static readonly ResponseHeader Attachment = new("Content-Disposition", "attachment; the file's name (provmon-{what}-{time}.{format}).");
    private static readonly ResponseHeader HeadPosition = new("X-Chain-Head-Position", "The position of the chain head the export was made at.");
    private static readonly ResponseHeader HeadHash = new("X-Chain-Head-Hash", "The hash of that chain head.");

    /// <summary>The headers of the export's answer.</summary>
    public static readonly ResponseHeaders Written = new(Attachment, HeadPosition, HeadHash);

    /// <summary>The query of the export: what and how, the log's filters (what=log) and the as-of query (what=state).</summary>
    public static readonly QueryDescription Described = new([Format, What, Kind, Key, .. LogQueries.Filters, .. AsOf.Parameters]);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> ExportAsync(HttpContext http, AuditLog auditLog, AuditTrail trail, MonitorClock clock, Hosting.EventStoreConnector store)
    {
        var request = http.Request;
        var reader = new QueryReader(request);
        var format = reader.OneOf(Format, Refusals.FieldMustBeAny, ("choices", string.Join(", ", Format.Values!.SkipLast(1))), ("last", Format.Values![^1]))!;
        if (reader.Problem is { } badFormat) return badFormat;
        var what = reader.OneOf(What, Refusals.FieldMustBeAny, ("choices", string.Join(", ", What.Values!.SkipLast(1))), ("last", What.Values![^1]))!;
        if (reader.Problem is { } badWhat) return badWhat;

        AggregateKind? kind = null;
        string? key = null;
        if (what != "log")
        {
            if (reader.Given(Kind) is not { } kindName || !AggregateKinds.All.TryGetValue(kindName, out kind))
                return Problems.Invalid400(Kind.Name, Refusals.FieldNotOneOf, ("options", string.Join(", ", AggregateKinds.All.Keys)));
            key = reader.Given(Key);
            if (string.IsNullOrWhiteSpace(key)) return Problems.Invalid400(Key.Name, Refusals.FieldKeyRequired);
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
        // Beneficiaries' names from outside the hash chain, as they are now: an erased one is not in the export.
        var names = await store.Beneficiaries.NamesAsync(cancel);

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
                        rows.Add(LogRow(e, names));
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
                    rows.Add([.. LogRow(step.Event, names), step.StateJson]);
                    jsonRows.Add(new { @event = StreamsApi.ToResponse(step.Event), state = JsonDocument.Parse(step.StateJson).RootElement.Clone() });
                }
                if (rows.Count == 0) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"The {kind!.Name} '{key}' has no events.");
                break;
            default:
                columns = ["kind", "key", "basis", "as_of", "at_position", "exists", "events", "position", "state"];
                var state = await auditLog.AsOfAsync(kind!, key!, asOf! with { AtPosition = Math.Min(asOf!.AtPosition ?? head.Position, head.Position) }, cancel);
                var basis = AsOf.BasisOf(request);
                var asOfText = reader.Given(AsOf.Moment) ?? "";
                rows.Add([kind!.Name, key!, basis, asOfText, (asOf.AtPosition ?? head.Position).ToString(CultureInfo.InvariantCulture),
                    state.Exists ? "true" : "false", state.Events.ToString(CultureInfo.InvariantCulture), state.Position.ToString(CultureInfo.InvariantCulture), state.StateJson]);
                jsonRows.Add(new { kind = kind.Name, key, basis, asOf = asOfText, state.Exists, state.Events, state.Position, state = JsonDocument.Parse(state.StateJson).RootElement.Clone() });
                break;
        }

        var filters = LogQueries.Describe(request);
        await trail.ExportedAsync(Principals.Of(http), what, format, filters, rows.Count, head);
        var exportedAt = clock.Now;
        var name = $"provmon-{what}-{exportedAt:yyyyMMdd-HHmmss}.{format}";
        http.Response.Headers[Attachment.Name] = $"attachment; filename=\"{name}\"";
        http.Response.Headers[HeadPosition.Name] = head.Position.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[HeadHash.Name] = head.Hash;

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

        string[] headLine = [head.Position.ToString(CultureInfo.InvariantCulture), head.Hash, headRecordedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            exportedAt.ToString("O", CultureInfo.InvariantCulture), what, filters, rows.Count.ToString(CultureInfo.InvariantCulture)];
        if (format == "xlsx") return Results.Stream(AuditWorkbook.Write(HeadColumns, headLine, columns, rows), AuditWorkbook.ContentType);

        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        Line(csv, HeadColumns);
        Line(csv, headLine);
        csv.Append("\r\n");
        Line(csv, columns);
        foreach (var row in rows) Line(csv, row);
        return Results.Text(csv.ToString(), "text/csv", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static readonly string[] HeadColumns = ["chain_head_position", "chain_head_hash", "chain_head_recorded_at", "exported_at", "what", "filters", "rows"];

    private static List<string> LogRow(RecordedEvent e, IReadOnlyDictionary<string, BeneficiaryName> names)
    {
        using var metadata = JsonDocument.Parse(e.Metadata);
        using var data = JsonDocument.Parse(e.Data);
        var beneficiary = data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty("beneficiaryId", out var id)
            && id.ValueKind == JsonValueKind.String && names.TryGetValue(id.GetString()!, out var name)
            ? $"{name.Name} ({CompanyNumbers.Written(name.CompanyNumber ?? "")})" : "";
        string Meta(string name) => metadata.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        return
        [
            e.Position.ToString(CultureInfo.InvariantCulture), e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
            e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.StreamId, e.StreamVersion.ToString(CultureInfo.InvariantCulture),
            e.EventType, EventSummaries.Of(e).Summary, e.Tags.Actor, Meta("role"), Meta("body"), Meta("decisionRef"), e.Tags.Source,
            string.Join(",", e.Tags.Provinces), e.Tags.Domain ?? "", string.Join(",", e.Tags.Clusters), e.Tags.Campaign ?? "",
            e.EventId.ToString(), e.Data, e.PrevHash, e.Hash, beneficiary,
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
