using System.Security.Claims;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Dashboard.Import;
using ProvincialMonitor.Silo.Import;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Live;

/// <summary>
/// The dashboard's upload page on this silo: the file goes to the <see cref="ImportService"/> that
/// <c>POST /api/imports</c> uses, with the circuit's authenticated user as the actor (source <c>import</c>),
/// under the same limits (100 MB, a workbook or strict UTF-8 CSV, the roles that record actions).
/// </summary>
public sealed class ImportSource(ImportService imports) : IImportSource
{
    public async Task<ImportStart> StartAsync(ClaimsPrincipal user, Stream csv, ImportRequest options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        if (ActorClaims.ToActor(user) is not { } actor) return new ImportStart(null, Refusal.Of(Refusals.ScopeNotLoggedIn));
        if (actor.Role is not (Roles.Officer or Roles.Coordinator or Roles.Admin))
            return new ImportStart(null, Refusal.Of(Refusals.ImportRoleRecordsNothing, ("role", actor.Role)));
        if (options.Delimiter is not (null or ',' or ';')) return new ImportStart(null, Refusal.Of(Refusals.ImportBadDelimiter));
        if (options.Delimiter == ',' && options.DecimalComma == true) return new ImportStart(null, Refusal.Of(Refusals.ImportCommaNeedsSemicolon));

        var bytes = new MemoryStream(); // the reader's from here on: a workbook is read from it as the job goes
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await csv.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (bytes.Length + read > ImportService.MaxBytes)
                return new ImportStart(null, Refusal.Of(Refusals.ImportFileTooLarge, ("max", ImportService.MaxBytes / 1024 / 1024)));
            bytes.Write(buffer, 0, read);
        }
        var mark = options.DecimalComma switch { true => DecimalMark.Comma, false => DecimalMark.Point, null => (DecimalMark?)null };
        var (rows, unreadable) = ImportFile.Open(bytes, options.Delimiter, mark);
        if (rows is null) return new ImportStart(null, unreadable);
        var (job, problem) = imports.Start(rows, new ImportOptions(options.Delimiter, mark, options.Partial, options.DryRun), actor);
        return job is null ? new ImportStart(null, problem) : new ImportStart(Map(job.Progress(withBadRows: true)), null);
    }

    public Task<ImportStatus?> StatusAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(ActorClaims.ToActor(user) is { } actor && imports.Find(id, actor) is { } job ? Map(job.Progress(withBadRows: true)) : null);

    private static ImportStatus Map(ImportProgress p) => new(
        p.Id, p.Status, p.DryRun, p.Partial, p.Total, p.Checked, p.Applied, p.Stored, p.Replayed, p.Refused, p.Invalid, p.Skipped, p.Accepted,
        p.Error, p.Succeeded, [.. (p.BadRows ?? []).Select(r => new ImportBadRow(r.Line, r.Action, r.Outcome, r.Why))]);
}
