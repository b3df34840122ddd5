using System.Text;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Import;

/// <summary>An import file that cannot be read (a CSV quote, a broken workbook): why, by code (its message is the English).</summary>
public sealed class ImportFormatException(Refusal why) : FormatException(why.Message)
{
    public Refusal Why { get; } = why;
}

/// <summary>
/// One record of an import file: its fields and the line (1-based) on which it starts (a workbook's row number);
/// <see cref="Kinds"/> says what each cell of a workbook held (null for CSV: every field is text).
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    public IReadOnlyList<CellKind>? Kinds { get; init; }
}

/// <summary>
/// A small RFC 4180 reader: fields separated by one delimiter character, records by CRLF or LF, fields
/// optionally quoted with <c>"</c> (a quote inside is doubled), quoted fields may hold delimiters and line
/// breaks. A leading UTF-8 byte order mark is skipped. Blank lines are skipped. Line numbers count physical
/// lines, so that a record's number is the line a spreadsheet shows.
/// </summary>
public sealed class CsvReader : IRowSource
{
    private readonly string _text;
    private readonly char _delimiter;
    private int _index;
    private int _line = 1;

    public CsvReader(string text, char delimiter, Contracts.Input.DecimalMark mark = Contracts.Input.DecimalMark.Point)
    {
        DecimalMark = mark;
        ArgumentNullException.ThrowIfNull(text);
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _delimiter = delimiter;
    }

    public char Delimiter => _delimiter;

    public IRowSource Reopen() => new CsvReader(_text, _delimiter, DecimalMark ?? Contracts.Input.DecimalMark.Point);

    public Contracts.Input.DecimalMark? DecimalMark { get; }

    public void Dispose()
    {
    }

    /// <summary>The next record, or null at the end; a malformed quote throws <see cref="FormatException"/> naming the line.</summary>
    public CsvRecord? Next()
    {
        while (_index < _text.Length && (_text[_index] == '\n' || (_text[_index] == '\r' && Peek(1) == '\n')))
        {
            _index += _text[_index] == '\r' ? 2 : 1;
            _line++;
        }
        if (_index >= _text.Length) return null;

        var start = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            if (_index < _text.Length && _text[_index] == '"' && field.Length == 0)
            {
                _index++;
                while (true)
                {
                    if (_index >= _text.Length) throw new ImportFormatException(Refusal.Of(Refusals.ImportQuoteNotClosed, ("line", start)));
                    var c = _text[_index];
                    if (c == '"')
                    {
                        if (Peek(1) == '"')
                        {
                            field.Append('"');
                            _index += 2;
                            continue;
                        }
                        _index++;
                        break;
                    }
                    if (c == '\n') _line++;
                    field.Append(c);
                    _index++;
                }
                if (_index < _text.Length && _text[_index] != _delimiter && _text[_index] != '\n' && !(_text[_index] == '\r' && Peek(1) == '\n'))
                    throw new ImportFormatException(Refusal.Of(Refusals.ImportTextAfterQuote, ("line", _line)));
            }
            else
            {
                while (_index < _text.Length && _text[_index] != _delimiter && _text[_index] != '\n' && !(_text[_index] == '\r' && Peek(1) == '\n'))
                {
                    if (_text[_index] == '"') throw new ImportFormatException(Refusal.Of(Refusals.ImportQuoteInField, ("line", _line)));
                    field.Append(_text[_index]);
                    _index++;
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (_index >= _text.Length) return new CsvRecord(start, fields);
            if (_text[_index] == _delimiter)
            {
                _index++;
                continue;
            }
            _index += _text[_index] == '\r' ? 2 : 1;
            _line++;
            return new CsvRecord(start, fields);
        }
    }

    private char Peek(int ahead) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';
}
