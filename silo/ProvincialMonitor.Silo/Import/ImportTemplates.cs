using System.Globalization;
using System.Text;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Input;

namespace ProvincialMonitor.Silo.Import;

/// <summary>
/// A file to fill for one import action, as CSV (<c>;</c>, decimal comma, UTF-8 with BOM) or as a workbook, all read from the
/// command catalog: the header (the action's columns by their JSON names), then three comment rows (an action that begins with
/// <c>#</c> is skipped): the Dutch names, what each column takes (the allowed values of a choice), and an example.
/// </summary>
public static class ImportTemplates
{
    /// <summary>One column of a template: its name, Dutch name, what it takes and an example value.</summary>
    public sealed record TemplateColumn(string Name, string Dutch, string Takes, XlsxCell Example, CellKind Kind);

    public static IReadOnlyList<TemplateColumn> Columns(ImportAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        var columns = new List<TemplateColumn> { new(ImportAction.ActionColumn, Dutch(ImportAction.ActionColumn), $"de actie: {action.Entry.Label}", action.Name, CellKind.Text) };
        foreach (var reference in action.ReferenceColumns) columns.Add(Column(null, reference, typeof(string), null, today));
        foreach (var (name, type) in action.Fields) columns.Add(Column(action.Entry.Command, name, type, action.NumberKinds.GetValueOrDefault(name), today));
        return columns;
    }

    /// <summary>The rows of the template: header, Dutch names, what each column takes, an example (the last three are comments).</summary>
    public static IEnumerable<IReadOnlyList<XlsxCell>> Rows(ImportAction action, DateOnly today)
    {
        var columns = Columns(action, today);
        yield return [.. columns.Select(c => (XlsxCell)c.Name)];
        yield return [.. columns.Select((c, i) => (XlsxCell)(i == 0 ? "# Nederlandse naam" : c.Dutch))];
        yield return [.. columns.Select((c, i) => (XlsxCell)(i == 0 ? "# wat de kolom bevat" : c.Takes))];
        yield return [.. columns.Select((c, i) => i == 0 ? new XlsxCell($"# voorbeeld: {action.Name}") : c.Example)];
    }

    public static byte[] Csv(ImportAction action, DateOnly today)
    {
        var text = new StringBuilder("\uFEFF");
        foreach (var row in Rows(action, today))
        {
            text.AppendJoin(';', row.Select(cell => CsvField.Quote(cell.Kind == CellKind.Number ? cell.Text.Replace('.', ',') : cell.Text, ';')));
            text.Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static void Xlsx(ImportAction action, DateOnly today, Stream output)
    {
        using var workbook = new XlsxWriter(output);
        workbook.BeginSheet(action.Name.Length > 31 ? action.Name[..31] : action.Name, [.. Columns(action, today).Select(c => c.Kind)]);
        foreach (var row in Rows(action, today)) workbook.Row(row);
    }

    private static string Dutch(string column) => ImportColumns.DutchOf(column) ?? "";

    private static TemplateColumn Column(Type? command, string name, Type type, NumberKind? number, DateOnly today)
    {
        var dutch = Dutch(name);
        if (FieldLabels.CodesOf(command, name) is { } codes)
            return new(name, dutch, $"één van: {string.Join(" | ", codes.Options.Select(o => $"{o.Key} ({o.Value})"))}", codes.Codes.First(), CellKind.Text);
        if (name.Contains("rovince", StringComparison.Ordinal))
            return new(name, dutch, $"{(type == typeof(string[]) ? "provincies, gescheiden door |, elk" : "een provincie")}: {string.Join(" | ", ProvinceSlugs.All)}", "limburg", CellKind.Text);
        if (type == typeof(decimal) || type == typeof(int) || type == typeof(long))
        {
            var kind = number ?? NumberKind.Whole;
            var takes = kind.IsWhole ? "een geheel getal" : kind == NumberKind.Money ? "een bedrag in euro, ten hoogste 2 decimalen" : $"een getal, ten hoogste {kind.Decimals} decimalen";
            return new(name, dutch, takes, new XlsxCell(kind.IsWhole ? "10" : kind.Decimals >= 2 ? "1250.50" : "12.5", CellKind.Number), CellKind.Number);
        }
        if (type == typeof(DateOnly))
            return new(name, dutch, "een datum (JJJJ-MM-DD of DD/MM/JJJJ)", new XlsxCell(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date), CellKind.Date);
        if (type == typeof(DateTimeOffset))
            return new(name, dutch, "een tijdstip met tijdzone (JJJJ-MM-DDTuu:mm:ss+01:00)", $"{today:yyyy-MM-dd}T10:30:00+01:00", CellKind.Text);
        if (type == typeof(bool)) return new(name, dutch, "true | false", "false", CellKind.Text);
        if (type == typeof(Guid)) return new(name, dutch, "een id (UUID)", "", CellKind.Text);
        if (type == typeof(CampaignTargetRequest[]))
            return new(name, dutch, "provincie:gemeenten:markten:deelnames, gescheiden door |", "limburg:20:40:5000", CellKind.Text);
        if (type == typeof(string[])) return new(name, dutch, "een lijst, gescheiden door |", "", CellKind.Text);
        var example = name.EndsWith("Ref", StringComparison.Ordinal) ? "VB-1" : name is "slug" or "campaign" or "cluster" or "market" or "businessPark" ? "vb-1" : "";
        return new(name, dutch, "tekst", example, CellKind.Text);
    }
}
