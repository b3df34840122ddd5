using System.Text;
using ProvincialMonitor.Dashboard.Map;

namespace ProvincialMonitor.Dashboard.Tests.Map;

/// <summary>
/// A small shapes file in the agreed format: five square municipalities of two provinces (Antwerpen as relative
/// commands; Voeren in two parts, the first with a hole) and two pieces of context.
/// </summary>
internal static class MapSamples
{
    public const string Json = """
        {
          "viewBox": "0 0 50 30",
          "boundaryVersion": "2025",
          "municipalities": [
            { "nis": "11001", "name": "Aartselaar", "province": "antwerpen", "path": "M0 0H10V10H0Z" },
            { "nis": "11002", "name": "Antwerpen", "province": "antwerpen", "path": "m10 0h10v10h-10z" },
            { "nis": "11004", "name": "Boechout", "province": "antwerpen", "path": "M0 10L10 10L10 20L0 20Z" },
            { "nis": "71002", "name": "As", "province": "limburg", "path": "M20 0H30V10H20Z" },
            { "nis": "73109", "name": "Voeren", "province": "limburg", "path": "M20 10H30V20H20ZM22 12H28V18H22ZM40 10H45V15H40Z" }
          ],
          "provinces": [
            { "slug": "antwerpen", "name": "Antwerpen", "path": "M0 0H20V20H0Z" },
            { "slug": "limburg", "name": "Limburg", "path": "M20 0H30V20H20ZM40 10H45V15H40Z" }
          ],
          "context": [
            { "name": "Brussels Hoofdstedelijk Gewest", "path": "M0 20H10V25H0Z" },
            { "name": "Wallonië", "path": "M10 20H45V30H10Z" }
          ]
        }
        """;

    public static MapShapes Shapes() => MapShapes.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Json)));

    public static Dictionary<string, decimal?> Values(params (string Key, decimal? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
