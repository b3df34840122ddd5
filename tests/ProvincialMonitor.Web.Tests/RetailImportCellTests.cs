using System.Text.Json.Nodes;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Input;
using ProvincialMonitor.Silo.Import;

namespace ProvincialMonitor.Web.Tests;

/// <summary>A retail command's categories in one import cell: <c>category:m²</c> items separated by <c>|</c>.</summary>
public sealed class RetailImportCellTests
{
    [Fact]
    public void A_categories_cell_reads_as_category_and_area_items_with_the_file_s_decimal_mark()
    {
        var error = CellValues.Parse("categories", "food:1200,5|other-bulky:800", typeof(RetailCategoryArea[]), null, DecimalMark.Comma, out var node);

        Assert.Null(error);
        var items = Assert.IsType<JsonArray>(node);
        Assert.Equal(["food", "other-bulky"], items.Select(i => i!["category"]!.GetValue<string>()));
        Assert.Equal([1200.5m, 800m], items.Select(i => i!["areaM2"]!.GetValue<decimal>()));
    }

    [Fact]
    public void A_categories_cell_without_areas_is_refused_with_its_format()
    {
        var error = CellValues.Parse("categories", "food|other-bulky:800", typeof(RetailCategoryArea[]), null, DecimalMark.Comma, out _);

        Assert.Equal(Refusals.ImportNotRetailCategories.Code, error?.Code);
        Assert.Equal("categories", error?.Field);
    }
}
