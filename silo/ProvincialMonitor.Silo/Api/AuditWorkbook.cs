using ProvincialMonitor.Silo.Import;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The audit export as a workbook (.xlsx), laid out as its CSV form: the chain head's line, an empty row, the columns, a row per
/// event. Positions and versions are numbers, the effective date a date, the rest text under the formula guard of
/// <see cref="XlsxWriter"/>. A text longer than a cell holds (32,767 characters) is cut with … at its end: the JSON lines form keeps it whole.
/// Written to a file that is deleted when the answer has been sent.
/// </summary>
public static class AuditWorkbook
{
    public const string ContentType = ImportApi.Workbook;

    private const int CellLimit = 32_767;

    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "position", "stream_version", "at_position", "events", "rows", "chain_head_position" };

    public static Stream Write(IReadOnlyList<string> headColumns, IReadOnlyList<string> head, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headColumns);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"provmon-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            using (var workbook = new XlsxWriter(file))
            {
                workbook.BeginSheet("export");
                workbook.Row([.. headColumns.Select(c => (XlsxCell)c)]);
                workbook.Row(Cells(headColumns, head));
                workbook.Row([]);
                workbook.Row([.. columns.Select(c => (XlsxCell)c)]);
                foreach (var row in rows) workbook.Row(Cells(columns, row));
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static XlsxCell[] Cells(IReadOnlyList<string> columns, IReadOnlyList<string> values) =>
    [
        .. values.Select((value, i) => i < columns.Count && Numbers.Contains(columns[i]) ? new XlsxCell(value, CellKind.Number)
            : i < columns.Count && columns[i] == "effective_date" ? new XlsxCell(value, CellKind.Date)
            : new XlsxCell(value.Length > CellLimit ? string.Concat(value.AsSpan(0, CellLimit - 1), "…") : value)),
    ];
}
