using System.Globalization;
using System.Text.RegularExpressions;

namespace ProvincialMonitor.Dashboard.Map;

/// <summary>The few sums the map needs on its path strings: a shape's bounding box and the neighbour in a direction.</summary>
public static partial class MapGeometry
{
    [GeneratedRegex(@"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex Token();

    /// <summary>
    /// The box around every point a path names (end and control points, absolute or relative commands); a curve's
    /// control points may lie a little outside the curve, which is close enough for placing and navigating.
    /// </summary>
    public static MapBounds Bounds(string path)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        double x = 0, y = 0, startX = 0, startY = 0;
        var command = 'M';
        var numbers = new List<double>();

        void Add(double px, double py)
        {
            minX = Math.Min(minX, px); minY = Math.Min(minY, py); maxX = Math.Max(maxX, px); maxY = Math.Max(maxY, py);
        }

        void Flush()
        {
            var relative = char.IsLower(command);
            var size = char.ToUpperInvariant(command) switch { 'H' or 'V' => 1, 'C' => 6, 'S' or 'Q' => 4, 'A' => 7, 'Z' => 0, _ => 2 };
            for (var i = 0; size > 0 && i + size <= numbers.Count; i += size)
            {
                double ox = relative ? x : 0, oy = relative ? y : 0;
                switch (char.ToUpperInvariant(command))
                {
                    case 'H': x = ox + numbers[i]; break;
                    case 'V': y = oy + numbers[i]; break;
                    case 'A': x = ox + numbers[i + 5]; y = oy + numbers[i + 6]; break;
                    default:
                        for (var p = i; p < i + size - 2; p += 2) Add(ox + numbers[p], oy + numbers[p + 1]);
                        x = ox + numbers[i + size - 2]; y = oy + numbers[i + size - 1];
                        break;
                }
                Add(x, y);
                if (char.ToUpperInvariant(command) == 'M' && i == 0) (startX, startY) = (x, y);
            }
            numbers.Clear();
        }

        foreach (Match token in Token().Matches(path))
        {
            var text = token.Value;
            if (char.IsLetter(text[0]) && text.Length == 1 && text[0] is not ('e' or 'E'))
            {
                Flush();
                command = text[0];
                if (command is 'Z' or 'z') (x, y) = (startX, startY);
            }
            else
            {
                numbers.Add(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }
        Flush();
        return minX <= maxX ? new MapBounds(minX, minY, maxX, maxY) : default;
    }

    /// <summary>A number for a style or an attribute: invariant, at most two decimals.</summary>
    public static string Css(double value) => double.IsFinite(value) ? value.ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>
    /// The shape whose centre lies nearest in a direction (dx, dy: one of them ±1) from the current one's centre, a
    /// sideways step counting double; null when none lies that way.
    /// </summary>
    public static MapShape? Neighbour(MapShape current, IEnumerable<MapShape> shapes, int dx, int dy)
    {
        MapShape? best = null;
        var bestScore = double.MaxValue;
        foreach (var shape in shapes)
        {
            if (shape.Key == current.Key) continue;
            var ahead = (shape.Bounds.CentreX - current.Bounds.CentreX) * dx + (shape.Bounds.CentreY - current.Bounds.CentreY) * dy;
            var aside = Math.Abs((shape.Bounds.CentreX - current.Bounds.CentreX) * dy + (shape.Bounds.CentreY - current.Bounds.CentreY) * dx);
            if (ahead <= 0) continue;
            var score = ahead + 2 * aside;
            if (score < bestScore) (best, bestScore) = (shape, score);
        }
        return best;
    }
}
