using Microsoft.AspNetCore.Http.Features;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Import;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// <c>POST /api/imports</c> (a CSV body or an Excel workbook, up to 100 MB: this route alone lifts the API's 256 KiB limit) starts an
/// import job and answers 202 with its id; <c>GET /api/imports/{id}</c> is its progress and, once done, the summary
/// with every bad row; <c>GET /api/imports/{id}/report?format=csv|json</c> the full report;
/// <c>GET /api/imports/templates/{action}.csv|.xlsx</c> a file to fill for one action (<see cref="ImportTemplates"/>).
/// </summary>
public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports");
        imports.MapPost("/", StartAsync).WithMetadata(Described).Accepts<string>("text/csv", "text/plain", "application/octet-stream", Workbook).Produces<ImportProgress>(StatusCodes.Status202Accepted);
        imports.MapGet("/{id:guid}", (HttpContext http, Guid id, ImportService service) =>
            service.Find(id, Principals.Of(http)) is { } job ? Results.Ok(job.Progress(withBadRows: true)) : NotFound(id)).Produces<ImportProgress>();
        imports.MapGet("/{id:guid}/report", (HttpContext http, Guid id, ImportService service) =>
        {
            var reader = new QueryReader(http.Request);
            var format = reader.OneOf(ReportFormat, Refusals.FieldMustBeEither, Either(ReportFormat));
            if (reader.Problem is { } problem) return problem;
            if (service.Find(id, Principals.Of(http)) is not { } job) return NotFound(id);
            if (!job.Done) return Problems.Of(StatusCodes.Status409Conflict, Problems.Conflict, "Not done yet.", $"Import {id} is still {job.Status}; the report follows when it is done.");
            var json = format == "json";
            return Results.File(job.Report(json ? "json" : "csv"), json ? "application/json" : "text/csv; charset=utf-8", $"import-{id}-report.{(json ? "json" : "csv")}");
        }).WithMetadata(new QueryDescription(ReportFormat)).Produces<ImportReport>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status409Conflict);
        imports.MapGet("/templates/{name}.csv", (string name, MonitorClock clock) =>
            ImportAction.All.TryGetValue(name, out var action)
                ? Results.File(ImportTemplates.Csv(action, clock.Today), "text/csv; charset=utf-8", $"import-{name}.csv")
                : NoAction(name)).Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapGet("/templates/{name}.xlsx", (string name, MonitorClock clock) =>
        {
            if (!ImportAction.All.TryGetValue(name, out var action)) return NoAction(name);
            var workbook = new MemoryStream();
            ImportTemplates.Xlsx(action, clock.Today, workbook);
            return Results.File(workbook.ToArray(), Workbook, $"import-{name}.xlsx");
        }).Produces<byte[]>(StatusCodes.Status200OK, Workbook).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext http, ImportService service)
    {
        var actor = Principals.Of(http);
        if (actor.Role is not (Roles.Officer or Roles.Coordinator or Roles.Admin))
            return Problems.Of(StatusCodes.Status403Forbidden, Problems.Forbidden, "You may not do this.", $"The role {actor.Role} does not record actions.");
        if (!TryOptions(http.Request, out var options, out var problem)) return problem!;
        var contentType = http.Request.ContentType?.Split(';')[0].Trim();
        if (contentType is not ("text/csv" or "text/plain" or "application/octet-stream" or Workbook))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "Send CSV or a workbook.",
                "The body must be text/csv (UTF-8) or an Excel workbook (.xlsx).");

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ImportService.MaxBytes;
        if (http.Request.ContentLength > ImportService.MaxBytes) return TooLarge();
        var bytes = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (bytes.Length + read > ImportService.MaxBytes) return TooLarge();
                bytes.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        var (rows, refused) = ImportFile.Open(bytes, options.Delimiter, options.DecimalMark);
        if (refused?.Code == Refusals.ImportNotUtf8.Code) return Problems.Invalid400("body", Refusals.FieldNotUtf8File);
        if (rows is null) return Problems.From(Refusal.Fields([new FieldError("file", refused!.Code, refused.Arguments)]));
        var (job, error) = service.Start(rows, options, actor);
        if (job is null) return Problems.From(Refusal.Fields([new FieldError("file", error!.Code, error.Arguments)]));
        return Results.Accepted($"/api/imports/{job.Id}", job.Progress(withBadRows: false));
    }

    /// <summary>The content type of an Excel workbook (.xlsx).</summary>
    public const string Workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly QueryParameter ReportFormat = new("format", "The report as CSV (the file's delimiter) or JSON.") { Values = ["csv", "json"], Default = "csv" };
    private static readonly QueryParameter Delimiter = new("delimiter", "The CSV file's field delimiter; not given: ; unless the header line has a , and no ; (a workbook has none).")
        { Values = [";", ","], Default = ";" };
    private static readonly QueryParameter Decimal = new("decimal", "The decimal mark of the CSV file's numbers (comma needs the delimiter ;); not given: comma with ;, point with ,.")
        { Values = ["comma", "point"], Default = "comma" };
    private static readonly QueryParameter Partial = new("partial", "Store the valid rows even when other rows are invalid.") { Kind = QueryKind.Flag, Default = "false" };
    private static readonly QueryParameter DryRun = new("dryRun", "Check every row against the rules, store nothing.") { Kind = QueryKind.Flag, Default = "false" };

    /// <summary>The query of <c>POST /api/imports</c>.</summary>
    public static readonly QueryDescription Described = new(Delimiter, Decimal, Partial, DryRun);

    /// <summary>The options of <see cref="Described"/>; a value that is not one of its parameter's answers 400.</summary>
    public static bool TryOptions(HttpRequest request, out ImportOptions options, out IResult? problem)
    {
        var query = new QueryReader(request);
        var delimiter = query.OneOf(Delimiter, Refusals.FieldMustBeEither, Either(Delimiter));
        var separator = query.OneOf(Decimal, Refusals.FieldMustBeEither, Either(Decimal)) switch
        {
            "point" => DecimalMark.Point,
            "comma" => DecimalMark.Comma,
            _ => (DecimalMark?)null,
        };
        var partial = query.Flag(Partial, Refusals.FieldMustBeEither, ("first", "true"), ("second", "false"));
        var dryRun = query.Flag(DryRun, Refusals.FieldMustBeEither, ("first", "true"), ("second", "false"));
        if (!query.Failed && delimiter == "," && separator == DecimalMark.Comma && Present(request, Decimal)) query.Refuse(Decimal, Refusals.FieldDecimalCommaDelimiter);
        problem = query.Problem;
        // What the query does not give, the file decides (ImportFile): its header line's delimiter, the mark that goes with it.
        options = problem is null
            ? new ImportOptions(Present(request, Delimiter) ? delimiter![0] : null, Present(request, Decimal) ? separator : null, partial!.Value, dryRun!.Value)
            : new ImportOptions(null, null, false, false);
        return problem is null;
    }

    private static bool Present(HttpRequest request, QueryParameter parameter) => !string.IsNullOrEmpty(request.Query[parameter.Name].ToString());

    private static (string, object?)[] Either(QueryParameter parameter) => [("first", parameter.Values![0]), ("second", parameter.Values[1])];

    private static IResult NotFound(Guid id) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no import {id} of yours on this silo (imports are kept in the memory of the silo that ran them).");

    private static IResult NoAction(string name) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no import action '{name}' (one of {string.Join(", ", ImportAction.All.Keys)}).");

    private static IResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, Problems.TooLarge,
        "The file is too large.", $"An import holds at most {ImportService.MaxBytes / 1024 / 1024} MB; split the file.");
}
