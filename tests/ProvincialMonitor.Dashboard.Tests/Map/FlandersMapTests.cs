using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Dashboard.Map;

namespace ProvincialMonitor.Dashboard.Tests.Map;

public sealed class FlandersMapTests : DashboardContext
{
    private readonly MapShapes _shapes = MapSamples.Shapes();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<FlandersMap> Map(Dictionary<string, decimal?> values, MeasureUnit unit = MeasureUnit.Count,
        MapLevel level = MapLevel.Municipalities, string? province = null, TimeSpan? interval = null) =>
        Render<FlandersMap>(p => p
            .Add(m => m.Shapes, _shapes)
            .Add(m => m.Level, level)
            .Add(m => m.Values, values)
            .Add(m => m.Label, unit == MeasureUnit.Money ? "Toegekend" : "Projecten")
            .Add(m => m.Unit, unit)
            .Add(m => m.Province, province)
            .Add(m => m.Note, "Een project in meer gemeenten telt in elke gemeente volledig mee")
            .Add(m => m.RenderInterval, interval ?? TimeSpan.Zero));

    private static IElement Shape(IRenderedComponent<FlandersMap> map, string key) => map.Find($"path.pm-map-shape[data-key='{key}']");

    private static string? ClassOf(IRenderedComponent<FlandersMap> map, string key) => Shape(map, key).GetAttribute("class");

    [Fact]
    public void Each_municipality_is_one_even_odd_path_over_the_grey_context_with_the_province_borders()
    {
        var map = Map(MapSamples.Values());

        var shapes = map.FindAll("path.pm-map-shape");
        Assert.Equal(5, shapes.Count);
        Assert.All(shapes, s => Assert.Equal("evenodd", s.GetAttribute("fill-rule")));
        Assert.Equal("M20 10H30V20H20ZM22 12H28V18H22ZM40 10H45V15H40Z", Shape(map, "73109").GetAttribute("d"));
        Assert.Equal(2, map.FindAll(".pm-map-context path.pm-map-context-shape").Count);
        Assert.Equal(2, map.FindAll(".pm-map-borders path").Count);
        Assert.Equal("0 0 50 30", map.Find("svg").GetAttribute("viewBox"));
        Assert.Equal("group", map.Find("svg").GetAttribute("role"));
        Assert.Equal("Kaart van Vlaanderen: projecten per gemeente", map.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void The_provinces_level_draws_the_provinces_by_slug()
    {
        var map = Map(MapSamples.Values(("limburg", 3m)), level: MapLevel.Provinces);

        Assert.Equal(["antwerpen", "limburg"], map.FindAll("path.pm-map-shape").Select(p => p.GetAttribute("data-key")));
        Assert.Empty(map.FindAll(".pm-map-borders"));
        Assert.Equal("Limburg: 3", Shape(map, "limburg").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_shape_class_follows_its_value_in_round_equal_classes()
    {
        var map = Map(MapSamples.Values(("11001", 10m), ("11002", 50m), ("11004", 25m), ("71002", 0m)));

        Assert.Equal("pm-map-shape pm-map-c0", ClassOf(map, "11001"));
        Assert.Equal("pm-map-shape pm-map-c4", ClassOf(map, "11002"));
        Assert.Equal("pm-map-shape pm-map-c2", ClassOf(map, "11004"));
        Assert.Equal("pm-map-shape pm-map-none", ClassOf(map, "71002"));
        Assert.Equal("pm-map-shape pm-map-none", ClassOf(map, "73109"));
        Assert.DoesNotContain("fill:", map.Find("svg").OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legend_gives_each_class_range_in_Belgian_euros_with_the_unit_and_the_note()
    {
        var map = Map(MapSamples.Values(("11001", 1_000m), ("11002", 47_000.5m)), MeasureUnit.Money);

        Assert.Equal("Toegekend (in euro)", map.Find(".pm-map-legend-title").TextContent);
        var items = map.FindAll(".pm-map-legend li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal([
            "meer dan €\u00A00 tot en met €\u00A010.000",
            "meer dan €\u00A010.000 tot en met €\u00A020.000",
            "meer dan €\u00A020.000 tot en met €\u00A030.000",
            "meer dan €\u00A030.000 tot en met €\u00A040.000",
            "meer dan €\u00A040.000 tot en met €\u00A050.000",
            "0 of geen waarde"], items);
        Assert.Equal(["pm-map-c0", "pm-map-c1", "pm-map-c2", "pm-map-c3", "pm-map-c4", "pm-map-none"],
            map.FindAll(".pm-map-legend li").Select(li => li.GetAttribute("data-class")));
        var notes = map.FindAll(".pm-map-legend-note").Select(p => p.TextContent).ToList();
        Assert.Contains(MapClasses.Method, notes);
        Assert.Contains("Een project in meer gemeenten telt in elke gemeente volledig mee", notes);
    }

    [Fact]
    public void A_count_legend_names_whole_ranges()
    {
        var map = Map(MapSamples.Values(("11001", 3m), ("11002", 12m)));

        Assert.Equal("Projecten (aantal)", map.Find(".pm-map-legend-title").TextContent);
        Assert.Equal(["1 tot en met 5", "6 tot en met 10", "11 tot en met 15", "0 of geen waarde"],
            map.FindAll(".pm-map-legend li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void The_table_alternative_lists_name_province_and_value_sorted_by_name()
    {
        var map = Map(MapSamples.Values(("11001", 1_000m), ("73109", 2_500.5m), ("71002", 0m)), MeasureUnit.Money);

        var table = map.Find("details.pm-map-table");
        Assert.Equal("Tabel bij de kaart", table.QuerySelector("summary")!.TextContent);
        Assert.Equal(["Gemeente", "Provincie", "Toegekend (in euro)"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = table.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal([
            "Aartselaar | Antwerpen | €\u00A01.000,00",
            "Antwerpen | Antwerpen | geen waarde",
            "As | Limburg | €\u00A00,00",
            "Boechout | Antwerpen | geen waarde",
            "Voeren | Limburg | €\u00A02.500,50"], rows);
        Assert.Equal("gemeenten/73109", table.QuerySelector("tr[data-key='73109'] a")!.GetAttribute("href"));
    }

    [Fact]
    public void Each_shape_has_a_Dutch_accessible_name_with_its_value()
    {
        var map = Map(MapSamples.Values(("11001", 1_234.5m)), MeasureUnit.Money);

        Assert.Equal("Aartselaar: €\u00A01.234,50", Shape(map, "11001").GetAttribute("aria-label"));
        Assert.Equal("Boechout: geen waarde", Shape(map, "11004").GetAttribute("aria-label"));
        Assert.All(map.FindAll("path.pm-map-shape"), p => Assert.Equal("link", p.GetAttribute("role")));
        Assert.All(map.FindAll(".pm-map-context, .pm-map-borders"), g => Assert.Equal("true", g.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void The_map_is_one_tab_stop_and_the_arrow_keys_move_to_the_neighbour_in_that_direction()
    {
        var map = Map(MapSamples.Values(("11002", 4m)));
        string[] Stops() => [.. map.FindAll("path.pm-map-shape[tabindex='0']").Select(p => p.GetAttribute("data-key")!)];

        Assert.Equal(["11001"], Stops());
        Assert.All(map.FindAll("path.pm-map-shape[data-key]:not([data-key='11001'])"), p => Assert.Equal("-1", p.GetAttribute("tabindex")));

        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal(["11002"], Stops());
        JSInterop.VerifyFocusAsyncInvoke();
        Assert.Equal("Antwerpen 4", map.Find(".pm-map-tooltip").TextContent.Trim());

        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal(["11004"], Stops());
        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal(["11004"], Stops());
        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "End" });
        Assert.Equal(["73109"], Stops());
        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "Home" });
        Assert.Equal(["11001"], Stops());
    }

    [Fact]
    public void Enter_opens_the_municipality_and_a_click_opens_the_province()
    {
        var map = Map(MapSamples.Values());
        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "End" });
        map.Find("svg").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.EndsWith("/gemeenten/73109", Navigation.Uri, StringComparison.Ordinal);

        var provinces = Map(MapSamples.Values(), level: MapLevel.Provinces);
        Shape(provinces, "limburg").Click();
        Assert.EndsWith("/provincies/limburg", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_and_focus_show_the_tooltip_with_name_and_value()
    {
        var map = Map(MapSamples.Values(("73109", 7m)));
        Assert.Empty(map.FindAll(".pm-map-tooltip"));

        Shape(map, "73109").MouseOver();
        var tip = map.Find(".pm-map-tooltip");
        Assert.Equal("Voeren 7", tip.TextContent.Trim());
        Assert.Equal("left: 65%; top: 33.33%", tip.GetAttribute("style"));
        Assert.Equal("pm-map-tooltip", tip.GetAttribute("class"));
        Assert.Equal(2, map.FindAll(".pm-map-ring path").Count);
        Assert.All(map.FindAll(".pm-map-ring path"), ring => Assert.Equal(Shape(map, "73109").GetAttribute("d"), ring.GetAttribute("d")));
        Shape(map, "73109").MouseOut();
        Assert.Empty(map.FindAll(".pm-map-tooltip"));

        Shape(map, "11001").MouseOver();
        Assert.Equal("pm-map-tooltip pm-map-tooltip-start", map.Find(".pm-map-tooltip").GetAttribute("class"));
        Shape(map, "11001").MouseOut();

        Shape(map, "71002").Focus();
        Assert.Equal("As geen waarde", map.Find(".pm-map-tooltip").TextContent.Trim());
        Shape(map, "71002").Blur();
        Assert.Empty(map.FindAll(".pm-map-tooltip"));
    }

    [Fact]
    public void A_new_value_changes_only_the_class_of_its_shape_and_never_a_path()
    {
        var map = Map(MapSamples.Values(("11001", 10m), ("11002", 50m), ("11004", 25m)));
        var before = map.FindAll("path").ToDictionary(p => p.GetAttribute("data-key") ?? p.GetAttribute("d")!, p => p.GetAttribute("d"));
        var classes = map.FindAll("path.pm-map-shape").ToDictionary(p => p.GetAttribute("data-key")!, p => p.GetAttribute("class"));

        map.Render(p => p.Add(m => m.Values, MapSamples.Values(("11001", 10m), ("11002", 50m), ("11004", 45m))));

        Assert.Equal("pm-map-shape pm-map-c4", ClassOf(map, "11004"));
        Assert.NotEqual(classes["11004"], ClassOf(map, "11004"));
        Assert.All(classes.Where(c => c.Key != "11004"), c => Assert.Equal(c.Value, ClassOf(map, c.Key)));
        Assert.Equal(before, map.FindAll("path").ToDictionary(p => p.GetAttribute("data-key") ?? p.GetAttribute("d")!, p => p.GetAttribute("d")));
    }

    [Fact]
    public void A_burst_of_values_ends_with_the_last_ones_drawn()
    {
        var map = Map(MapSamples.Values(("11001", 1m)), interval: TimeSpan.FromMilliseconds(500));

        for (var i = 2; i <= 6; i++)
        {
            var value = (decimal)i;
            map.Render(p => p.Add(m => m.Values, MapSamples.Values(("11001", value), ("11002", 10m))));
        }

        map.WaitForAssertion(() => Assert.Equal("Aartselaar: 6", Shape(map, "11001").GetAttribute("aria-label")), TimeSpan.FromSeconds(30));
        Assert.Equal("pm-map-shape pm-map-c2", ClassOf(map, "11001"));
    }

    [Fact]
    public void Without_values_every_shape_is_grey_and_the_legend_says_so()
    {
        var map = Map(MapSamples.Values(("11001", 0m), ("11002", null)), MeasureUnit.Money);

        Assert.All(map.FindAll("path.pm-map-shape"), p => Assert.Equal("pm-map-shape pm-map-none", p.GetAttribute("class")));
        Assert.Equal(["0 of geen waarde"], map.FindAll(".pm-map-legend li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Aartselaar: €\u00A00,00", Shape(map, "11001").GetAttribute("aria-label"));
        Assert.Equal("Antwerpen: geen waarde", Shape(map, "11002").GetAttribute("aria-label"));
    }

    [Fact]
    public void On_a_province_page_the_map_zooms_to_its_municipalities_and_draws_the_others_grey()
    {
        var map = Map(MapSamples.Values(("71002", 2m), ("11001", 50m)), province: "limburg");

        Assert.Equal(["71002", "73109"], map.FindAll("path.pm-map-shape").Select(p => p.GetAttribute("data-key")));
        Assert.Equal(5, map.FindAll(".pm-map-context path").Count);
        Assert.Equal("19 -1 27 22", map.Find("svg").GetAttribute("viewBox"));
        Assert.Equal("Kaart van de provincie Limburg: projecten per gemeente", map.Find("svg").GetAttribute("aria-label"));
        Assert.Equal(["1", "2", "0 of geen waarde"], map.FindAll(".pm-map-legend li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, map.FindAll(".pm-map-table tbody tr").Count);
    }
}
