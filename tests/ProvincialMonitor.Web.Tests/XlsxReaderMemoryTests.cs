using System.IO.Compression;
using ProvincialMonitor.Silo.Import;

namespace ProvincialMonitor.Web.Tests;

/// <summary>A workbook is read row by row: reading a large sheet keeps no more than a row in memory, whatever the sheet's size.</summary>
[Collection(nameof(XlsxReaderMemoryTests))]
public sealed class XlsxReaderMemoryTests
{
    [Fact]
    public void A_large_sheet_is_read_row_by_row_without_expanding_in_memory()
    {
        const int Rows = 120_000;
        using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"provmon-large-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        using (var writer = new XlsxWriter(file))
        {
            writer.BeginSheet("groot");
            writer.Row(["action", "leadProvince", "externalRef", "title", "totalBudget"]);
            for (var i = 0; i < Rows; i++)
                writer.Row(["register-project", "limburg", $"BIG-{i}", $"Project nummer {i} met een titel van enige lengte", new XlsxCell($"{i}.25", CellKind.Number)]);
        }
        long sheetBytes;
        file.Position = 0;
        using (var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
            sheetBytes = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal)).Length;
        using var bytes = new MemoryStream();
        file.Position = 0;
        file.CopyTo(bytes);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var count = 0;
        CsvRecord? last = null;
        using (var reader = XlsxReader.Open(bytes))
        {
            for (var record = reader.Next(); record is not null; record = reader.Next())
            {
                last = record;
                if (++count % 50_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        Assert.Equal(Rows + 1, count);
        Assert.Equal(["register-project", "limburg", $"BIG-{Rows - 1}", $"Project nummer {Rows - 1} met een titel van enige lengte", $"{Rows - 1}.25"], last!.Fields);
        Assert.True(sheetBytes > 50_000_000, $"the sheet's XML is {sheetBytes:N0} bytes");
        // A sheet loaded whole would hold its XML several times over; read row by row, what stays is the reader's buffers.
        Assert.True(peak < sheetBytes / 4, $"{peak:N0} bytes held while reading a sheet of {sheetBytes:N0} bytes (a workbook of {bytes.Length:N0})");
        Console.WriteLine($"xlsx read: {Rows:N0} rows, workbook {bytes.Length:N0} B, sheet XML {sheetBytes:N0} B, peak held {peak:N0} B");
    }
}

/// <summary>The memory test runs alone: it weighs the whole process's heap.</summary>
[CollectionDefinition(nameof(XlsxReaderMemoryTests), DisableParallelization = true)]
public sealed class XlsxReaderMemoryCollection;
