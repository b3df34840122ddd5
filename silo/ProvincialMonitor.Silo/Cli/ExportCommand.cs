using System.Globalization;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// <c>export</c>: downloads <c>GET /api/audit/export</c> into a file. Every option besides <c>--out</c>, <c>--url</c>
/// and <c>--api-key</c> is passed on as a query parameter (<c>--format</c>, <c>--what</c>, <c>--kind</c>, <c>--key</c>,
/// <c>--asOf</c>, <c>--basis</c>, <c>--atPosition</c> and the log filters of <c>GET /api/events</c>).
/// </summary>
public static class ExportCommand
{
    private static readonly string[] NotPassedOn = ["out", "url", "api-key"];

    public static async Task<int> RunAsync(HttpClient http, CliOptions options, CancellationToken cancellationToken)
    {
        if (options.Get("out") is not { Length: > 0 } path) return CliVerbs.Usage("export needs --out FILE");
        var query = string.Join("&", options.Pairs
            .Where(o => !NotPassedOn.Contains(o.Key))
            .SelectMany(o => o.Value.Split(',').Select(v => $"{Uri.EscapeDataString(o.Key)}={Uri.EscapeDataString(v)}")));
        using var response = await http.GetAsync(new Uri("/api/audit/export" + (query.Length > 0 ? "?" + query : ""), UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await Console.Error.WriteLineAsync($"The silo answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return 1;
        }
        await using (var file = File.Create(path))
            await response.Content.CopyToAsync(file, cancellationToken);
        var position = response.Headers.TryGetValues("X-Chain-Head-Position", out var p) ? p.First() : "?";
        var hash = response.Headers.TryGetValues("X-Chain-Head-Hash", out var h) ? h.First() : "?";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported to {path} ({new FileInfo(path).Length:N0} bytes) at chain head {position}:{hash}; keep it as a receipt for verify --receipt."));
        return 0;
    }
}
