using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// <c>verify</c>: asks the silo to check the hash chain (against every anchor the silo has, docs/audit.md), against a
/// receipt (<c>--receipt POSITION:HASH</c>) and against every anchor in <c>--anchors DIR</c>. The anchors' signatures are checked here, with the public key the
/// auditor holds (<c>--public-key FILE</c>), before any is used: an anchor that does not verify is reported and
/// the verification fails, so that nobody without the private key can make the log look anchored. Each
/// <c>--witness DIR</c> (given several times, or with commas) is read like the anchor folder.
/// </summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(HttpClient http, CliOptions options, CancellationToken cancellationToken)
    {
        var receipts = new List<object>();
        if (options.Get("receipt") is { } receiptText)
        {
            var parts = receiptText.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position) || parts[1].Length != 64)
                return CliVerbs.Usage("--receipt must be POSITION:HASH, as GET /api/audit/head gives them (e.g. 1234:9f86d0…)");
            receipts.Add(new { position, hash = parts[1] });
        }

        var anchorsFolder = options.Get("anchors");
        var publicKeyFile = options.Get("public-key");
        var witnesses = options.GetAll("witness");
        if ((anchorsFolder is null) != (publicKeyFile is null)) return CliVerbs.Usage("--anchors and --public-key go together");
        if (witnesses.Count > 0 && anchorsFolder is null) return CliVerbs.Usage("--witness needs --anchors and --public-key");
        var anchorCount = 0;
        if (anchorsFolder is not null)
        {
            AnchorEvidence evidence;
            try
            {
                evidence = await AnchorArguments.ReadAsync(anchorsFolder, publicKeyFile!, witnesses, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                return CliVerbs.Usage(ex.Message);
            }
            if (evidence.Problems.Count > 0) return 1;
            anchorCount = evidence.Heads.Count;
            receipts.AddRange(evidence.Heads.Select(a => new { position = a.Position, hash = a.Hash }));
        }

        var head = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/audit/head", UriKind.Relative), cancellationToken);
        Console.WriteLine($"Verifying the chain up to position {head.GetProperty("position").GetInt64():N0} on {http.BaseAddress}…");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await http.PostAsJsonAsync("/api/audit/verify", new { receipts }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"The silo answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return 1;
        }
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Console.WriteLine($"{result.GetProperty("message").GetString()} ({watch.Elapsed.TotalSeconds:0.0} s; {anchorCount} anchor(s), recorded in the audit trail at position {result.GetProperty("auditPosition").GetInt64()}).");
        return result.GetProperty("intact").GetBoolean() ? 0 : 1;
    }
}
