using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProvincialMonitor.Silo.Import;

/// <summary>One cell the monitor writes into a workbook: text, a number (its invariant text) or a date (<c>yyyy-MM-dd</c>).</summary>
public readonly record struct XlsxCell(string Text, CellKind Kind = CellKind.Text)
{
    public static implicit operator XlsxCell(string text) => new(text);
}

/// <summary>
/// Writes a workbook (.xlsx) sheet by sheet, row by row with <see cref="OpenXmlWriter"/> (no sheet is built in memory). Text is an
/// inline string; a text that begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> gets the quote prefix, so that Excel keeps it as
/// text even when the cell is edited, never a formula (the CSV files put an apostrophe in front; here the text stays exact).
/// Numbers are written from their decimal text, dates as serial numbers of the 1900 date system with a date format.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    /// <summary>The cell formats of <see cref="Styles"/>: 0 general, 1 a date, 2 text with the quote prefix, 3 text.</summary>
    private const uint DateStyle = 1, GuardedStyle = 2, TextStyle = 3;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Sheets _sheets = new();
    private OpenXmlWriter? _writer;
    private uint _row;

    public XlsxWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
    }

    /// <summary>Starts a sheet; <paramref name="columns"/> says which columns take text or dates, so that what a person types there stays so.</summary>
    public void BeginSheet(string name, IReadOnlyList<CellKind>? columns = null)
    {
        EndSheet();
        var part = _workbook.AddNewPart<WorksheetPart>();
        _sheets.Append(new Sheet { Name = name, SheetId = (uint)_sheets.ChildElements.Count + 1, Id = _workbook.GetIdOfPart(part) });
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        if (columns is { Count: > 0 })
        {
            _writer.WriteStartElement(new Columns());
            for (var i = 0; i < columns.Count; i++)
            {
                var style = columns[i] switch { CellKind.Text => TextStyle, CellKind.Date => DateStyle, _ => 0u };
                _writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 18, CustomWidth = true, Style = style });
            }
            _writer.WriteEndElement();
        }
        _writer.WriteStartElement(new SheetData());
        _row = 0;
    }

    public void Row(IReadOnlyList<XlsxCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var writer = _writer ?? throw new InvalidOperationException("No sheet is open.");
        _row++;
        writer.WriteStartElement(new Row { RowIndex = _row });
        for (var i = 0; i < cells.Count; i++)
            if (cells[i].Text.Length > 0) writer.WriteElement(CellOf(cells[i], $"{ExcelCells.Letters(i)}{_row}"));
        writer.WriteEndElement();
    }

    private static Cell CellOf(XlsxCell cell, string reference)
    {
        switch (cell.Kind)
        {
            case CellKind.Number when decimal.TryParse(cell.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                return new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { CellReference = reference };
            case CellKind.Date when DateOnly.TryParseExact(cell.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                var serial = date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                return new Cell(new CellValue(serial.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = DateStyle };
            default:
                var text = XmlText(cell.Text);
                var guarded = text.Length > 0 && text[0] is '=' or '+' or '-' or '@';
                return new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                    { CellReference = reference, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString, StyleIndex = guarded ? GuardedStyle : null };
        }
    }

    /// <summary>The text as XML can hold it: a character XML forbids (a control character, a lone surrogate) becomes U+FFFD.</summary>
    private static string XmlText(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c))) return text;
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) clean.Append(text, i++, 2);
            else clean.Append(System.Xml.XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return clean.ToString();
    }

    private void EndSheet()
    {
        if (_writer is null) return;
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        _writer.Dispose();
        _writer = null;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }) { Count = 4 });

    /// <summary>Ends the last sheet and writes the workbook's list of sheets.</summary>
    public void Dispose()
    {
        EndSheet();
        _workbook.Workbook = new Workbook(_sheets);
        _document.Dispose();
    }
}
