using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>
/// A chain head written outside the database: position, hash, when that event was recorded and when the anchor
/// was made, signed with ECDSA P-256 (SHA-256, IEEE P1363 signature, base64) over
/// <c>provmon-anchor/v1\n{position}\n{hash}\n{anchoredAt}</c> (anchoredAt in ISO 8601 UTC, as in the line).
/// An anchor written while the silo knows the chain is broken records the break (<see cref="BrokenAt"/>) and is signed
/// over <c>provmon-anchor/v2\n{position}\n{hash}\n{anchoredAt}\nbroken-at {brokenAt}</c>: it vouches for nothing
/// (no verification takes it as a head the log must match) and keeps, signed and witnessed, that the silo saw the
/// break; the member cannot be dropped or changed without the signature failing.
/// </summary>
public sealed record Anchor(
    [property: JsonPropertyName("position")] long Position,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("recordedAt")] DateTimeOffset? RecordedAt,
    [property: JsonPropertyName("anchoredAt")] string AnchoredAt,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("brokenAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BrokenAt = null)
{
    public static byte[] SignedBytes(long position, string hash, string anchoredAt, long? brokenAt = null)
    {
        var line = $"{position.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{anchoredAt}";
        return Encoding.UTF8.GetBytes(brokenAt is { } broken
            ? $"provmon-anchor/v2\n{line}\nbroken-at {broken.ToString(CultureInfo.InvariantCulture)}"
            : $"provmon-anchor/v1\n{line}");
    }

    /// <summary>Whether the log must still hold this head: every anchor but one that records a break.</summary>
    [JsonIgnore]
    public bool Vouches => BrokenAt is null;

    public bool IsSignedBy(ECDsa publicKey)
    {
        try
        {
            return publicKey.VerifyData(SignedBytes(Position, Hash, AnchoredAt, BrokenAt), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A break an anchor records: the silo found the chain broken at <paramref name="BrokenAt"/> when it anchored the head at <paramref name="Position"/>.</summary>
public sealed record RecordedBreak(long BrokenAt, long Position, string AnchoredAt)
{
    public override string ToString() =>
        $"The anchor of {AnchoredAt} at position {Position} records that the silo found the chain broken at position {BrokenAt}.";
}

/// <summary>
/// What a set of anchors says: the heads the log must still hold (each once, in position order) and the breaks
/// anchors recorded; with the lines that could not be used.
/// </summary>
public sealed record AnchorEvidence(IReadOnlyList<ChainHead> Heads, IReadOnlyList<RecordedBreak> Breaks, IReadOnlyList<AnchorProblem> Problems)
{
    public static readonly AnchorEvidence None = new([], [], []);

    public static AnchorEvidence Of(IEnumerable<Anchor> anchors, IReadOnlyList<AnchorProblem> problems)
    {
        var all = anchors.ToList();
        return new AnchorEvidence(
            [.. all.Where(a => a.Vouches).Select(a => new ChainHead(a.Position, a.Hash.ToLowerInvariant())).Distinct().OrderBy(a => a.Position)],
            [.. all.Where(a => !a.Vouches).Select(a => new RecordedBreak(a.BrokenAt!.Value, a.Position, a.AnchoredAt)).Distinct().OrderBy(b => b.AnchoredAt, StringComparer.Ordinal)],
            problems);
    }

    /// <summary>English lines on the recorded breaks for a verification's answer (the newest when there are many), or empty when there are none.</summary>
    public string BreaksLine() => Breaks.Count switch
    {
        0 => "",
        1 => $"{Breaks[0]} It vouches for nothing.",
        _ => $"{Breaks.Count} anchors record a break; the newest: {Breaks[^1]} They vouch for nothing.",
    };
}

/// <summary>An anchor line that could not be read, or whose signature does not match the public key.</summary>
public sealed record AnchorProblem(string File, int Line, string Reason);

/// <summary>An anchor and the folder it was read from: the anchor folder, or a witness (<see cref="Witness"/>).</summary>
public sealed record FolderAnchor(Anchor Anchor, string Folder, bool Witness);

/// <summary>
/// The anchor sink: append-only files <c>anchors-{yyyy}.jsonl</c> in one folder (shared by the silos of a
/// cluster), one JSON line per anchor.
/// </summary>
public static class AnchorFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Signs the head; with <paramref name="brokenAt"/>, an anchor that records the break the silo knows of (v2).</summary>
    public static Anchor Sign(ECDsa privateKey, long position, string hash, DateTimeOffset? recordedAt, DateTimeOffset now, long? brokenAt = null)
    {
        var anchoredAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var signature = privateKey.SignData(Anchor.SignedBytes(position, hash, anchoredAt, brokenAt), HashAlgorithmName.SHA256);
        return new Anchor(position, hash, recordedAt, anchoredAt, Convert.ToBase64String(signature), brokenAt);
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

    /// <summary>
    /// The anchors of the anchor folder and of every witness, each with its folder (the same anchor appears once per
    /// folder that holds it); a problem names its file by its full path.
    /// </summary>
    public static (IReadOnlyList<FolderAnchor> Anchors, IReadOnlyList<AnchorProblem> Problems) ReadAll(AnchorSettings settings, ECDsa? publicKey) =>
        ReadAll(settings.Folder, settings.Witnesses, publicKey);

    /// <summary>The evidence of the anchor folder and the witnesses (<see cref="ReadAll(AnchorSettings, ECDsa?)"/>).</summary>
    public static AnchorEvidence Evidence(string folder, IEnumerable<string> witnesses, ECDsa? publicKey)
    {
        var (anchors, problems) = ReadAll(folder, witnesses, publicKey);
        return AnchorEvidence.Of(anchors.Select(a => a.Anchor), problems);
    }

    /// <inheritdoc cref="ReadAll(AnchorSettings, ECDsa?)"/>
    public static (IReadOnlyList<FolderAnchor> Anchors, IReadOnlyList<AnchorProblem> Problems) ReadAll(string folder, IEnumerable<string> witnesses, ECDsa? publicKey)
    {
        var anchors = new List<FolderAnchor>();
        var problems = new List<AnchorProblem>();
        foreach (var (path, witness) in witnesses.Select(w => (w, true)).Prepend((folder, false)))
        {
            var (read, unreadable) = Read(path, publicKey);
            anchors.AddRange(read.Select(a => new FolderAnchor(a, path, witness)));
            problems.AddRange(unreadable.Select(p => p with { File = Path.Combine(path, p.File) }));
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
