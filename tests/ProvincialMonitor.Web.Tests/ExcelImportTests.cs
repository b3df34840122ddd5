using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Excel in and out (docs/import.md): workbooks imported from the downloaded template, CSV's one default, Dutch headers, the audit export as a workbook.</summary>
public sealed class ExcelImportTests : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly SiloFactory _silo = SiloFactory.Embedded();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _silo.CreateClientWithKey(SiloFactory.AdminKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _silo.DisposeAsync();
    }

    private DateOnly Today => _silo.Services.GetRequiredService<MonitorClock>().Today;

    private async Task<byte[]> TemplateAsync(string action, string extension)
    {
        var response = await _api.GetAsync(new Uri($"/api/imports/templates/{action}.{extension}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Starts an import of <paramref name="body"/> and waits for it: the 202's job as done, or the refusal's answer.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(byte[] body, string contentType, string query = "")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var started = await _api.PostAsync(new Uri($"/api/imports{query}", UriKind.Relative), content);
        var json = await started.JsonAsync();
        if (started.StatusCode != HttpStatusCode.Accepted) return (started.StatusCode, json);
        var id = json.GetProperty("id").GetString();
        for (var i = 0; i < 600; i++)
        {
            var progress = await _api.GetJsonAsync($"/api/imports/{id}");
            if (progress.GetProperty("status").GetString() is "done" or "failed") return (HttpStatusCode.Accepted, progress);
            await Task.Delay(50);
        }
        throw new TimeoutException($"import {id} did not finish");
    }

    private async Task<JsonElement?> ProjectAsync(string province, string externalRef)
    {
        var response = await _api.GetAsync(new Uri($"/api/projects/by-ref/{province}/{externalRef}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.JsonAsync();
    }

    /// <summary>The template with rows added below it as a person fills it in Excel: each cell takes its column's format unless it brings its own.</summary>
    private static byte[] Fill(byte[] template, params Dictionary<string, Cell>[] rows)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
            var data = sheet.GetFirstChild<SheetData>()!;
            var header = data.Elements<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
            var styles = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToDictionary(c => (int)c.Min!.Value - 1, c => c.Style?.Value ?? 0);
            var number = (uint)data.Elements<Row>().Count();
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = ++number };
                foreach (var (column, cell) in values.OrderBy(v => header.IndexOf(v.Key)))
                {
                    var index = header.IndexOf(column);
                    Assert.True(index >= 0, $"the template has no column {column}");
                    cell.CellReference = $"{(char)('A' + index)}{number}";
                    cell.StyleIndex ??= styles[index];
                    row.Append(cell);
                }
                data.Append(row);
            }
        }
        return stream.ToArray();
    }

    private static Cell Text(string text) => new(new InlineString(new Text(text))) { DataType = CellValues.InlineString };

    private static Cell Number(string text) => new(new CellValue(text)) { StyleIndex = 0 };

    /// <summary>A date as Excel stores it: its serial number (1900 date system), in the column's date format or <paramref name="style"/>.</summary>
    private static Cell DateCell(DateOnly date, uint? style = null) =>
        new(new CellValue((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture))) { StyleIndex = style };

    [Fact]
    public async Task A_workbook_made_from_the_downloaded_template_imports_and_stores_its_events()
    {
        var template = await TemplateAsync("register-project", "xlsx");
        var start = Today.AddDays(-3);
        var filled = Fill(template, new Dictionary<string, Cell>
        {
            ["action"] = Text("register-project"), ["leadProvince"] = Text("limburg"), ["externalRef"] = Text("XL-1"), ["title"] = Text("Werkmap"),
            ["domain"] = Text("labour-market"), ["plannedStart"] = DateCell(start), ["totalBudget"] = Number("125000.5"),
        });
        var before = await _silo.CountEventsAsync();

        var (status, job) = await ImportAsync(filled, Xlsx);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(job.GetProperty("succeeded").GetBoolean(), job.ToString());
        Assert.Equal((1, 1), (job.GetProperty("total").GetInt32(), job.GetProperty("stored").GetInt32()));
        Assert.True(await _silo.CountEventsAsync() > before);
        var project = (await ProjectAsync("limburg", "XL-1"))!.Value;
        Assert.Equal("Werkmap", project.GetProperty("title").GetString());
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), project.GetProperty("plannedStart").GetString());
        Assert.Equal(125_000.5m, project.GetProperty("totalBudget").GetDecimal());
    }

    [Fact]
    public async Task The_templates_hold_the_columns_an_example_and_the_allowed_values_from_the_catalog()
    {
        var csv = Encoding.UTF8.GetString(await TemplateAsync("grant-subsidy", "csv"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var missing = await _api.GetAsync(new Uri("/api/imports/templates/no-such-action.csv", UriKind.Relative));

        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        Assert.Equal("action;projectId;leadProvince;externalRef;grantRef;amount;funder;grantingProvince", string.Join(';', lines[0].Split(';').Take(8)));
        Assert.StartsWith("# Nederlandse naam;Project-id;Leidende provincie;Eigen code;Subsidiereferentie;Bedrag;Financier", lines[1], StringComparison.Ordinal);
        Assert.Contains("één van: province (Provincie) | pom (POM) | flanders (Vlaamse overheid) | eu (Europese Unie)", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("# voorbeeld: grant-subsidy;;limburg;VB-1;VB-1;1250,50;province", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The template as downloaded imports nothing: its example and notes are comments.
        var (_, job) = await ImportAsync(Encoding.UTF8.GetBytes(csv), "text/csv");
        Assert.Equal((0, "done"), (job.GetProperty("total").GetInt32(), job.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_broken_workbook_is_refused_whole_and_nothing_is_stored()
    {
        var template = await TemplateAsync("register-project", "xlsx");
        var before = await _silo.CountEventsAsync();

        var (status, problem) = await ImportAsync(template[..(template.Length / 2)], Xlsx);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == "import.not-a-workbook");
        Assert.Contains("not a readable Excel workbook", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _silo.CountEventsAsync());
    }

    [Fact]
    public async Task A_sheet_that_breaks_off_fails_the_import_and_nothing_is_stored()
    {
        var rows = Enumerable.Range(1, 30).Select(i => new Dictionary<string, Cell>
        {
            ["action"] = Text("register-project"), ["leadProvince"] = Text("limburg"), ["externalRef"] = Text($"XB-{i}"), ["title"] = Text($"Breuk {i}"), ["domain"] = Text("labour-market"),
        }).ToArray();
        var whole = Fill(await TemplateAsync("register-project", "xlsx"), rows);
        using var broken = new MemoryStream();
        broken.Write(whole);
        using (var zip = new ZipArchive(broken, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            writer.Write(xml[..xml.IndexOf("XB-20", StringComparison.Ordinal)]);
        }
        var before = await _silo.CountEventsAsync();

        var (status, job) = await ImportAsync(broken.ToArray(), Xlsx);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("the workbook cannot be read after row", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _silo.CountEventsAsync());
        Assert.Null(await ProjectAsync("limburg", "XB-1"));
    }

    [Fact]
    public async Task Money_with_more_than_two_decimals_and_a_date_where_text_is_expected_are_refused_naming_column_and_row()
    {
        Dictionary<string, Cell> Filled(string reference, Cell budget, Cell? externalRef = null) => new()
        {
            ["action"] = Text("register-project"), ["leadProvince"] = Text("limburg"), ["externalRef"] = externalRef ?? Text(reference),
            ["title"] = Text("Geld"), ["domain"] = Text("labour-market"), ["totalBudget"] = budget,
        };
        var workbook = Fill(await TemplateAsync("register-project", "xlsx"),
            Filled("XM-1", Text("1,234")), Filled("XM-2", Number("1234.567")), Filled("XM-3", Number("10"), DateCell(Today, style: 1)), Filled("XM-4", Number("99.99")));
        var before = await _silo.CountEventsAsync();

        var (_, job) = await ImportAsync(workbook, Xlsx);

        Assert.Equal(before, await _silo.CountEventsAsync());
        Assert.Equal((3, 1, 0), (job.GetProperty("invalid").GetInt32(), job.GetProperty("skipped").GetInt32(), job.GetProperty("stored").GetInt32()));
        var bad = job.GetProperty("badRows").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([5, 6, 7], bad.Keys.Order());
        Assert.StartsWith("totalBudget", bad[5], StringComparison.Ordinal);
        Assert.Contains("decimals", bad[5], StringComparison.Ordinal);
        Assert.StartsWith("totalBudget", bad[6], StringComparison.Ordinal);
        Assert.StartsWith("externalRef holds a date", bad[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comma_separated_file_is_detected_and_read_with_the_decimal_point_and_the_default_is_semicolon_with_the_decimal_comma()
    {
        var comma = "action,leadProvince,externalRef,title,domain,totalBudget\r\nregister-project,limburg,CSV-1,Komma,labour-market,1250.50\r\n";
        var semicolon = "action;leadProvince;externalRef;title;domain;totalBudget\r\nregister-project;limburg;CSV-2;Puntkomma;labour-market;1250,50\r\n";

        var (_, first) = await ImportAsync(Encoding.UTF8.GetBytes(comma), "text/csv");
        var (_, second) = await ImportAsync(Encoding.UTF8.GetBytes(semicolon), "text/csv");

        Assert.True(first.GetProperty("succeeded").GetBoolean(), first.ToString());
        Assert.True(second.GetProperty("succeeded").GetBoolean(), second.ToString());
        Assert.Equal(1250.50m, (await ProjectAsync("limburg", "CSV-1"))!.Value.GetProperty("totalBudget").GetDecimal());
        Assert.Equal(1250.50m, (await ProjectAsync("limburg", "CSV-2"))!.Value.GetProperty("totalBudget").GetDecimal());
    }

    [Fact]
    public async Task Dutch_column_headers_are_read_as_their_fields()
    {
        var file = "Actie;Leidende provincie;Eigen code;titel;Domein;Totaal budget\r\nregister-project;limburg;NL-1;Nederlandse kop;labour-market;10,50\r\n";

        var (status, job) = await ImportAsync(Encoding.UTF8.GetBytes(file), "text/csv");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(job.GetProperty("succeeded").GetBoolean(), job.ToString());
        Assert.Equal("Nederlandse kop", (await ProjectAsync("limburg", "NL-1"))!.Value.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_audit_export_as_a_workbook_opens_and_keeps_a_formula_like_text_as_text()
    {
        await _api.PostJsonAsync("/api/provinces/limburg/decisions",
            """{"reference":"=SOM(1;2)","decidingBody":"deputatie","title":"Formule","domain":"labour-market","summary":"Samenvatting","decisionRef":"=SOM(1;2)"}""");
        var auditorKey = (await (await _api.PostJsonAsync("/api/admin/apikeys", """{"role":"auditor"}""")).JsonAsync()).GetProperty("key").GetString()!;
        using var auditor = _silo.CreateClientWithKey(auditorKey);

        var response = await auditor.GetAsync(new Uri("/api/audit/export?format=xlsx&province=limburg&type=DecisionTaken.v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var header = rows[3].Elements<Cell>().Select(c => c.InnerText).ToList();
        var cell = rows.Skip(4).SelectMany(r => r.Elements<Cell>()).Single(c => c.CellReference!.Value!.StartsWith(Letters(header.IndexOf("decision_ref")), StringComparison.Ordinal)
            && c.InnerText.Contains("SOM", StringComparison.Ordinal));
        Assert.Equal("=SOM(1;2)", cell.InnerText);
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value);
        Assert.Empty(document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        var position = rows[4].Elements<Cell>().First();
        Assert.Null(position.DataType);
        Assert.True(long.TryParse(position.InnerText, CultureInfo.InvariantCulture, out _));
    }

    private static string Letters(int column) => column < 26 ? ((char)('A' + column)).ToString() : $"{(char)('A' + column / 26 - 1)}{(char)('A' + column % 26)}";
}
