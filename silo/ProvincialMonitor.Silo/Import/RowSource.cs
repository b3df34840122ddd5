namespace ProvincialMonitor.Silo.Import;

/// <summary>What a cell of a workbook held: text, a number (its invariant text), a date (its serial number) or an error (#N/A).</summary>
public enum CellKind
{
    Text,
    Number,
    Date,
    Error,
}

/// <summary>The records of an import file, one at a time: the header first, then the rows (a CSV file or the first sheet of a workbook).</summary>
public interface IRowSource : IDisposable
{
    /// <summary>The next record, or null at the end; a file that cannot be read further throws <see cref="ImportFormatException"/>.</summary>
    CsvRecord? Next();

    /// <summary>The delimiter the report is written with.</summary>
    char Delimiter { get; }

    /// <summary>The decimal mark of the file's text numbers (null: a workbook, whose text cells are read as a form reads them).</summary>
    Contracts.Input.DecimalMark? DecimalMark { get; }

    /// <summary>A reader of the same file from its first record (the header): an import reads its file once per pass, keeping no rows.</summary>
    IRowSource Reopen();
}
