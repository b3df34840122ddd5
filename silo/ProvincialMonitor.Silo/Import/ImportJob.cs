using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Grains.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>How an import reads its file and what it does; a delimiter or decimal mark not given is the file's own (<see cref="ImportFile"/>).</summary>
public sealed record ImportOptions(char? Delimiter, DecimalMark? DecimalMark, bool Partial, bool DryRun);

/// <summary>What happened to one row.</summary>
public static class RowOutcomes
{
    /// <summary>Stored now.</summary>
    public const string Stored = "stored";
    /// <summary>Stored before under the same idempotency key: nothing new.</summary>
    public const string Replayed = "replayed";
    /// <summary>Refused by the rules of the aggregate (or role, scope, a missing project).</summary>
    public const string Refused = "refused";
    /// <summary>Failed the check without state; never sent.</summary>
    public const string Invalid = "invalid";
    /// <summary>Valid, but not sent because other rows were invalid and the import was not partial.</summary>
    public const string Skipped = "skipped";
    /// <summary>Dry run: Decide accepted it; it would be stored.</summary>
    public const string Accepted = "accepted";
}

/// <summary>One line of the report: <see cref="Why"/> is the refusal (by code) behind the row's outcome, if any.</summary>
public sealed record ImportRowResult(int Line, string Action, string Outcome, [property: JsonIgnore] Refusal? Why, string? StreamId, long? Position, string? IdempotencyKey)
{
    /// <summary>The reason in English, for machines: a refused row's <c>kind: message</c>, any other row's message.</summary>
    public string? Reason => Why is null ? null : Outcome == RowOutcomes.Refused ? $"{CommandDispatcher.KindTag(Why.Kind)}: {Why.Message}" : Why.Message;

    /// <summary>The reason in Dutch, for people: the Dutch text of the same code.</summary>
    public string? ReasonNl => Why is null ? null : Dashboard.Forms.FormMessages.Reason(Why);
}

/// <summary>Where an import is: <c>checking</c>, <c>applying</c>, <c>done</c> or <c>failed</c> (the file could not be read).</summary>
public sealed class ImportJob(Guid id, string actorId, ImportOptions options, DateTimeOffset startedAt)
{
    private int _checked, _applied, _stored, _replayed, _refused, _invalid, _skipped, _accepted;

    public Guid Id { get; } = id;
    public string ActorId { get; } = actorId;
    public ImportOptions Options { get; } = options;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? FinishedAt { get; private set; }
    public string Status { get; private set; } = "checking";
    public string? Error { get; private set; }
    public int Total { get; set; }
    public ImportRowResult[] Rows { get; set; } = [];

    public bool Done => Status is "done" or "failed";

    /// <summary>Completes when the job is done or failed.</summary>
    public Task Completion => _completion.Task;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Checked() => Interlocked.Increment(ref _checked);

    public void StartApplying() => Status = "applying";

    public void Record(int index, ImportRowResult result)
    {
        Rows[index] = result;
        _ = result.Outcome switch
        {
            RowOutcomes.Stored => Interlocked.Increment(ref _stored),
            RowOutcomes.Replayed => Interlocked.Increment(ref _replayed),
            RowOutcomes.Refused => Interlocked.Increment(ref _refused),
            RowOutcomes.Invalid => Interlocked.Increment(ref _invalid),
            RowOutcomes.Accepted => Interlocked.Increment(ref _accepted),
            _ => Interlocked.Increment(ref _skipped),
        };
        if (result.Outcome is not (RowOutcomes.Invalid or RowOutcomes.Skipped)) Interlocked.Increment(ref _applied);
    }

    public void Finish(DateTimeOffset at, string? error = null)
    {
        Error = error;
        FinishedAt = at;
        Status = error is null ? "done" : "failed";
        _completion.TrySetResult();
    }

    /// <summary>0 when every row was stored, replayed (or, in a dry run, accepted), 1 otherwise.</summary>
    public bool Succeeded => Status == "done" && Volatile.Read(ref _stored) + Volatile.Read(ref _replayed) + Volatile.Read(ref _accepted) == Total;

    public ImportProgress Progress(bool withBadRows) => new(
        Id, Status, Options.DryRun, Options.Partial, Total, Volatile.Read(ref _checked), Volatile.Read(ref _applied), Volatile.Read(ref _stored),
        Volatile.Read(ref _replayed), Volatile.Read(ref _refused), Volatile.Read(ref _invalid), Volatile.Read(ref _skipped), Volatile.Read(ref _accepted),
        StartedAt, FinishedAt, Error, Done && Status == "done" ? Succeeded : null,
        withBadRows && Done ? [.. Rows.Where(r => r is { Outcome: RowOutcomes.Invalid or RowOutcomes.Refused })] : null);

    /// <summary>The report as CSV (UTF-8 with a BOM, the file's own delimiter, CRLF) or JSON.</summary>
    public byte[] Report(string format)
    {
        if (format == "json")
            return JsonSerializer.SerializeToUtf8Bytes(new ImportReport(Progress(withBadRows: false), Rows), ReportJson);
        var d = Options.Delimiter ?? ';';
        var text = new StringBuilder();
        text.Append('\uFEFF').Append(string.Join(d, "line", "action", "outcome", "reason", "streamId", "position", "idempotencyKey", "reasonNl")).Append("\r\n");
        foreach (var row in Rows)
        {
            text.Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append(d)
                .Append(CsvField.Quote(row.Action, d)).Append(d)
                .Append(row.Outcome).Append(d)
                .Append(CsvField.Quote(row.Reason ?? "", d)).Append(d)
                .Append(CsvField.Quote(row.StreamId ?? "", d)).Append(d)
                .Append(row.Position?.ToString(CultureInfo.InvariantCulture) ?? "").Append(d)
                .Append(CsvField.Quote(row.IdempotencyKey ?? "", d)).Append(d)
                .Append(CsvField.Quote(row.ReasonNl ?? "", d)).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);
}

/// <summary>The progress and summary of an import, as <c>GET /api/imports/{id}</c> answers it.</summary>
public sealed record ImportProgress(
    Guid Id, string Status, bool DryRun, bool Partial, int Total, int Checked, int Applied, int Stored, int Replayed, int Refused, int Invalid,
    int Skipped, int Accepted, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error, bool? Succeeded, ImportRowResult[]? BadRows);

/// <summary>The full report of an import as JSON: its summary and every row.</summary>
public sealed record ImportReport(ImportProgress Summary, ImportRowResult[] Rows);
