using System.Security.Cryptography;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.UnitTests.Audit;

public sealed class AnchorFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-anchors-").FullName;
    // Mid-year of the product clock's year: the anchors of these tests fall in one year's file.
    private static readonly DateTimeOffset Now = new DateTimeOffset(MonitorClock.System.Now.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(180);

    private static readonly string YearFile = $"anchors-{Now.Year}.jsonl";

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (ECDsa Private, ECDsa Public) Keys(string name)
    {
        var privatePath = Path.Combine(_folder, name + ".pem");
        var publicPath = Path.Combine(_folder, name + ".pub.pem");
        AnchorFiles.CreateKeyPair(privatePath, publicPath);
        var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(File.ReadAllText(publicPath));
        return (AnchorFiles.LoadKey(privatePath), publicKey);
    }

    [Fact]
    public async Task Anchors_appended_to_the_sink_read_back_with_valid_signatures_and_the_newest_time()
    {
        var (privateKey, publicKey) = Keys("silo");
        var sink = Path.Combine(_folder, "sink");

        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 10, new string('a', 64), Now.AddDays(-2), Now.AddDays(-1)));
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 25, new string('b', 64), Now.AddMinutes(-5), Now));
        var (anchors, problems) = AnchorFiles.Read(sink, publicKey);

        Assert.Empty(problems);
        Assert.Equal([10L, 25L], anchors.Select(a => a.Position));
        Assert.Equal(Now, AnchorFiles.Newest(sink));
        Assert.Single(Directory.GetFiles(sink), f => Path.GetFileName(f) == YearFile);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(sink, YearFile)).Length);
    }

    [Fact]
    public async Task An_anchor_that_records_a_break_is_signed_with_it_vouches_for_nothing_and_loses_its_signature_without_it()
    {
        var (privateKey, publicKey) = Keys("silo");
        var sink = Path.Combine(_folder, "sink");
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 10, new string('A', 64), null, Now.AddHours(-1)));
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 20, new string('b', 64), null, Now, brokenAt: 14));
        var path = Directory.GetFiles(sink).Single();
        var lines = File.ReadAllLines(path);

        var evidence = AnchorFiles.Evidence(sink, [], publicKey);

        Assert.DoesNotContain("brokenAt", lines[0], StringComparison.Ordinal); // a plain anchor is the v1 line it always was
        Assert.Contains("\"brokenAt\":14", lines[1], StringComparison.Ordinal);
        Assert.Equal([new ProvincialMonitor.EventStore.ChainHead(10, new string('a', 64))], evidence.Heads);
        Assert.Equal([(14L, 20L)], evidence.Breaks.Select(b => (b.BrokenAt, b.Position)));
        Assert.Empty(evidence.Problems);

        // Whoever drops the break from the line, or moves it, without the key breaks the signature.
        await File.WriteAllLinesAsync(path, [lines[0], lines[1].Replace(",\"brokenAt\":14", "", StringComparison.Ordinal), lines[1].Replace(":14", ":19", StringComparison.Ordinal)]);
        var tampered = AnchorFiles.Evidence(sink, [], publicKey);
        Assert.Equal([2, 3], tampered.Problems.Select(p => p.Line));
        Assert.Empty(tampered.Breaks);
        Assert.Single(tampered.Heads);
    }

    [Fact]
    public async Task An_altered_line_or_a_line_signed_with_another_key_is_reported_and_not_used()
    {
        var (privateKey, publicKey) = Keys("silo");
        var (forgerKey, _) = Keys("forger");
        var sink = Path.Combine(_folder, "sink");
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 10, new string('a', 64), null, Now));
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(privateKey, 20, new string('b', 64), null, Now));
        await AnchorFiles.AppendAsync(sink, AnchorFiles.Sign(forgerKey, 30, new string('c', 64), null, Now));
        var path = Path.Combine(sink, YearFile);
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace(new string('b', 64), new string('d', 64), StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, [.. lines, "not json"]);

        var (anchors, problems) = AnchorFiles.Read(sink, publicKey);

        Assert.Equal([10L], anchors.Select(a => a.Position));
        Assert.Equal([2, 3, 4], problems.Select(p => p.Line));
        Assert.Equal("the signature does not match the public key", problems[0].Reason);
        Assert.Equal("not an anchor line", problems[2].Reason);
    }

    [Fact]
    public void An_empty_or_missing_sink_has_no_newest_anchor() =>
        Assert.Null(AnchorFiles.Newest(Path.Combine(_folder, "nothing-here")));
}
