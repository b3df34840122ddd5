using System.Security.Cryptography;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.UnitTests.Audit;

public sealed class AnchorKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-anchor-keys-").FullName;
    // Mid-year of the product's clock, so that an anchor an hour earlier lies in the same year's file.
    private static readonly DateTimeOffset Now = new DateTimeOffset(MonitorClock.System.Now.Year, 1, 1, 22, 15, 0, TimeSpan.Zero).AddDays(180);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string NewKeyFile(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    [Fact]
    public void A_new_key_is_made_once_owner_only_and_silos_starting_together_all_use_the_first_ones()
    {
        // The race is narrow: a check-then-rename made two keys in about one round of twenty, so the test runs many.
        for (var round = 0; round < 50; round++)
        {
            var keyFile = Path.Combine(_folder, $"round-{round}", "config", "provincialmonitor", AnchorKeys.PrivateKeyFileName);
            var dataFolderKey = Path.Combine(_folder, $"round-{round}", "data", AnchorKeys.PrivateKeyFileName);

            var placed = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
                .Select(_ =>
                {
                    var (file, placement) = AnchorKeys.Place(keyFile, dataFolderKey, create: true);
                    return (file, placement, publicKey: AnchorKeys.PublicKeyPem(file));
                })
                .ToList();

            Assert.Single(placed, p => p.placement == AnchorKeyPlacement.Created);
            Assert.All(placed, p => Assert.Equal(keyFile, p.file));
            Assert.Single(placed.Select(p => p.publicKey).Distinct());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!));
            }
            Assert.Equal(AnchorKeyPlacement.Found, AnchorKeys.Place(keyFile, dataFolderKey, create: true).Placement);
        }
    }

    [Fact]
    public void A_configured_key_that_does_not_exist_is_not_made()
    {
        var keyFile = Path.Combine(_folder, "elsewhere", AnchorKeys.PrivateKeyFileName);

        var (file, placement) = AnchorKeys.Place(keyFile, Path.Combine(_folder, "data", AnchorKeys.PrivateKeyFileName), create: false);

        Assert.Equal((keyFile, AnchorKeyPlacement.Found), (file, placement));
        Assert.False(File.Exists(keyFile));
    }

    [Fact]
    public void A_key_in_the_data_folder_is_moved_out_once_and_keeps_signing_as_before()
    {
        var dataFolderKey = NewKeyFile(Path.Combine(_folder, "data", AnchorKeys.PrivateKeyFileName));
        var publicKey = AnchorKeys.PublicKeyPem(dataFolderKey);
        var keyFile = Path.Combine(_folder, "config", AnchorKeys.PrivateKeyFileName);

        var moved = AnchorKeys.Place(keyFile, dataFolderKey, create: true);
        var again = AnchorKeys.Place(keyFile, dataFolderKey, create: true);

        Assert.Equal((keyFile, AnchorKeyPlacement.Moved), moved);
        Assert.Equal((keyFile, AnchorKeyPlacement.Found), again);
        Assert.False(File.Exists(dataFolderKey));
        Assert.Equal(publicKey, AnchorKeys.PublicKeyPem(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public void A_copy_of_the_key_in_the_data_folder_is_removed_and_a_different_key_there_stays_in_use_where_it_is()
    {
        var keyFile = NewKeyFile(Path.Combine(_folder, "config", AnchorKeys.PrivateKeyFileName));
        var copy = Path.Combine(_folder, "copy", AnchorKeys.PrivateKeyFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(keyFile, copy);
        var other = NewKeyFile(Path.Combine(_folder, "other", AnchorKeys.PrivateKeyFileName));

        var copyRemoved = AnchorKeys.Place(keyFile, copy, create: true);
        var kept = AnchorKeys.Place(keyFile, other, create: true);

        Assert.Equal((keyFile, AnchorKeyPlacement.CopyRemoved), copyRemoved);
        Assert.False(File.Exists(copy));
        Assert.Equal((Path.GetFullPath(other), AnchorKeyPlacement.KeptInDataFolder), kept);
        Assert.True(File.Exists(other));
        Assert.NotEqual(AnchorKeys.PublicKeyPem(keyFile), AnchorKeys.PublicKeyPem(other));
    }

    [Fact]
    public void A_key_in_the_data_folder_whose_place_cannot_be_written_stays_in_use_where_it_is()
    {
        var dataFolderKey = NewKeyFile(Path.Combine(_folder, "data", AnchorKeys.PrivateKeyFileName));
        // A file where the key's folder should be.
        File.WriteAllText(Path.Combine(_folder, "not-a-folder"), "");

        var placed = AnchorKeys.Place(Path.Combine(_folder, "not-a-folder", AnchorKeys.PrivateKeyFileName), dataFolderKey, create: false);

        Assert.Equal((dataFolderKey, AnchorKeyPlacement.CouldNotMove), placed);
        Assert.True(File.Exists(dataFolderKey));
    }

    [Fact]
    public async Task The_anchors_of_the_folder_and_every_witness_are_read_together_each_with_its_folder()
    {
        var keyFile = NewKeyFile(Path.Combine(_folder, "key.pem"));
        using var privateKey = AnchorKeys.Load(keyFile);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(AnchorKeys.PublicKeyPem(keyFile));
        var (main, first, second) = (Path.Combine(_folder, "anchors"), Path.Combine(_folder, "w1"), Path.Combine(_folder, "w2"));
        var settings = new AnchorSettings(main, keyFile, TimeSpan.FromHours(1)) { Witnesses = [first, second] };
        var early = AnchorFiles.Sign(privateKey, 10, new string('a', 64), null, Now.AddHours(-1));
        var late = AnchorFiles.Sign(privateKey, 20, new string('b', 64), null, Now);
        foreach (var folder in (string[])[main, first, second]) await AnchorFiles.AppendAsync(folder, early);
        // The second witness could not be written when the later anchor was made; the main folder's line was re-signed by a forger.
        await AnchorFiles.AppendAsync(main, late);
        await AnchorFiles.AppendAsync(first, late);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await AnchorFiles.AppendAsync(main, AnchorFiles.Sign(forger, 30, new string('c', 64), null, Now));

        var (anchors, problems) = AnchorFiles.ReadAll(settings, publicKey);

        Assert.Equal(
            [(main, false, 10L), (main, false, 20L), (first, true, 10L), (first, true, 20L), (second, true, 10L)],
            anchors.Select(a => (a.Folder, a.Witness, a.Anchor.Position)));
        var problem = Assert.Single(problems);
        Assert.Equal((Path.Combine(main, $"anchors-{Now.Year}.jsonl"), 3), (problem.File, problem.Line));
        Assert.Empty(AnchorFiles.ReadAll(Path.Combine(_folder, "none"), [Path.Combine(_folder, "none-either")], publicKey).Anchors);
    }
}
