using System.Globalization;
using System.Text.Json;

namespace ProvincialMonitor.Dashboard.Map;

/// <summary>What the map colours: the municipalities (keyed by 2025 NIS code) or the provinces (keyed by slug).</summary>
public enum MapLevel { Municipalities, Provinces }

/// <summary>A rectangle in the shapes' coordinates (y down).</summary>
public readonly record struct MapBounds(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;
    public double Height => MaxY - MinY;
    public double CentreX => (MinX + MaxX) / 2;
    public double CentreY => (MinY + MaxY) / 2;

    public MapBounds Union(MapBounds other) =>
        new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    /// <summary>The box with a margin of a share of its larger side on every side.</summary>
    public MapBounds Grow(double share)
    {
        var margin = Math.Max(Width, Height) * share;
        return new MapBounds(MinX - margin, MinY - margin, MaxX + margin, MaxY + margin);
    }

    /// <summary>As an SVG viewBox: "x y width height", invariant numbers.</summary>
    public string ToViewBox() => string.Join(' ', new[] { MinX, MinY, Width, Height }.Select(n => n.ToString("0.#", CultureInfo.InvariantCulture)));
}

/// <summary>
/// One drawn shape: a municipality (key = NIS code, province = its province's slug), a province (key = slug, province =
/// the same slug) or a piece of context (key = its name, no province). The path is drawn as given, even-odd.
/// </summary>
public sealed record MapShape(string Key, string Name, string? Province, string Path, MapBounds Bounds);

/// <summary>
/// The shapes of Flanders's 285 municipalities and five provinces with the rest of Belgium as context, from the shapes
/// file (docs/map.md), embedded in the dashboard and read once, on first use.
/// </summary>
public sealed class MapShapes
{
    public const string ResourceName = "ProvincialMonitor.Dashboard.Map.flanders-2025.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<MapShapes> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private MapShapes(MapBounds viewBox, string boundaryVersion, IReadOnlyList<MapShape> municipalities,
        IReadOnlyList<MapShape> provinces, IReadOnlyList<MapShape> context)
    {
        ViewBox = viewBox;
        BoundaryVersion = boundaryVersion;
        Municipalities = municipalities;
        Provinces = provinces;
        Context = context;
    }

    /// <summary>The embedded shapes of Flanders (boundaries of 2025).</summary>
    public static MapShapes Flanders => Embedded.Value;

    public MapBounds ViewBox { get; }

    public string BoundaryVersion { get; }

    public IReadOnlyList<MapShape> Municipalities { get; }

    public IReadOnlyList<MapShape> Provinces { get; }

    public IReadOnlyList<MapShape> Context { get; }

    /// <summary>The shapes of a level: municipalities by NIS code, provinces by slug.</summary>
    public IReadOnlyList<MapShape> Of(MapLevel level) => level == MapLevel.Provinces ? Provinces : Municipalities;

    /// <summary>A province's Dutch name as the shapes file gives it; the slug when the file does not know it.</summary>
    public string ProvinceName(string? slug) => Provinces.FirstOrDefault(p => p.Key == slug)?.Name ?? slug ?? "";

    /// <summary>Reads a shapes file in the agreed format (UTF-8 JSON); refuses one without a viewBox or shapes.</summary>
    public static MapShapes Parse(Stream json)
    {
        var file = JsonSerializer.Deserialize<ShapesFile>(json, Json)
            ?? throw new InvalidDataException("Het vormenbestand van de kaart is leeg.");
        var box = (file.ViewBox ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        if (box.Length != 4 || file.Municipalities is null || file.Provinces is null)
            throw new InvalidDataException("Het vormenbestand van de kaart mist de viewBox, de gemeenten of de provincies.");
        return new MapShapes(
            new MapBounds(box[0], box[1], box[0] + box[2], box[1] + box[3]),
            file.BoundaryVersion ?? "",
            [.. file.Municipalities.Select(m => Shape(m.Nis, m.Name, m.Province, m.Path))],
            [.. file.Provinces.Select(p => Shape(p.Slug, p.Name, p.Slug, p.Path))],
            [.. (file.Context ?? []).Select(c => Shape(c.Name, c.Name, null, c.Path))]);
    }

    private static MapShape Shape(string? key, string? name, string? province, string? path)
    {
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(path))
            throw new InvalidDataException($"Een vorm van de kaart mist zijn sleutel of pad ({name}).");
        return new MapShape(key, name ?? key, province, path, MapGeometry.Bounds(path));
    }

    private static MapShapes LoadEmbedded()
    {
        using var stream = typeof(MapShapes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"De kaartvormen ontbreken in het dashboard (bron {ResourceName}).");
        return Parse(stream);
    }

    private sealed record ShapesFile(string? ViewBox, string? BoundaryVersion, List<MunicipalityEntry>? Municipalities,
        List<ProvinceEntry>? Provinces, List<ContextEntry>? Context);

    private sealed record MunicipalityEntry(string? Nis, string? Name, string? Province, string? Path);

    private sealed record ProvinceEntry(string? Slug, string? Name, string? Path);

    private sealed record ContextEntry(string? Name, string? Path);
}
