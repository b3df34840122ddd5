using System.Globalization;
using System.Text.Json;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.UnitTests.Map;

/// <summary>
/// The map's shapes (dashboard Map/flanders-2025.json, written by ops/map/build-map.cs): the 285 municipalities of 2025 with
/// their province as in the reference data, the five provinces, the enclaves and holes, all inside the viewBox.
/// </summary>
public sealed class FlandersShapesTests
{
    private const string RelativePath = "dashboard/ProvincialMonitor.Dashboard/Map/flanders-2025.json";
    private static readonly string ShapesFile = Path.Combine(FindRoot(), RelativePath);
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllBytes(ShapesFile)).RootElement;

    private static List<JsonElement> Shapes(string list) => [.. Root.GetProperty(list).EnumerateArray()];
    private static JsonElement Municipality(string nis) => Shapes("municipalities").Single(m => m.GetProperty("nis").GetString() == nis);
    private static JsonElement Province(string slug) => Shapes("provinces").Single(p => p.GetProperty("slug").GetString() == slug);
    private static List<Ring> Rings(JsonElement shape) => ParsePath(shape.GetProperty("path").GetString()!);

    [Fact]
    public void There_are_the_285_municipalities_of_2025_by_NIS_code_and_the_five_provinces_by_slug()
    {
        var codes = Shapes("municipalities").Select(m => m.GetProperty("nis").GetString()!).ToList();
        var slugs = Shapes("provinces").Select(p => p.GetProperty("slug").GetString()!).ToList();

        Assert.Equal(285, codes.Count);
        Assert.Equal(ReferenceData.Municipalities.Select(m => m.NisCode).Order(StringComparer.Ordinal), codes);
        Assert.Equal(ReferenceData.Provinces.Select(p => p.Slug).Order(StringComparer.Ordinal), slugs);
        Assert.Equal("2025", Root.GetProperty("boundaryVersion").GetString());
        Assert.Equal(ReferenceData.MunicipalityBoundaryVersion, Root.GetProperty("boundaryVersion").GetString());
    }

    [Fact]
    public void Each_municipality_has_the_province_and_the_Dutch_name_of_the_reference_data_without_an_unneeded_bracket()
    {
        var bare = ReferenceData.Municipalities.Select(m => Bare(m.NameNl)).ToList();
        foreach (var expected in ReferenceData.Municipalities)
        {
            var shape = Municipality(expected.NisCode);
            var name = bare.Count(b => b == Bare(expected.NameNl)) == 1 ? Bare(expected.NameNl) : expected.NameNl;
            Assert.Equal(expected.ProvinceSlug, shape.GetProperty("province").GetString());
            Assert.Equal(name, shape.GetProperty("name").GetString());
        }
        Assert.Equal("Hove", Municipality("11021").GetProperty("name").GetString());
        Assert.Equal("oost-vlaanderen", Municipality("46030").GetProperty("province").GetString()); // with Zwijndrecht, from Antwerpen
        Assert.Equal("west-vlaanderen", Municipality("33016").GetProperty("province").GetString()); // Mesen
        Assert.Equal(
            ReferenceData.Provinces.OrderBy(p => p.Slug, StringComparer.Ordinal).Select(p => p.NameNl),
            Shapes("provinces").Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Baarle_Hertog_is_drawn_in_several_parts()
    {
        var rings = Rings(Municipality("13002"));

        Assert.True(Outer(rings).Count() > 1, $"Baarle-Hertog has {Outer(rings).Count()} outer part(s)");
    }

    [Fact]
    public void Voeren_is_a_part_of_Limburg_apart_from_its_main_body()
    {
        var voeren = Outer(Rings(Municipality("73109"))).ToList();
        var limburg = Outer(Rings(Province("limburg"))).ToList();

        var part = Assert.Single(voeren);
        Assert.True(limburg.Count >= 2, $"Limburg has {limburg.Count} outer part(s)");
        Assert.Contains(limburg, ring => ring.Points.ToHashSet().SetEquals(part.Points));
    }

    [Fact]
    public void Vlaams_Brabant_has_the_Brussels_region_as_a_hole()
    {
        var rings = Rings(Province("vlaams-brabant"));
        var brussels = Rings(Shapes("context").Single(c => c.GetProperty("name").GetString()!.StartsWith("Brussel", StringComparison.Ordinal)));

        var hole = Assert.Single(rings, r => !IsOuter(r, rings));
        Assert.All(brussels.SelectMany(r => r.Points), p => Assert.True(Inside(p, hole) || hole.Points.Contains(p), $"{p} outside the hole"));
    }

    [Fact]
    public void Every_shape_lies_inside_the_viewBox_with_numbers_of_at_most_one_decimal()
    {
        var box = Root.GetProperty("viewBox").GetString()!.Split(' ').Select(n => decimal.Parse(n, CultureInfo.InvariantCulture) * 10).ToArray();
        var all = Shapes("municipalities").Concat(Shapes("provinces")).Concat(Shapes("context")).ToList();

        Assert.Equal(4, box.Length);
        foreach (var shape in all)
        {
            var rings = Rings(shape);
            Assert.NotEmpty(rings);
            Assert.All(rings, r => Assert.True(r.Points.Count >= 3 && Math.Abs(Area(r)) > 0, $"{shape.GetProperty("name")}: a degenerate ring"));
            foreach (var (x, y) in rings.SelectMany(r => r.Points))
                Assert.True(x >= box[0] && x <= box[0] + box[2] && y >= box[1] && y <= box[1] + box[3],
                    $"{shape.GetProperty("name")}: ({x / 10m}, {y / 10m}) outside the viewBox");
        }
    }

    [Fact]
    public void The_file_is_small_enough_for_a_page_and_embedded_in_the_dashboard()
    {
        var csproj = File.ReadAllText(Path.Combine(FindRoot(), "dashboard/ProvincialMonitor.Dashboard/ProvincialMonitor.Dashboard.csproj"));

        Assert.InRange(new FileInfo(ShapesFile).Length, 50_000, 200_000);
        Assert.Contains("""<EmbeddedResource Include="Map/flanders-2025.json" LogicalName="ProvincialMonitor.Dashboard.Map.flanders-2025.json" />""", csproj, StringComparison.Ordinal);
    }

    [Fact]
    public void The_path_reader_follows_relative_and_absolute_commands()
    {
        var rings = ParsePath("M1 2l3 0 0-4.5zM10.5 10L12 10 12 12Z");

        Assert.Equal([(10L, 20L), (40L, 20L), (40L, -25L)], rings[0].Points);
        Assert.Equal([(105L, 100L), (120L, 100L), (120L, 120L)], rings[1].Points);
        Assert.Throws<FormatException>(() => ParsePath("M1 2l0.25 1z"));
    }

    private sealed record Ring(List<(long X, long Y)> Points);

    /// <summary>The subpaths of an SVG path of M, L and Z commands (absolute or relative), in tenths of a unit.</summary>
    private static List<Ring> ParsePath(string path)
    {
        var rings = new List<Ring>();
        var tokens = System.Text.RegularExpressions.Regex.Matches(path, @"[MmLlZz]|-?\d*\.?\d+").Select(m => m.Value).ToList();
        Assert.Equal(path.Replace(" ", "", StringComparison.Ordinal), string.Concat(tokens));
        char command = 'M';
        (long X, long Y) current = (0, 0), start = (0, 0);
        for (var i = 0; i < tokens.Count;)
        {
            if (char.IsLetter(tokens[i][0]))
            {
                command = tokens[i++][0];
                if (command is 'Z' or 'z') { current = start; command = 'M'; continue; }
            }
            var (x, y) = (Tenths(tokens[i++]), Tenths(tokens[i++]));
            var relative = char.IsLower(command);
            current = relative ? (current.X + x, current.Y + y) : (x, y);
            if (command is 'M' or 'm')
            {
                start = current;
                rings.Add(new Ring([current]));
                command = relative ? 'l' : 'L';
            }
            else rings[^1].Points.Add(current);
        }
        return rings;
    }

    private static long Tenths(string number)
    {
        var value = decimal.Parse(number, CultureInfo.InvariantCulture) * 10;
        return value == decimal.Truncate(value) ? (long)value : throw new FormatException($"{number} has more than one decimal");
    }

    /// <summary>A ring is an outer ring when a point just beside its first edge's middle lies inside an even number of the others.</summary>
    private static bool IsOuter(Ring ring, List<Ring> all) =>
        all.Count(other => !ReferenceEquals(other, ring) && Inside(Mid(ring), other)) % 2 == 0;

    private static IEnumerable<Ring> Outer(List<Ring> rings) => rings.Where(r => IsOuter(r, rings));

    private static (double X, double Y) Mid(Ring ring) =>
        ((ring.Points[0].X + ring.Points[1].X) / 2.0, (ring.Points[0].Y + ring.Points[1].Y) / 2.0);

    private static bool Inside((double X, double Y) p, Ring ring)
    {
        var inside = false;
        var pts = ring.Points;
        for (int i = 0, j = pts.Count - 1; i < pts.Count; j = i++)
            if ((pts[i].Y > p.Y) != (pts[j].Y > p.Y) && p.X < (pts[j].X - pts[i].X) * (p.Y - pts[i].Y) / (double)(pts[j].Y - pts[i].Y) + pts[i].X)
                inside = !inside;
        return inside;
    }

    private static double Area(Ring ring) =>
        ring.Points.Select((p, i) => (double)p.X * ring.Points[(i + 1) % ring.Points.Count].Y - (double)ring.Points[(i + 1) % ring.Points.Count].X * p.Y).Sum() / 2;

    private static string Bare(string name) => name.Contains(" (", StringComparison.Ordinal) ? name[..name.IndexOf(" (", StringComparison.Ordinal)] : name;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProvincialMonitor.sln"))) return dir.FullName;
        throw new InvalidOperationException("no ProvincialMonitor.sln above " + AppContext.BaseDirectory);
    }
}
