// Builds the map's shapes of Flanders on the 2025 boundaries (docs/map.md):
//   dotnet run ops/map/build-map.cs -- <shared data dir> <output file>
#:property PublishAot=false
// (a file-based app is native AOT by default; the JSON writer here uses reflection)
// Reads <dir>/belgium-municipalities-2019.topo.json and the project's municipalities.csv and provinces.csv.
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

if (args.Length is not (2 or 3))
{
    Console.Error.WriteLine("usage: dotnet run ops/map/build-map.cs -- <shared data dir> <output file> [tolerance]");
    return 2;
}
const double Width = 1000, Margin = 10; // viewBox units, as is the tolerance of Douglas–Peucker
var tolerance = args.Length == 3 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.2;
var scriptDir = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine(Environment.CurrentDirectory, "ops", "map");
var referenceDir = Path.GetFullPath(Path.Combine(scriptDir, "..", "..", "grains", "ProvincialMonitor.Contracts", "Reference"));
var municipalities = Csv(Path.Combine(referenceDir, "municipalities.csv"));
var provinces = Csv(Path.Combine(referenceDir, "provinces.csv"));
var topo = JsonNode.Parse(File.ReadAllText(Path.Combine(args[0], "belgium-municipalities-2019.topo.json")))!;

// Arcs: delta-encoded quantised positions, made absolute, then longitude/latitude through the transform.
var scale = topo["transform"]!["scale"]!.AsArray().Select(n => (double)n!).ToArray();
var translate = topo["transform"]!["translate"]!.AsArray().Select(n => (double)n!).ToArray();
var arcs = topo["arcs"]!.AsArray().Select(arc =>
{
    long x = 0, y = 0;
    return arc!.AsArray().Select(p => { x += (long)p![0]!; y += (long)p[1]!; return new Pt(x * scale[0] + translate[0], y * scale[1] + translate[1]); }).ToArray();
}).ToArray();

// Each 2019 municipality: its polygons, each a list of rings, each a list of arc references (~i = arc i reversed).
var source = new Dictionary<string, List<int[]>>();
var region = new Dictionary<string, string>();
foreach (var g in topo["objects"]!["municipalities"]!["geometries"]!.AsArray())
{
    var nis = (string)g!["properties"]!["nis"]!;
    var polygons = (string)g["type"]! == "Polygon" ? [g["arcs"]!.AsArray()] : g["arcs"]!.AsArray().Select(p => p!.AsArray()).ToList();
    source[nis] = [.. polygons.SelectMany(p => p).Select(ring => ring!.AsArray().Select(a => (int)a!).ToArray())];
    region[nis] = (string)g["properties"]!["reg_nis"]!;
}

// The groups of 2019 codes that make each shape; the province always from municipalities.csv.
static string[] Parts(Dictionary<string, string> m) => m["merged_from_nis"].Length == 0 ? [m["nis_code"]] : m["merged_from_nis"].Split('+');
var flemish = municipalities.SelectMany(Parts).ToList();
var missing = flemish.Where(nis => !source.ContainsKey(nis)).ToList();
if (missing.Count > 0 || flemish.Distinct().Count() != flemish.Count || flemish.Count != 300)
    throw new InvalidOperationException($"the 2019 codes of municipalities.csv do not match the topology: {string.Join(", ", missing)}");
var brussels = source.Keys.Where(nis => region[nis] == "04000").Order(StringComparer.Ordinal).ToList();
var wallonia = source.Keys.Except(flemish).Except(brussels).Order(StringComparer.Ordinal).ToList();
var bare = municipalities.Select(m => Bare(m["name_nl"])).ToList();
var shapes = new List<Shape>();
foreach (var m in municipalities.OrderBy(m => m["nis_code"], StringComparer.Ordinal))
{
    var name = bare.Count(b => b == Bare(m["name_nl"])) == 1 ? Bare(m["name_nl"]) : m["name_nl"];
    shapes.Add(new Shape("municipality", Merge(Parts(m)), new() { ["nis"] = m["nis_code"], ["name"] = name, ["province"] = m["province_slug"] }));
}
foreach (var p in provinces.OrderBy(p => p["slug"], StringComparer.Ordinal))
    shapes.Add(new Shape("province", Merge(municipalities.Where(m => m["province_slug"] == p["slug"]).SelectMany(Parts)), new() { ["slug"] = p["slug"], ["name"] = p["name_nl"] }));
shapes.Add(new Shape("context", Merge(brussels), new() { ["name"] = "Brussels Hoofdstedelijk Gewest" }));
shapes.Add(new Shape("context", Merge(wallonia), new() { ["name"] = "Wallonië" }));

// Projection: equirectangular, x scaled by cos(latitude) at Flanders' middle, y down, Flanders filling the width.
var flemishPoints = shapes.Where(s => s.Kind != "context").SelectMany(s => s.Rings).SelectMany(r => r).SelectMany(a => arcs[a < 0 ? ~a : a]).ToList();
double west = flemishPoints.Min(p => p.X), east = flemishPoints.Max(p => p.X), south = flemishPoints.Min(p => p.Y), north = flemishPoints.Max(p => p.Y);
var cos = Math.Cos((south + north) / 2 * Math.PI / 180);
var k = (Width - 2 * Margin) / ((east - west) * cos);
var height = Math.Ceiling((north - south) * k + 2 * Margin);
var projected = arcs.Select(arc => arc.Select(p => new Pt(Margin + (p.X - west) * cos * k, Margin + (north - p.Y) * k)).ToArray()).ToArray();

// Topology-preserving simplification: every arc once, its endpoints kept, so neighbours keep sharing their boundary.
// An arc of a ring of at most three arcs keeps some inner points, so that no small ring collapses to a line.
var small = shapes.SelectMany(s => s.Rings).Where(r => r.Length <= 3).SelectMany(r => r).Select(a => a < 0 ? ~a : a).ToHashSet();
var simple = projected.Select((arc, i) => Simplify(arc, tolerance, small.Contains(i) ? 2 : 0)).ToArray();

var lines = new List<string>();
var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
foreach (var kind in new[] { "municipality", "province", "context" })
    lines.Add(string.Join(",\n", shapes.Where(s => s.Kind == kind).Select(s =>
        "    " + JsonSerializer.Serialize(new Dictionary<string, string>(s.Fields) { ["path"] = PathOf(s, kind == "context") }, options))));
var json = $$"""
    {
      "viewBox": "0 0 {{Width.ToString(CultureInfo.InvariantCulture)}} {{height.ToString(CultureInfo.InvariantCulture)}}",
      "boundaryVersion": "2025",
      "municipalities": [
    {{lines[0]}}
      ],
      "provinces": [
    {{lines[1]}}
      ],
      "context": [
    {{lines[2]}}
      ]
    }

    """;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
File.WriteAllText(args[1], json, new UTF8Encoding(false));
Console.WriteLine($"{args[1]}: {shapes.Count(s => s.Kind == "municipality")} municipalities, {shapes.Count(s => s.Kind == "province")} provinces, " +
    $"{shapes.Count(s => s.Kind == "context")} context shapes; viewBox 0 0 {Width} {height}; {simple.Sum(a => a.Count)} of {arcs.Sum(a => a.Length)} arc points kept; {Encoding.UTF8.GetByteCount(json)} bytes");
return 0;

// Merging: an arc that two parts of the group share lies inside the union and is dropped; the others are chained into rings.
List<int[]> Merge(IEnumerable<string> codes)
{
    var refs = codes.SelectMany(nis => source[nis]).SelectMany(ring => ring).ToList();
    var uses = refs.GroupBy(a => a < 0 ? ~a : a).ToDictionary(g => g.Key, g => g.Count());
    var kept = refs.Where(a => uses[a < 0 ? ~a : a] == 1).ToList();
    var byStart = kept.ToLookup(a => Start(a));
    var done = new HashSet<int>();
    var rings = new List<int[]>();
    foreach (var first in kept)
    {
        if (!done.Add(first)) continue;
        var ring = new List<int> { first };
        for (var end = End(first); end != Start(first);)
        {
            var next = byStart[end].FirstOrDefault(a => !done.Contains(a), int.MinValue);
            if (next == int.MinValue) throw new InvalidOperationException($"an open ring in the union of {string.Join("+", codes)}");
            done.Add(next);
            ring.Add(next);
            end = End(next);
        }
        rings.Add([.. ring]);
    }
    return rings;
}
Pt Start(int a) => a < 0 ? arcs[~a][^1] : arcs[a][0];
Pt End(int a) => a < 0 ? arcs[~a][0] : arcs[a][^1];

// A shape's path: outer rings clockwise on screen and holes counter-clockwise (depth by containment at full detail),
// numbers in tenths, relative after each subpath's start; context is clipped to the viewBox.
string PathOf(Shape shape, bool clip)
{
    var full = shape.Rings.Select(r => Points(r, projected)).ToList();
    var depth = full.Select((ring, i) => full.Where((other, j) => j != i && Inside(Mid(ring[0], ring[1]), other)).Count()).ToList();
    var text = new StringBuilder();
    foreach (var (ring, d) in shape.Rings.Select((r, i) => (Points(r, simple), depth[i])).OrderBy(x => x.Item2))
    {
        var points = clip ? Clip(ring, Width, height) : ring;
        if ((Area(points) > 0) != (d % 2 == 0)) points.Reverse();
        var tenths = new List<(long X, long Y)>();
        foreach (var p in points)
        {
            var t = ((long)Math.Round(p.X * 10), (long)Math.Round(p.Y * 10));
            if (tenths.Count == 0 || tenths[^1] != t) tenths.Add(t);
        }
        while (tenths.Count > 1 && tenths[^1] == tenths[0]) tenths.RemoveAt(tenths.Count - 1);
        if (tenths.Count < 3)
        {
            if (!clip) Console.Error.WriteLine($"warning: a ring of {shape.Fields["name"]} vanished");
            continue;
        }
        text.Append('M').Append(Num(tenths[0].X)).Append(Sep(tenths[0].Y)).Append(Num(tenths[0].Y)).Append('l');
        for (var i = 1; i < tenths.Count; i++)
        {
            var (dx, dy) = (tenths[i].X - tenths[i - 1].X, tenths[i].Y - tenths[i - 1].Y);
            if (i > 1) text.Append(Sep(dx));
            text.Append(Num(dx)).Append(Sep(dy)).Append(Num(dy));
        }
        text.Append('z');
    }
    return text.ToString();
}
List<Pt> Points(int[] ring, IReadOnlyList<IReadOnlyList<Pt>> geometry)
{
    var points = new List<Pt>();
    foreach (var a in ring)
    {
        var arc = a < 0 ? geometry[~a].Reverse() : geometry[a];
        points.AddRange(points.Count == 0 ? arc : arc.Skip(1));
    }
    return points;
}

static string Num(long tenths) => (tenths / 10m).ToString("0.#", CultureInfo.InvariantCulture);
static string Sep(long next) => next < 0 ? "" : " ";
static Pt Mid(Pt a, Pt b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
static string Bare(string name) => name.Contains(" (", StringComparison.Ordinal) ? name[..name.IndexOf(" (", StringComparison.Ordinal)] : name;

static double Area(List<Pt> ring) => ring.Select((p, i) => (p.X * ring[(i + 1) % ring.Count].Y - ring[(i + 1) % ring.Count].X * p.Y) / 2).Sum();

static bool Inside(Pt p, List<Pt> ring)
{
    var inside = false;
    for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        if ((ring[i].Y > p.Y) != (ring[j].Y > p.Y) && p.X < (ring[j].X - ring[i].X) * (p.Y - ring[i].Y) / (ring[j].Y - ring[i].Y) + ring[i].X)
            inside = !inside;
    return inside;
}

// Douglas–Peucker on one arc; `forced` levels of splits happen whatever the tolerance.
static IReadOnlyList<Pt> Simplify(Pt[] arc, double tolerance, int forced)
{
    var keep = new bool[arc.Length];
    keep[0] = keep[^1] = true;
    Split(0, arc.Length - 1, arc[0] == arc[^1] ? Math.Max(forced, 2) : forced);
    return [.. arc.Where((_, i) => keep[i])];

    void Split(int from, int to, int force)
    {
        if (to - from < 2) return;
        var (far, distance) = (from + 1, -1.0);
        for (var i = from + 1; i < to; i++)
        {
            var d = Distance(arc[i], arc[from], arc[to]);
            if (d > distance) (far, distance) = (i, d);
        }
        if (distance <= tolerance && force <= 0) return;
        keep[far] = true;
        Split(from, far, force - 1);
        Split(far, to, force - 1);
    }
}
static double Distance(Pt p, Pt a, Pt b)
{
    var (dx, dy) = (b.X - a.X, b.Y - a.Y);
    var length = dx * dx + dy * dy;
    var t = length == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / length, 0, 1);
    return Math.Sqrt(Math.Pow(p.X - a.X - t * dx, 2) + Math.Pow(p.Y - a.Y - t * dy, 2));
}

// Sutherland–Hodgman against the viewBox; ring by ring is right for even-odd filling.
static List<Pt> Clip(List<Pt> ring, double width, double height)
{
    var edges = new (Func<Pt, bool> In, Func<Pt, Pt, Pt> Cut)[]
    {
        (p => p.X >= 0, (a, b) => new(0, a.Y + (b.Y - a.Y) * (0 - a.X) / (b.X - a.X))),
        (p => p.X <= width, (a, b) => new(width, a.Y + (b.Y - a.Y) * (width - a.X) / (b.X - a.X))),
        (p => p.Y >= 0, (a, b) => new(a.X + (b.X - a.X) * (0 - a.Y) / (b.Y - a.Y), 0)),
        (p => p.Y <= height, (a, b) => new(a.X + (b.X - a.X) * (height - a.Y) / (b.Y - a.Y), height)),
    };
    foreach (var (isIn, cut) in edges)
    {
        var output = new List<Pt>();
        for (var i = 0; i < ring.Count; i++)
        {
            var (a, b) = (ring[(i + ring.Count - 1) % ring.Count], ring[i]);
            if (isIn(b)) { if (!isIn(a)) output.Add(cut(a, b)); output.Add(b); }
            else if (isIn(a)) output.Add(cut(a, b));
        }
        ring = output;
        if (ring.Count == 0) break;
    }
    return ring;
}

static List<Dictionary<string, string>> Csv(string file)
{
    var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
    var header = lines[0].Split(',');
    return [.. lines.Skip(1).Select(l => l.Split(',')).Select(c => header.Select((h, i) => (h, v: i < c.Length ? c[i] : "")).ToDictionary(x => x.h, x => x.v))];
}

record struct Pt(double X, double Y);
sealed record Shape(string Kind, List<int[]> Rings, Dictionary<string, string> Fields);
