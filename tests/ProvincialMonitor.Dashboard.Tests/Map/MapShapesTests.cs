using System.Text;
using ProvincialMonitor.Contracts.Measures;
using ProvincialMonitor.Dashboard.Map;

namespace ProvincialMonitor.Dashboard.Tests.Map;

public sealed class MapShapesTests
{
    [Fact]
    public void The_shapes_file_gives_municipalities_with_their_province_provinces_and_context()
    {
        var shapes = MapSamples.Shapes();

        Assert.Equal(new MapBounds(0, 0, 50, 30), shapes.ViewBox);
        Assert.Equal("2025", shapes.BoundaryVersion);
        Assert.Equal(["11001", "11002", "11004", "71002", "73109"], shapes.Municipalities.Select(m => m.Key));
        Assert.Equal("limburg", shapes.Municipalities.Single(m => m.Name == "Voeren").Province);
        Assert.Equal(["antwerpen", "limburg"], shapes.Of(MapLevel.Provinces).Select(p => p.Key));
        Assert.Equal("Limburg", shapes.ProvinceName("limburg"));
        Assert.Equal(2, shapes.Context.Count);
    }

    [Fact]
    public void A_shape_bounds_cover_its_parts_in_absolute_and_relative_commands()
    {
        var shapes = MapSamples.Shapes();

        Assert.Equal(new MapBounds(10, 0, 20, 10), shapes.Municipalities.Single(m => m.Key == "11002").Bounds);
        Assert.Equal(new MapBounds(20, 10, 45, 20), shapes.Municipalities.Single(m => m.Key == "73109").Bounds);
        Assert.Equal(new MapBounds(1, 2, 3.5, 7), MapGeometry.Bounds("M1 2c1 1 2 2 2.5 3l-1 2z"));
    }

    [Fact]
    public void The_arrow_keys_reach_every_shape_from_the_first_one()
    {
        var shapes = MapSamples.Shapes().Municipalities;
        var seen = new HashSet<string> { shapes[0].Key };
        var queue = new Queue<MapShape>([shapes[0]]);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var (dx, dy) in new[] { (1, 0), (-1, 0), (0, 1), (0, -1) })
                if (MapGeometry.Neighbour(at, shapes, dx, dy) is { } next && seen.Add(next.Key)) queue.Enqueue(next);
        }

        Assert.Equal(shapes.Select(s => s.Key).Order(), seen.Order());
        Assert.Equal("73109", MapGeometry.Neighbour(shapes.Single(s => s.Key == "71002"), shapes, 1, 0)?.Key);
        Assert.Null(MapGeometry.Neighbour(shapes.Single(s => s.Key == "11001"), shapes, 0, -1));
    }

    [Fact]
    public void A_shapes_file_without_municipalities_is_refused_in_Dutch()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            MapShapes.Parse(new MemoryStream(Encoding.UTF8.GetBytes("""{ "viewBox": "0 0 10 10", "provinces": [] }"""))));

        Assert.Contains("gemeenten", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50, false, 10)]
    [InlineData(47_000.5, false, 10_000)]
    [InlineData(51, false, 20)]
    [InlineData(12, false, 2.5)]
    [InlineData(12, true, 5)]
    [InlineData(3, true, 1)]
    [InlineData(0.3, false, 0.1)]
    public void The_class_step_is_round_and_five_steps_reach_the_maximum(double max, bool whole, double step)
    {
        Assert.Equal((decimal)step, MapClasses.Step((decimal)max, whole));
    }

    [Fact]
    public void Fewer_classes_than_five_spread_over_the_palette()
    {
        var classes = MapClasses.For([1m, 2m, 3m], MeasureUnit.Count);

        Assert.Equal(["pm-map-c0", "pm-map-c2", "pm-map-c4"], classes.Select(c => c.CssClass));
        Assert.Equal(["1", "2", "3"], classes.Select(c => c.Range));
    }

    [Fact]
    public void Every_class_the_map_uses_has_a_colour_in_the_stylesheet()
    {
        var css = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "provincial-monitor.css"));

        foreach (var cssClass in Enumerable.Range(0, MapClasses.Most).Select(i => $"pm-map-c{i}").Append(MapClasses.None))
            Assert.Contains($".{cssClass}", css, StringComparison.Ordinal);
        Assert.Contains(".pm-map-tooltip", css, StringComparison.Ordinal);
        Assert.Contains(".pm-map-shape:focus", css, StringComparison.Ordinal);
    }
}
