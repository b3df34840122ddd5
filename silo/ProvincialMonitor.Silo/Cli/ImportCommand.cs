using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// <c>import FILE.csv|FILE.xlsx [--delimiter ;] [--decimal comma] [--partial] [--dry-run] [--report FILE]</c>: uploads the file to
/// <c>POST /api/imports</c>, shows the progress, prints the summary and every bad row, writes the report. Exit code 0
/// when every row was stored or replayed (in a dry run: would be stored or replayed), 1 otherwise, 2 for a usage error.
/// </summary>
public static class ImportCommand
{
    /// <summary>Flags without a value; <see cref="CliOptions"/> reads options as name and value, so they are taken out first.</summary>
    public static readonly string[] Flags = ["--partial", "--dry-run"];

    public static async Task<int> RunAsync(HttpClient http, CliOptions options, ISet<string> flags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(flags);
        if (options.Positional.Count != 1) return CliVerbs.Usage("import needs one FILE.csv or FILE.xlsx");
        var path = options.Positional[0];
        if (!File.Exists(path)) return CliVerbs.Usage($"there is no file {path}");
        // Without --delimiter and --decimal the file decides, as on the upload page (docs/import.md: ; and the decimal comma,
        // a , header read with the decimal point; a workbook is known by its content).
        var delimiter = options.Get("delimiter");
        if (delimiter is not (null or "," or ";")) return CliVerbs.Usage("--delimiter must be ; or ,");
        var decimalMark = options.Get("decimal");
        if (decimalMark is not (null or "comma" or "point")) return CliVerbs.Usage("--decimal must be comma or point");
        var query = $"?partial={(flags.Contains("--partial") ? "true" : "false")}&dryRun={(flags.Contains("--dry-run") ? "true" : "false")}"
            + (delimiter is null ? "" : $"&delimiter={Uri.EscapeDataString(delimiter)}") + (decimalMark is null ? "" : $"&decimal={decimalMark}");

        using var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            : new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var started = await http.PostAsync(new Uri("/api/imports" + query, UriKind.Relative), content, cancellationToken);
        if (!started.IsSuccessStatusCode) return await FailAsync(started, cancellationToken);
        var id = (await ReadAsync(started, cancellationToken)).GetProperty("id").GetString();
        Console.WriteLine($"Import {id} of {path}{(flags.Contains("--dry-run") ? " (dry run: nothing is stored)" : "")}");

        JsonElement progress;
        var lastLine = "";
        var sinceShown = System.Diagnostics.Stopwatch.StartNew();
        var shownOnce = false;
        while (true)
        {
            using var response = await http.GetAsync(new Uri($"/api/imports/{id}", UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode) return await FailAsync(response, cancellationToken);
            progress = await ReadAsync(response, cancellationToken);
            var status = progress.GetProperty("status").GetString();
            var line = Line(progress);
            if (line != lastLine && (!shownOnce || sinceShown.Elapsed > TimeSpan.FromSeconds(1) || status is "done" or "failed"))
            {
                Console.WriteLine(line);
                (lastLine, shownOnce) = (line, true);
                sinceShown.Restart();
            }
            if (status is "done" or "failed") break;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        if (progress.GetProperty("status").GetString() == "failed")
        {
            await Console.Error.WriteLineAsync($"The import failed: {progress.GetProperty("error").GetString()}");
            return 1;
        }
        foreach (var row in progress.GetProperty("badRows").EnumerateArray())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"line {row.GetProperty("line").GetInt32()}: {row.GetProperty("action").GetString()} {row.GetProperty("outcome").GetString()}: {row.GetProperty("reason").GetString()}"));
        if (Number(progress, "skipped") > 0)
            Console.WriteLine($"Nothing was stored: {Number(progress, "invalid"):N0} invalid row(s). Correct them, or import with --partial to store the valid rows.");

        if (options.Get("report") is { Length: > 0 } reportPath)
        {
            var format = reportPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv";
            using var report = await http.GetAsync(new Uri($"/api/imports/{id}/report?format={format}", UriKind.Relative), cancellationToken);
            if (!report.IsSuccessStatusCode) return await FailAsync(report, cancellationToken);
            await using (var file = File.Create(reportPath))
                await report.Content.CopyToAsync(file, cancellationToken);
            Console.WriteLine($"Report written to {reportPath}.");
        }
        return progress.GetProperty("succeeded").ValueKind == JsonValueKind.True ? 0 : 1;
    }

    private static string Line(JsonElement p)
    {
        var total = Number(p, "total");
        var status = p.GetProperty("status").GetString();
        var dry = p.GetProperty("dryRun").GetBoolean();
        if (status == "checking") return string.Create(CultureInfo.InvariantCulture, $"checking: {Number(p, "checked"):N0} rows checked");
        var stored = dry ? string.Create(CultureInfo.InvariantCulture, $"{Number(p, "accepted"):N0} would be stored") : string.Create(CultureInfo.InvariantCulture, $"{Number(p, "stored"):N0} stored");
        return string.Create(CultureInfo.InvariantCulture,
            $"{status}: {Number(p, "applied"):N0} of {total - Number(p, "invalid") - Number(p, "skipped"):N0} rows {(dry ? "decided" : "applied")} ({total:N0} rows, {Number(p, "checked"):N0} checked); {stored}, {Number(p, "replayed"):N0} replayed, {Number(p, "refused"):N0} refused, {Number(p, "invalid"):N0} invalid, {Number(p, "skipped"):N0} not sent");
    }

    private static int Number(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();

    private static async Task<int> FailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string detail;
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()!
                : problem.TryGetProperty("title", out var t) ? t.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            detail = text;
        }
        await Console.Error.WriteLineAsync($"Refused ({(int)response.StatusCode}): {detail}");
        return 1;
    }
}
