using System.Text;
using Microsoft.AspNetCore.Http.Features;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Silo.Import;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// <c>POST /api/imports</c> (a CSV body, up to 100 MB: this route alone lifts the API's 256 KiB limit) starts an
/// import job and answers 202 with its id; <c>GET /api/imports/{id}</c> is its progress and, once done, the summary
/// with every bad row; <c>GET /api/imports/{id}/report?format=csv|json</c> the full report.
/// </summary>
public static class ImportApi
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports");
        imports.MapPost("/", StartAsync);
        imports.MapGet("/{id:guid}", (HttpContext http, Guid id, ImportService service) =>
            service.Find(id, Principals.Of(http)) is { } job ? Results.Ok(job.Progress(withBadRows: true)) : NotFound(id));
        imports.MapGet("/{id:guid}/report", (HttpContext http, Guid id, string? format, ImportService service) =>
        {
            if (format is not (null or "csv" or "json")) return Problems.Invalid400("format", Refusals.FieldMustBeEither, ("first", "csv"), ("second", "json"));
            if (service.Find(id, Principals.Of(http)) is not { } job) return NotFound(id);
            if (!job.Done) return Problems.Of(StatusCodes.Status409Conflict, Problems.Conflict, "Not done yet.", $"Import {id} is still {job.Status}; the report follows when it is done.");
            var json = format == "json";
            return Results.File(job.Report(json ? "json" : "csv"), json ? "application/json" : "text/csv; charset=utf-8", $"import-{id}-report.{(json ? "json" : "csv")}");
        });
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext http, ImportService service)
    {
        var actor = Principals.Of(http);
        if (actor.Role is not (Roles.Officer or Roles.Coordinator or Roles.Admin))
            return Problems.Of(StatusCodes.Status403Forbidden, Problems.Forbidden, "You may not do this.", $"The role {actor.Role} does not record actions.");
        var query = http.Request.Query;
        if (!TryOptions(query, out var options, out var problem)) return problem!;
        var contentType = http.Request.ContentType?.Split(';')[0].Trim();
        if (contentType is not ("text/csv" or "text/plain" or "application/octet-stream"))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "Send CSV.", "The body must be text/csv (UTF-8).");

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
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Invalid400("body", Refusals.FieldNotUtf8File);
        }

        var (job, error) = service.Start(text, options, actor);
        if (job is null) return Problems.From(Refusal.Fields([new FieldError("file", error!.Code, error.Arguments)]));
        return Results.Accepted($"/api/imports/{job.Id}", job.Progress(withBadRows: false));
    }

    /// <summary>delimiter=;|, (default ,), decimal=comma|point (default point), partial=true, dryRun=true.</summary>
    public static bool TryOptions(IQueryCollection query, out ImportOptions options, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        options = new ImportOptions(',', DecimalMark.Point, false, false);
        problem = null;
        var delimiter = query["delimiter"].FirstOrDefault() ?? ",";
        if (delimiter is not ("," or ";")) problem = Problems.Invalid400("delimiter", Refusals.FieldMustBeEither, ("first", ";"), ("second", ","));
        var separator = (query["decimal"].FirstOrDefault() ?? "point") switch
        {
            "point" => DecimalMark.Point,
            "comma" => DecimalMark.Comma,
            _ => (DecimalMark?)null,
        };
        if (separator is null) problem = Problems.Invalid400("decimal", Refusals.FieldMustBeEither, ("first", "comma"), ("second", "point"));
        if (!TryFlag(query, "partial", out var partial)) problem = Problems.Invalid400("partial", Refusals.FieldMustBeEither, ("first", "true"), ("second", "false"));
        if (!TryFlag(query, "dryRun", out var dryRun)) problem = Problems.Invalid400("dryRun", Refusals.FieldMustBeEither, ("first", "true"), ("second", "false"));
        if (problem is not null) return false;
        if (delimiter == "," && separator == DecimalMark.Comma)
        {
            problem = Problems.Invalid400("decimal", Refusals.FieldDecimalCommaDelimiter);
            return false;
        }
        options = new ImportOptions(delimiter[0], separator!.Value, partial, dryRun);
        return true;
    }

    private static bool TryFlag(IQueryCollection query, string name, out bool value)
    {
        value = false;
        var text = query[name].FirstOrDefault();
        return text is null || bool.TryParse(text, out value);
    }

    private static IResult NotFound(Guid id) =>
        Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"There is no import {id} of yours on this silo (imports are kept in the memory of the silo that ran them).");

    private static IResult TooLarge() => Problems.Of(StatusCodes.Status413PayloadTooLarge, Problems.TooLarge,
        "The file is too large.", $"An import holds at most {ImportService.MaxBytes / 1024 / 1024} MB; split the file.");
}
