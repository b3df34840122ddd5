using System.Text;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// An uploaded import file opened for reading: an Excel workbook when its bytes begin as one (whatever its name or content
/// type), else CSV in strict UTF-8. CSV's default is the audit export's: <c>;</c> and the decimal comma. A file whose header
/// line has a <c>,</c> and no <c>;</c> is read as <c>,</c>-separated with the decimal point; a delimiter or mark given wins.
/// </summary>
public static class ImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's rows, or why it cannot be read; the stream is the reader's from then on (a workbook reads it as it goes).</summary>
    public static (IRowSource? Rows, Refusal? Problem) Open(MemoryStream bytes, char? delimiter, DecimalMark? mark)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var content = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (XlsxReader.LooksLikeWorkbook(content))
        {
            bytes.Position = 0;
            try
            {
                return (XlsxReader.Open(bytes), null);
            }
            catch (ImportFormatException ex)
            {
                return (null, ex.Why);
            }
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return (null, Refusal.Of(Refusals.ImportNotUtf8));
        }
        var separator = delimiter ?? DelimiterOf(text);
        var decimalMark = mark ?? (separator == ',' ? DecimalMark.Point : DecimalMark.Comma);
        if (separator == ',' && decimalMark == DecimalMark.Comma) return (null, Refusal.Of(Refusals.ImportCommaNeedsSemicolon));
        return (new CsvReader(text, separator, decimalMark), null);
    }

    /// <summary>The delimiter the header line (the first line) uses: <c>,</c> when it has one and no <c>;</c>, else <c>;</c>.</summary>
    public static char DelimiterOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = end < 0 ? text : text[..end];
        return header.Contains(',', StringComparison.Ordinal) && !header.Contains(';', StringComparison.Ordinal) ? ',' : ';';
    }
}
