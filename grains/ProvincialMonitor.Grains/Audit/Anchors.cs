using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>
/// A chain head written outside the database: position, hash, when that event was recorded and when the anchor
/// was made, signed with ECDSA P-256 (SHA-256, IEEE P1363 signature, base64) over
/// <c>provmon-anchor/v1\n{position}\n{hash}\n{anchoredAt}</c> (anchoredAt in ISO 8601 UTC, as in the line).
/// </summary>
public sealed record Anchor(
    [property: JsonPropertyName("position")] long Position,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("recordedAt")] DateTimeOffset? RecordedAt,
    [property: JsonPropertyName("anchoredAt")] string AnchoredAt,
    [property: JsonPropertyName("signature")] string Signature)
{
    public static byte[] SignedBytes(long position, string hash, string anchoredAt) =>
        Encoding.UTF8.GetBytes($"provmon-anchor/v1\n{position.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{anchoredAt}");

    public bool IsSignedBy(ECDsa publicKey)
    {
        try
        {
            return publicKey.VerifyData(SignedBytes(Position, Hash, AnchoredAt), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>An anchor line that could not be read, or whose signature does not match the public key.</summary>
public sealed record AnchorProblem(string File, int Line, string Reason);

/// <summary>
/// The anchor sink: append-only files <c>anchors-{yyyy}.jsonl</c> in one folder (shared by the silos of a
/// cluster), one JSON line per anchor.
/// </summary>
public static class AnchorFiles
{
    public const string PublicKeyFileName = "anchor-public-key.pem";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Anchor Sign(ECDsa privateKey, long position, string hash, DateTimeOffset? recordedAt, DateTimeOffset now)
    {
        var anchoredAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var signature = privateKey.SignData(Anchor.SignedBytes(position, hash, anchoredAt), HashAlgorithmName.SHA256);
        return new Anchor(position, hash, recordedAt, anchoredAt, Convert.ToBase64String(signature));
    }

    /// <summary>Appends one line; the file is opened for appending only, so earlier lines are never rewritten.</summary>
    public static async Task AppendAsync(string folder, Anchor anchor, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"anchors-{anchor.AnchoredAt[..4]}.jsonl");
        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(anchor, Json) + "\n");
        await file.WriteAsync(line, cancellationToken);
        await file.FlushAsync(cancellationToken);
    }

    /// <summary>Every anchor in the folder, oldest file first, with the lines that could not be read.</summary>
    public static (IReadOnlyList<Anchor> Anchors, IReadOnlyList<AnchorProblem> Problems) Read(string folder, ECDsa? publicKey = null)
    {
        var anchors = new List<Anchor>();
        var problems = new List<AnchorProblem>();
        if (!Directory.Exists(folder)) return (anchors, problems);
        foreach (var path in Directory.GetFiles(folder, "anchors-*.jsonl").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0) continue;
                Anchor? anchor;
                try
                {
                    anchor = JsonSerializer.Deserialize<Anchor>(line, Json);
                }
                catch (JsonException)
                {
                    anchor = null;
                }
                if (anchor is null || anchor.Hash is null || anchor.Signature is null || anchor.AnchoredAt is null)
                    problems.Add(new AnchorProblem(Path.GetFileName(path), number, "not an anchor line"));
                else if (publicKey is not null && !anchor.IsSignedBy(publicKey))
                    problems.Add(new AnchorProblem(Path.GetFileName(path), number, "the signature does not match the public key"));
                else
                    anchors.Add(anchor);
            }
        }
        return (anchors, problems);
    }

    /// <summary>When the newest anchor was made, or null when there is none.</summary>
    public static DateTimeOffset? Newest(string folder) =>
        Read(folder).Anchors.Select(a => DateTimeOffset.Parse(a.AnchoredAt, CultureInfo.InvariantCulture)).DefaultIfEmpty().Max() is { } newest
        && newest != default ? newest : null;

    public static ECDsa LoadKey(string pemPath)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(pemPath));
        return key;
    }

    /// <summary>Makes a new P-256 key pair: the private key (PKCS#8 PEM, readable by the owner only) and the public key (PEM) to give auditors.</summary>
    public static void CreateKeyPair(string privatePath, string publicPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(privatePath))!);
        File.WriteAllText(privatePath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
    }
}
