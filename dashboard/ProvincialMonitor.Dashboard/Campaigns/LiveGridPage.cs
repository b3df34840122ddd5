using Radzen;

namespace ProvincialMonitor.Dashboard.Campaigns;

/// <summary>
/// The page of an in-memory list that a RadzenDataGrid shows in LoadData mode. A grid bound to the whole list goes back
/// to its first page whenever the list is replaced, which on a live page is every second; this keeps the reader's page
/// and sort order and only cuts the new rows to them.
/// </summary>
public sealed class LiveGridPage<T>(int pageSize)
{
    private int _skip;
    private int _take = pageSize;
    private string? _orderBy;

    /// <summary>Null until the grid asked for its first page.</summary>
    public IReadOnlyList<T>? Items { get; private set; }

    /// <summary>All rows that pass the filter, on every page.</summary>
    public int Count { get; private set; }

    /// <summary>The grid asks for a page (first render, paging, sorting).</summary>
    public void Load(LoadDataArgs args, IEnumerable<T> rows)
    {
        _skip = args.Skip ?? 0;
        _take = args.Top is > 0 and var top ? top : _take;
        _orderBy = args.OrderBy;
        Cut(rows);
    }

    /// <summary>New rows for the same page and order; nothing before the grid asked for its first page.</summary>
    public void Refresh(IEnumerable<T> rows)
    {
        if (Items is not null) Cut(rows);
    }

    private void Cut(IEnumerable<T> rows)
    {
        var query = rows.AsQueryable();
        if (!string.IsNullOrEmpty(_orderBy)) query = query.OrderBy(_orderBy);
        var all = query.ToList();
        Count = all.Count;
        Items = all.Skip(_skip).Take(_take).ToList();
    }
}
