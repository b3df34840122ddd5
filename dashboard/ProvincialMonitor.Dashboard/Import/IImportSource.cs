using System.Security.Claims;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Import;

/// <summary>
/// How the upload page asks an import to read its file: <c>;</c> or <c>,</c> between a CSV file's fields, a decimal comma or point
/// (null: as the file's header line shows, <c>;</c> with the comma, <c>,</c> with the point; a workbook needs neither), partial, dry run.
/// </summary>
public sealed record ImportRequest(char? Delimiter, bool? DecimalComma, bool Partial, bool DryRun);

/// <summary>A row of the file that was invalid (the check without state) or refused (a state rule, role, scope): its physical line, action, outcome and the refusal behind it (by code).</summary>
public sealed record ImportBadRow(int Line, string Action, string Outcome, Refusal? Why);

/// <summary>
/// Where an import job is (<see cref="Status"/>: <c>checking</c>, <c>applying</c>, <c>done</c>, <c>failed</c>) and its
/// counts, as <c>GET /api/imports/{id}</c> answers them; <see cref="BadRows"/> once it is done.
/// </summary>
public sealed record ImportStatus(
    Guid Id,
    string Status,
    bool DryRun,
    bool Partial,
    int Total,
    int Checked,
    int Applied,
    int Stored,
    int Replayed,
    int Refused,
    int Invalid,
    int Skipped,
    int Accepted,
    string? Error,
    bool? Succeeded,
    IReadOnlyList<ImportBadRow> BadRows)
{
    public bool Done => Status is "done" or "failed";
}

/// <summary>A started import, or why the file was not started (its header, its encoding, its size, the role), by code.</summary>
public sealed record ImportStart(ImportStatus? Job, Refusal? Why)
{
    /// <summary>Why, in English (as the API says it).</summary>
    public string? Problem => Why?.Message;
}

/// <summary>
/// Where the dashboard's upload page imports CSV files and Excel workbooks. The silo implements it in-process over the same import service
/// as <c>POST /api/imports</c>: the circuit's authenticated user is the actor, the source is <c>import</c>.
/// </summary>
public interface IImportSource
{
    /// <summary>The largest file an import takes (as the HTTP route): 100 MB.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>Reads <paramref name="csv"/> (CSV in UTF-8 or an .xlsx workbook, at most <see cref="MaxBytes"/>) and starts its import as <paramref name="user"/>.</summary>
    Task<ImportStart> StartAsync(ClaimsPrincipal user, Stream csv, ImportRequest options, CancellationToken cancellationToken = default);

    /// <summary>The job's progress, for its own uploader (or an admin); null when there is no such job of theirs on this silo.</summary>
    Task<ImportStatus?> StatusAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);
}
