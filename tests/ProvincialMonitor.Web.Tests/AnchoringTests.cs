using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// Anchoring as the silo does it (docs/audit.md "Anchors"): the signing key out of the data folder, witnesses, and
/// anchors after a number of events as well as after an interval, on both stores.
/// </summary>
public sealed class AnchoringTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static ECDsa PublicKey(string pemFile)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(pemFile));
        return key;
    }

    /// <summary>Waits (without a deadline of its own in the assertion) until the folder holds an anchor that satisfies <paramref name="wanted"/>.</summary>
    private static async Task<IReadOnlyList<Anchor>> WaitForAnchorAsync(string folder, Func<Anchor, bool> wanted)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var anchors = AnchorFiles.Read(folder).Anchors;
            if (anchors.Any(wanted) || watch.Elapsed > Patience) return anchors;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_signing_key_in_the_data_folder_is_moved_out_at_start_and_signs_on()
    {
        var root = Directory.CreateTempSubdirectory("provmon-keymove-").FullName;
        var data = Path.Combine(root, "data");
        var dataFolderKey = Path.Combine(data, AnchorKeys.PrivateKeyFileName);
        var keyFile = Path.Combine(root, "config", AnchorKeys.PrivateKeyFileName);
        try
        {
            // A store from before: its key pair in the data folder.
            AnchorFiles.CreateKeyPair(dataFolderKey, Path.Combine(data, AnchorKeys.PublicKeyFileName));
            using var publicKey = PublicKey(Path.Combine(data, AnchorKeys.PublicKeyFileName));
            var settings = new Dictionary<string, string?> { ["Anchors:PrivateKeyFile"] = keyFile };
            await using (var silo = SiloFactory.Embedded(data, settings: settings))
            {
                using var client = silo.CreateClient();
                (await client.PostJsonAsync("/api/clusters/vil/members", """{"member":"Sleutel"}""")).EnsureSuccessStatusCode();
                await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnchorGrain>(AnchorGrain.Key).AnchorNow();
            }

            Assert.False(File.Exists(dataFolderKey), "the key left the data folder");
            Assert.True(File.Exists(keyFile));
            Assert.Equal(AnchorKeys.PublicKeyPem(keyFile).Trim(), File.ReadAllText(Path.Combine(data, AnchorKeys.PublicKeyFileName)).Trim());
            var (anchors, problems) = AnchorFiles.Read(Path.Combine(data, "anchors"), publicKey);
            Assert.Empty(problems);
            Assert.NotEmpty(anchors);

            // A different key in the data folder (the place is taken): the silo starts, signs with that one and leaves it where it is.
            AnchorFiles.CreateKeyPair(dataFolderKey, Path.Combine(root, "other-public-key.pem"));
            using var otherPublicKey = PublicKey(Path.Combine(root, "other-public-key.pem"));
            await using (var silo = SiloFactory.Embedded(data, settings: settings))
            {
                using var client = silo.CreateClient();
                (await client.PostJsonAsync("/api/clusters/vil/members", """{"member":"Andere sleutel"}""")).EnsureSuccessStatusCode();
                var position = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnchorGrain>(AnchorGrain.Key).AnchorNow();
                Assert.Contains(AnchorFiles.Read(Path.Combine(data, "anchors")).Anchors, a => a.Position == position && a.IsSignedBy(otherPublicKey));
            }
            Assert.True(File.Exists(dataFolderKey), "a key that differs from the one in its place stays in the data folder");
            Assert.NotEqual(AnchorKeys.PublicKeyPem(keyFile), AnchorKeys.PublicKeyPem(dataFolderKey));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Every_anchor_goes_to_each_witness_a_witness_that_cannot_be_written_is_counted_and_verify_reads_them_all()
    {
        var root = Directory.CreateTempSubdirectory("provmon-witness-").FullName;
        var data = Path.Combine(root, "data");
        var (witness, blocked) = (Path.Combine(root, "witness"), Path.Combine(root, "blocked"));
        // A file where the folder should be: appending to it fails.
        await File.WriteAllTextAsync(blocked, "not a folder");
        try
        {
            await using (var silo = SiloFactory.Embedded(data, settings: new Dictionary<string, string?> { ["Anchors:Witnesses"] = $"{witness}, {blocked}" }))
            {
                using var client = silo.CreateClient();
                (await client.PostJsonAsync("/api/clusters/vil/members", """{"member":"Getuige"}""")).EnsureSuccessStatusCode();
                var position = await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IAnchorGrain>(AnchorGrain.Key).AnchorNow();

                Assert.Equal([witness, blocked], silo.Services.GetRequiredService<AnchorSettings>().Witnesses);
                var main = AnchorFiles.Read(Path.Combine(data, "anchors")).Anchors;
                Assert.Contains(main, a => a.Position == position);
                Assert.Equal(main, AnchorFiles.Read(witness).Anchors);
                var metrics = await (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();
                Assert.Contains(metrics.Split('\n'), l => l.StartsWith("provmon_anchor_witness_failures_total", StringComparison.Ordinal) && !l.TrimEnd().EndsWith(" 0", StringComparison.Ordinal));
            }

            var publicKey = Path.Combine(data, AnchorKeys.PublicKeyFileName);
            var verified = await Scripts.RunSiloAsync("verify", "--data", data, "--anchors", Path.Combine(data, "anchors"), "--public-key", publicKey, "--witness", witness);
            Assert.True(verified.Exit == 0, verified.ToString());
            Assert.Contains("with valid signatures in " + Path.Combine(data, "anchors") + " and 1 witness(es)", verified.Out, StringComparison.Ordinal);

            // Whoever rewrites the anchor folder without the key cannot make the witness agree: a witness line altered is refused too.
            var file = Directory.GetFiles(witness).Single();
            var lines = await File.ReadAllLinesAsync(file);
            await File.WriteAllLinesAsync(file, [.. lines[..^1], lines[^1].Replace("\"position\":", "\"position\":1", StringComparison.Ordinal)]);
            var forged = await Scripts.RunSiloAsync("verify", "--data", data, "--anchors", Path.Combine(data, "anchors"), "--public-key", publicKey, "--witness", witness);
            Assert.True(forged.Exit == 1, forged.ToString());
            Assert.Contains($"Anchor {file} line {lines.Length}: the signature does not match the public key.", forged.Out, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task After_EveryEvents_events_an_anchor_is_written_without_waiting_for_the_interval(string backend)
    {
        const int every = 5;
        var settings = new Dictionary<string, string?> { ["Anchors:EveryEvents"] = every.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // PostgreSQL anchors by default too, into {DataDirectory}/anchors.
        await using var silo = backend == "postgres" ? await SiloFactory.OnPostgresAsync(settings) : SiloFactory.Embedded(settings: settings);
        using var client = silo.CreateClient();
        var folder = Path.Combine(silo.DataDirectory, "anchors");
        var atStart = await WaitForAnchorAsync(folder, _ => true);
        Assert.NotEmpty(atStart);
        var before = atStart.Max(a => a.Position);
        Assert.Equal(TimeSpan.FromHours(1), silo.Services.GetRequiredService<AnchorSettings>().Interval);

        for (var i = 0; i < every; i++)
            (await client.PostJsonAsync("/api/clusters/vil/members", $$"""{"member":"Telling-{{i}}"}""")).EnsureSuccessStatusCode();
        var head = await silo.Store.GetHeadAsync();
        var anchors = await WaitForAnchorAsync(folder, a => a.Position >= before + every);

        Assert.True(head.Position >= before + every);
        Assert.Contains(anchors, a => a.Position >= before + every);
        using var publicKey = PublicKey(Path.Combine(silo.DataDirectory, "test-anchor-key", AnchorKeys.PublicKeyFileName));
        Assert.Empty(AnchorFiles.Read(folder, publicKey).Problems);
    }
}
