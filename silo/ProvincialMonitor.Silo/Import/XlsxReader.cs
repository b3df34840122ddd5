using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// The first sheet of an Excel workbook (.xlsx) as import records, read row by row with <see cref="OpenXmlReader"/>: the sheet
/// is never loaded whole. A record's line is the row number Excel shows; its cells keep their kind (<see cref="CellKind"/>):
/// a number is its exact text (never a double), a cell with a date format its date as <c>yyyy-MM-dd</c>. The shared strings
/// and the styles are read once, the same way. A file that is no workbook, or whose sheet breaks off, is refused whole.
/// </summary>
public sealed class XlsxReader : IRowSource
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _sheet;
    private readonly List<string> _strings;
    private readonly bool[] _dateStyles;
    private readonly bool _date1904;
    private int _lastRow;
    private ArraySegment<byte> _file;

    private XlsxReader(SpreadsheetDocument document, OpenXmlReader sheet, List<string> strings, bool[] dateStyles, bool date1904)
    {
        (_document, _sheet, _strings, _dateStyles, _date1904) = (document, sheet, strings, dateStyles, date1904);
    }

    /// <summary>Whether the bytes begin as a zip archive (as every .xlsx does).</summary>
    public static bool LooksLikeWorkbook(ReadOnlySpan<byte> start) => start.StartsWith("PK\u0003\u0004"u8);

    public char Delimiter => ';';

    public DecimalMark? DecimalMark => null;

    public IRowSource Reopen() => Open(new MemoryStream(_file.Array!, _file.Offset, _file.Count, writable: false, publiclyVisible: true));

    /// <summary>Opens the workbook's first sheet; a file that is not a readable workbook throws <see cref="ImportFormatException"/>.</summary>
    public static XlsxReader Open(MemoryStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.TryGetBuffer(out var file)) file = stream.ToArray();
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value ?? throw new InvalidDataException("no sheet");
            var sheet = (WorksheetPart)workbook.GetPartById(first);
            var date1904 = workbook.Workbook.WorkbookProperties?.Date1904?.Value == true;
            var strings = workbook.SharedStringTablePart is { } shared ? SharedStrings(shared) : [];
            var dates = workbook.WorkbookStylesPart is { } styles ? DateStyles(styles) : [];
            return new XlsxReader(document, OpenXmlReader.Create(sheet), strings, dates, date1904) { _file = file };
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            document?.Dispose();
            throw new ImportFormatException(Refusal.Of(Refusals.ImportNotAWorkbook));
        }
    }

    public CsvRecord? Next()
    {
        try
        {
            while (ReadRow() is { } row)
                if (row.Fields.Count > 0) return row;
            return null;
        }
        catch (Exception ex) when (Unreadable(ex))
        {
            throw new ImportFormatException(Refusal.Of(Refusals.ImportBrokenWorkbook, ("row", _lastRow)));
        }
    }

    /// <summary>The next row with its cells up to the last one that holds something (the cells between empty); null at the end.</summary>
    private CsvRecord? ReadRow()
    {
        var fields = new List<string>();
        var kinds = new List<CellKind>();
        var row = -1;
        var column = -1;
        while (_sheet.Read())
        {
            if (_sheet.ElementType == typeof(Row))
            {
                if (_sheet.IsStartElement)
                {
                    row = int.TryParse(Attribute(_sheet, "r"), out var r) ? r : _lastRow + 1;
                    if (row <= _lastRow) throw new InvalidDataException("rows out of order");
                    column = -1;
                    continue;
                }
                _lastRow = row;
                return new CsvRecord(row, fields) { Kinds = kinds };
            }
            if (row < 0 || _sheet.ElementType != typeof(Cell) || !_sheet.IsStartElement) continue;
            var reference = Attribute(_sheet, "r");
            column = reference is null ? column + 1 : ExcelCells.Column(reference);
            var type = Attribute(_sheet, "t");
            var style = uint.TryParse(Attribute(_sheet, "s"), out var s) ? s : 0;
            var (text, kind) = ReadCell(type, style);
            if (column < fields.Count) throw new InvalidDataException("cells out of order");
            if (text.Length == 0) continue;
            while (fields.Count < column)
            {
                fields.Add("");
                kinds.Add(CellKind.Text);
            }
            fields.Add(text);
            kinds.Add(kind);
        }
        return null;
    }

    /// <summary>The cell's text and kind, reading up to its end.</summary>
    private (string Text, CellKind Kind) ReadCell(string? type, uint style)
    {
        string? value = null;
        StringBuilder? inline = null;
        var phonetic = 0;
        while (_sheet.Read())
        {
            var element = _sheet.ElementType;
            if (element == typeof(Cell) && _sheet.IsEndElement) break;
            if (element == typeof(PhoneticRun)) phonetic += _sheet.IsStartElement ? 1 : -1;
            if (!_sheet.IsStartElement) continue;
            if (element == typeof(CellValue)) value = _sheet.GetText();
            else if (element == typeof(Text) && phonetic == 0) (inline ??= new StringBuilder()).Append(_sheet.GetText());
        }
        switch (type)
        {
            case "s":
                return value is null ? ("", CellKind.Text) : (_strings[int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)], CellKind.Text);
            case "inlineStr":
                return (inline?.ToString() ?? "", CellKind.Text);
            case "str":
                return (value ?? "", CellKind.Text);
            case "b":
                return (value switch { "1" => "true", "0" => "false", _ => value ?? "" }, CellKind.Text);
            case "e":
                return (value ?? "#?", CellKind.Error);
            case "d":
                return value is null ? ("", CellKind.Text) : (value.Length > 10 && value[10] == 'T' && value.EndsWith("T00:00:00", StringComparison.Ordinal) ? value[..10] : value, CellKind.Date);
            default:
                if (value is null) return ("", CellKind.Text);
                if (style < _dateStyles.Length && _dateStyles[style]) return (ExcelCells.Date(value, _date1904) ?? value, CellKind.Date);
                return (ExcelCells.Number(value) ?? value, CellKind.Number);
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        StringBuilder? item = null;
        var phonetic = 0;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(SharedStringItem))
            {
                if (reader.IsStartElement) item = new StringBuilder();
                else strings.Add(item?.ToString() ?? "");
            }
            else if (element == typeof(PhoneticRun)) phonetic += reader.IsStartElement ? 1 : -1;
            else if (element == typeof(Text) && reader.IsStartElement && phonetic == 0) item?.Append(reader.GetText());
        }
        return strings;
    }

    /// <summary>For each cell format (the <c>s</c> of a cell), whether its number format shows a date.</summary>
    private static bool[] DateStyles(WorkbookStylesPart part)
    {
        var custom = new Dictionary<uint, string>();
        var formats = new List<uint>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(CellFormats)) inCellFormats = reader.IsStartElement;
            if (!reader.IsStartElement) continue;
            var id = uint.TryParse(Attribute(reader, "numFmtId"), out var n) ? n : 0;
            if (reader.ElementType == typeof(NumberingFormat)) custom[id] = Attribute(reader, "formatCode") ?? "";
            else if (inCellFormats && reader.ElementType == typeof(CellFormat)) formats.Add(id);
        }
        return [.. formats.Select(id => ExcelCells.IsDateFormat(id, custom.GetValueOrDefault(id)))];
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri)) return attribute.Value;
        return null;
    }

    /// <summary>What a damaged file throws (a broken zip, bad XML, a missing part, an index past the shared strings), not the process's own failures.</summary>
    private static bool Unreadable(Exception ex) => ex is not (OutOfMemoryException or OperationCanceledException or ImportFormatException);

    public void Dispose()
    {
        _sheet.Dispose();
        _document.Dispose();
    }
}
