using System.Security.Cryptography;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Cli;

/// <summary>
/// The anchors an auditor names with <c>--anchors DIR --public-key FILE [--witness DIR]…</c>, read the same way by the
/// online and the offline <c>verify</c>: every signature is checked with the auditor's public key before any anchor is
/// used, and an anchor that records a break (docs/audit.md) is reported, never taken as a head the log must hold.
/// </summary>
public static class AnchorArguments
{
    /// <summary>
    /// The evidence of the folders, after printing what was read; throws <see cref="ArgumentException"/> for a usage
    /// error. Lines that do not verify are printed and kept in <see cref="AnchorEvidence.Problems"/>: the caller fails.
    /// </summary>
    public static async Task<AnchorEvidence> ReadAsync(string anchorsFolder, string publicKeyFile, IReadOnlyList<string> witnesses, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(anchorsFolder)) throw new ArgumentException($"--anchors {anchorsFolder} is not a folder");
        if (witnesses.FirstOrDefault(w => !Directory.Exists(w)) is { } missing) throw new ArgumentException($"--witness {missing} is not a folder");
        using var publicKey = ECDsa.Create();
        try
        {
            publicKey.ImportFromPem(await File.ReadAllTextAsync(publicKeyFile, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or CryptographicException)
        {
            throw new ArgumentException($"--public-key {publicKeyFile}: not a readable PEM public key ({ex.Message})");
        }
        var evidence = AnchorFiles.Evidence(anchorsFolder, witnesses, publicKey);
        foreach (var p in evidence.Problems) Console.WriteLine($"Anchor {p.File} line {p.Line}: {p.Reason}.");
        if (evidence.Problems.Count > 0)
        {
            Console.WriteLine($"NOT VERIFIED: {evidence.Problems.Count} anchor line(s) do not verify with {publicKeyFile}; the anchors may have been forged or altered.");
            return evidence;
        }
        var where = witnesses.Count == 0 ? anchorsFolder : $"{anchorsFolder} and {witnesses.Count} witness(es)";
        Console.WriteLine(evidence.Heads.Count == 0
            ? $"No anchors with valid signatures in {where}."
            : $"{evidence.Heads.Count} anchor(s) with valid signatures in {where}, the newest at position {evidence.Heads[^1].Position}.");
        foreach (var b in evidence.Breaks) Console.WriteLine(b);
        return evidence;
    }
}
