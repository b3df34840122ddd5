using System.Collections.Concurrent;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// Bulk import of actions from a CSV file (docs/import.md). First every row is checked without state
/// (types, required fields, the command's own Validate(), references); with any invalid row nothing is sent
/// unless the import is partial. Then the rows are sent through the API's <see cref="CommandDispatcher"/>
/// (source <c>import</c>, the uploader as actor), each under its idempotency key, so that a second import of
/// the same rows stores nothing. Rows on one aggregate go one after the other in file order; rows on different
/// aggregates within a window of the file run side by side. A dry run decides every row in memory instead.
/// Jobs live in this silo's memory.
/// </summary>
public sealed class ImportService(CommandDispatcher dispatcher, IGrainFactory grains, IEventStore store, MonitorClock clock, ILogger<ImportService> logger)
{
    public const int MaxBytes = 100 * 1024 * 1024;
    private const int Window = 1024;
    private const int Parallelism = 16;
    private const int KeptJobs = 100;

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    /// <summary>Reads the header and starts the job in the background; a header problem is answered at once (and the file closed).</summary>
    public (ImportJob? Job, Refusal? Problem) Start(IRowSource reader, ImportOptions options, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actor);
        var (columns, problem) = Header(reader);
        if (problem is not null)
        {
            reader.Dispose();
            return (null, problem);
        }

        Prune();
        var job = new ImportJob(Guid.CreateVersion7(), actor.Id, options with { Delimiter = reader.Delimiter, DecimalMark = reader.DecimalMark }, clock.Now);
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                using (reader) await RunAsync(job, reader, columns!, actor);
                job.Finish(clock.Now);
            }
            catch (FormatException ex)
            {
                job.Finish(clock.Now, ex.Message);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Import {Job} failed", job.Id);
                job.Finish(clock.Now, "the import stopped on an unexpected error; rows reported as stored are stored, the others are not. Import the file again: stored rows are replayed.");
            }
        });
        return (job, null);
    }

    /// <summary>The header's columns (a Dutch label read as its column), or why the file cannot be imported.</summary>
    private static (List<string>? Columns, Refusal? Problem) Header(IRowSource reader)
    {
        CsvRecord? header;
        try
        {
            header = reader.Next();
        }
        catch (ImportFormatException ex)
        {
            return (null, ex.Why);
        }
        if (header is null) return (null, Refusal.Of(Refusals.ImportEmptyFile));
        var named = header.Fields.Select(f => f.Trim()).ToList();
        if (!named.Contains(ImportAction.ActionColumn) && named.All(c => ImportColumns.Resolve(c).Column != ImportAction.ActionColumn))
            return (null, named.Count == 1 && named[0].Contains(reader.Delimiter == ';' ? ',' : ';', StringComparison.Ordinal)
                ? Refusal.Of(Refusals.ImportNoActionColumnDelimiter, ("line", header.Line), ("delimiter", reader.Delimiter))
                : Refusal.Of(Refusals.ImportNoActionColumn, ("line", header.Line)));
        var columns = new List<string>();
        var unknown = new List<string>();
        foreach (var name in named)
        {
            var (column, ambiguous) = ImportColumns.Resolve(name);
            if (ambiguous is not null) return (null, ambiguous);
            if (column is null) unknown.Add(name);
            columns.Add(column ?? name);
        }
        if (unknown.Count > 0) return (null, Refusal.Of(Refusals.ImportUnknownColumns, ("columns", string.Join(", ", unknown.Select(c => $"'{c}'")))));
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) return (null, Refusal.Of(Refusals.ImportColumnTwice, ("column", duplicate.Key)));
        return (columns, null);
    }

    /// <summary>The job, for its own uploader or an admin.</summary>
    public ImportJob? Find(Guid id, Actor actor) =>
        _jobs.TryGetValue(id, out var job) && (job.ActorId == actor.Id || actor.Role == Roles.Admin) ? job : null;

    /// <summary>
    /// Reads the file once per pass and keeps no parsed row: a pass counts the rows, a pass checks them without state, and a
    /// pass applies (or dry-runs) the valid ones in windows, or marks them not sent.
    /// </summary>
    private async Task RunAsync(ImportJob job, IRowSource reader, List<string> header, Actor actor)
    {
        var today = clock.Today;
        var action = header.IndexOf(ImportAction.ActionColumn);
        IEnumerable<ParsedRow> Rows() => Parsed(reader.Reopen(), header, action, today);

        var total = 0;
        for (var record = reader.Next(); record is not null; record = reader.Next())
            if (!IsComment(record, action)) total++;
        job.Total = total;
        job.Rows = new ImportRowResult[total];

        // The check without state, with the references: a project named by externalRef exists, or an earlier valid row registers it.
        var registeredInFile = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        var index = 0;
        foreach (var row in Rows())
        {
            var i = index++;
            FieldError? problem = null;
            if (row.Valid && row.Action!.Target == ImportTarget.Project && row.ProjectId is null)
            {
                var reference = $"{row.ReferenceProvince}/{row.ExternalRef}";
                if (!registeredInFile.Contains(reference))
                {
                    if (!owners.TryGetValue(reference, out var owner))
                        owners[reference] = owner = await OwnerAsync(row.ReferenceProvince!, row.ExternalRef!);
                    if (owner is null)
                        problem = FieldError.Of("", Refusals.ImportNoProjectInFile, ("province", row.ReferenceProvince), ("externalRef", row.ExternalRef));
                }
            }
            if (row.Valid && problem is null && row.Action!.Target == ImportTarget.NewProject && row.ExternalRef is not null)
                registeredInFile.Add($"{row.ReferenceProvince}/{row.ExternalRef}");
            if (!row.Valid || problem is not null)
                job.Record(i, new ImportRowResult(row.Line, row.ActionName, RowOutcomes.Invalid,
                    Refusal.Fields(problem is null ? row.Errors : [.. row.Errors, problem]), null, null, null));
            job.Checked();
        }

        var anyInvalid = job.Rows.Any(r => r is not null);
        job.StartApplying();
        var toApply = Rows().Select((row, i) => (Row: row, Index: i)).Where(r => job.Rows[r.Index] is null);
        if (anyInvalid && !job.Options.Partial)
        {
            foreach (var (row, i) in toApply)
                job.Record(i, new ImportRowResult(row.Line, row.ActionName, RowOutcomes.Skipped, NotSent, null, null, row.IdempotencyKey));
            return;
        }

        if (job.Options.DryRun) await DryRunAsync(job, toApply, actor);
        else await ApplyAsync(job, toApply, actor);
    }

    /// <summary>The rows of a file read from its start: the header skipped, and a row whose action begins with # (a template's example and allowed values) a comment.</summary>
    private static IEnumerable<ParsedRow> Parsed(IRowSource source, List<string> header, int action, DateOnly today)
    {
        using (source)
        {
            source.Next();
            for (var record = source.Next(); record is not null; record = source.Next())
                if (!IsComment(record, action)) yield return RowParser.Parse(record, header, source.DecimalMark, today);
        }
    }

    private static bool IsComment(CsvRecord record, int action) => action < record.Fields.Count && record.Fields[action].TrimStart().StartsWith('#');

    private async Task ApplyAsync(ImportJob job, IEnumerable<(ParsedRow Row, int Index)> toApply, Actor actor)
    {
        var projects = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(Parallelism);
        foreach (var window in toApply.Chunk(Window))
        {
            var partitions = window.GroupBy(r => r.Row.Partition, StringComparer.Ordinal);
            await Task.WhenAll(partitions.Select(async partition =>
            {
                await slots.WaitAsync();
                try
                {
                    foreach (var (row, i) in partition) job.Record(i, await ApplyRowAsync(row, projects, actor));
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
    }

    private async Task<ImportRowResult> ApplyRowAsync(ParsedRow row, ConcurrentDictionary<string, string> projects, Actor actor)
    {
        var (key, missing) = await KeyOfAsync(row, projects);
        if (missing is not null) return Result(row, RowOutcomes.Refused, missing, null, null);

        var request = new CommandRequest(actor, Sources.Import, row.IdempotencyKey, row.RequestHash);
        CommandOutcome outcome;
        for (var attempt = 1; ; attempt++)
        {
            outcome = await row.Action!.Send(dispatcher, key!, row.Command!, request);
            if (outcome.Refusal?.Kind != RefusalKind.Unavailable || attempt == 3) break;
            await Task.Delay(TimeSpan.FromSeconds(attempt)); // the same idempotency key: a retry never stores twice
        }
        if (outcome.Refusal is { } refusal) return Result(row, RowOutcomes.Refused, refusal, outcome.StreamId.Length > 0 ? outcome.StreamId : null, null);
        if (row.Action.Target == ImportTarget.NewProject && row.ExternalRef is not null)
            projects[$"{row.ReferenceProvince}/{row.ExternalRef}"] = StreamIds.ProjectId(outcome.StreamId)!;
        return Result(row, outcome.Replayed ? RowOutcomes.Replayed : RowOutcomes.Stored, null, outcome.StreamId, outcome.Position);
    }

    private async Task DryRunAsync(ImportJob job, IEnumerable<(ParsedRow Row, int Index)> toApply, Actor actor)
    {
        var run = new DryRun(store);
        var projects = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var decidedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, i) in toApply) job.Record(i, await DryRunRowAsync(row, run, projects, decidedKeys, actor));
    }

    private async Task<ImportRowResult> DryRunRowAsync(ParsedRow row, DryRun run, ConcurrentDictionary<string, string> projects,
        Dictionary<string, string> decidedKeys, Actor actor)
    {
        var reference = $"{row.ReferenceProvince}/{row.ExternalRef}";
        if (await store.FindIdempotencyAsync(actor.Id, row.IdempotencyKey!) is { } known)
        {
            if (known.RequestHash != row.RequestHash) return Result(row, RowOutcomes.Refused, KeyReused, null, null);
            if (row.Action!.Target == ImportTarget.NewProject && row.ExternalRef is not null) projects[reference] = StreamIds.ProjectId(known.Result.StreamId)!;
            return Result(row, RowOutcomes.Replayed, null, known.Result.StreamId, known.Result.ToPosition);
        }
        if (decidedKeys.TryGetValue(row.IdempotencyKey!, out var earlierHash))
            return earlierHash == row.RequestHash
                ? Result(row, RowOutcomes.Replayed, Refusal.Of(Refusals.ImportSameRow), null, null)
                : Result(row, RowOutcomes.Refused, KeyReused, null, null);

        string key;
        if (row.Action!.Target == ImportTarget.NewProject)
        {
            key = Guid.CreateVersion7().ToString();
            if (row.ExternalRef is not null
                && (projects.TryGetValue(reference, out var owner) || (owner = await OwnerAsync(row.ReferenceProvince!, row.ExternalRef)) is not null))
                return Result(row, RowOutcomes.Refused, Refusal.Of(Refusals.ProjectExternalRefTaken, ("lead", row.ReferenceProvince), ("externalRef", row.ExternalRef), ("owner", owner)), null, null);
        }
        else
        {
            var (resolved, missing) = await KeyOfAsync(row, projects);
            if (missing is not null) return Result(row, RowOutcomes.Refused, missing, null, null);
            key = resolved!;
        }

        var context = new CommandContext(actor, Sources.Import, clock.Now, Guid.CreateVersion7(), row.IdempotencyKey, row.RequestHash);
        var result = await row.Action.Decide(run, key, row.Command!, context);
        if (result.Refusal is { } refusal) return Result(row, RowOutcomes.Refused, refusal, result.StreamId, null);
        decidedKeys[row.IdempotencyKey!] = row.RequestHash;
        if (row.Action.Target == ImportTarget.NewProject && row.ExternalRef is not null) projects[reference] = key;
        return Result(row, RowOutcomes.Accepted, null, result.StreamId, null);
    }

    private static readonly Refusal KeyReused = Refusal.Of(Refusals.ImportKeyReused);
    private static readonly Refusal NotSent = Refusal.Of(Refusals.ImportNotSent);

    /// <summary>The grain key of the row's aggregate, or why there is none (a project not registered).</summary>
    private async Task<(string? Key, Refusal? Missing)> KeyOfAsync(ParsedRow row, ConcurrentDictionary<string, string> projects)
    {
        switch (row.Action!.Target)
        {
            case ImportTarget.NewProject:
                return (Guid.CreateVersion7().ToString(), null);
            case ImportTarget.Project when row.ProjectId is not null:
                return (row.ProjectId, null);
            case ImportTarget.Project:
                var reference = $"{row.ReferenceProvince}/{row.ExternalRef}";
                if (projects.TryGetValue(reference, out var known)) return (known, null);
                var owner = await OwnerAsync(row.ReferenceProvince!, row.ExternalRef!);
                return owner is null
                    ? (null, Refusal.Of(Refusals.ImportNoProject, ("province", row.ReferenceProvince), ("externalRef", row.ExternalRef)))
                    : (projects[reference] = owner, null);
            default:
                return (row.FixedKey, null);
        }
    }

    private Task<string?> OwnerAsync(string province, string externalRef) =>
        grains.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(province, externalRef.Trim())).Owner();

    /// <summary>A row's result; a row accepted as read otherwise than written (a former municipality code) says so in its reason.</summary>
    private static ImportRowResult Result(ParsedRow row, string outcome, Refusal? reason, string? streamId, long? position) =>
        new(row.Line, row.ActionName, outcome, reason ?? (row.Notices is { Count: > 0 } notices ? Refusal.Fields(notices) : null), streamId, position, row.IdempotencyKey);

    private void Prune()
    {
        foreach (var old in _jobs.Values.Where(j => j.Done).OrderByDescending(j => j.StartedAt).Skip(KeptJobs).ToList())
            _jobs.TryRemove(old.Id, out _);
    }
}
