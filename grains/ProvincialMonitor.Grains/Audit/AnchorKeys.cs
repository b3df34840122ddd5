using System.Security.Cryptography;

namespace ProvincialMonitor.Grains.Audit;

/// <summary>How the signing key came to be where the silo uses it (see <see cref="AnchorKeys.Place"/>).</summary>
public enum AnchorKeyPlacement
{
    /// <summary>The key was already there.</summary>
    Found,

    /// <summary>This start made the key.</summary>
    Created,

    /// <summary>The key lay in the data folder and was moved to its place.</summary>
    Moved,

    /// <summary>The data folder held a copy of the key in its place; the copy was removed.</summary>
    CopyRemoved,

    /// <summary>The data folder holds a key that differs from the one in its place: the data folder's key stays in use, where it is.</summary>
    KeptInDataFolder,

    /// <summary>The key lies in the data folder and its place cannot be written (e.g. a read-only folder): it stays in use, where it is.</summary>
    CouldNotMove,
}

/// <summary>The anchor signing key: where it lives by default, made once, and moved out of a data folder.</summary>
public static class AnchorKeys
{
    public const string PrivateKeyFileName = "anchor-signing-key.pem";
    public const string PublicKeyFileName = "anchor-public-key.pem";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The per-user configuration folder (<c>$XDG_CONFIG_HOME/provincialmonitor</c>, else
    /// <c>~/.config/provincialmonitor</c>; <c>%APPDATA%\provincialmonitor</c> on Windows), or null when the user has none.
    /// </summary>
    public static string? DefaultFolder()
    {
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(config) ? null : Path.Combine(config, "provincialmonitor");
    }

    /// <summary>
    /// Puts the key at <paramref name="keyFile"/>: a key in the data folder (<paramref name="dataFolderKey"/>) is moved
    /// there when the place is free, removed when the place holds the same key, and otherwise kept (and used) where it
    /// is (also when the place cannot be written); without either, a new key is made when <paramref name="create"/>.
    /// Returns the file to sign with.
    /// </summary>
    public static (string KeyFile, AnchorKeyPlacement Placement) Place(string keyFile, string dataFolderKey, bool create)
    {
        keyFile = Path.GetFullPath(keyFile);
        dataFolderKey = Path.GetFullPath(dataFolderKey);
        if (File.Exists(dataFolderKey) && keyFile != dataFolderKey)
        {
            if (!File.Exists(keyFile))
            {
                try
                {
                    if (WriteExclusive(keyFile, File.ReadAllText(dataFolderKey)))
                    {
                        File.Delete(dataFolderKey);
                        return (keyFile, AnchorKeyPlacement.Moved);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return (dataFolderKey, AnchorKeyPlacement.CouldNotMove);
                }
            }
            if (PublicKeyPem(keyFile) == PublicKeyPem(dataFolderKey))
            {
                File.Delete(dataFolderKey);
                return (keyFile, AnchorKeyPlacement.CopyRemoved);
            }
            return (dataFolderKey, AnchorKeyPlacement.KeptInDataFolder);
        }
        if (File.Exists(keyFile) || !create) return (keyFile, AnchorKeyPlacement.Found);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (keyFile, WriteExclusive(keyFile, key.ExportPkcs8PrivateKeyPem()) ? AnchorKeyPlacement.Created : AnchorKeyPlacement.Found);
    }

    /// <summary>
    /// Writes a key file readable by its owner only, in a folder only the owner may enter when it makes the folder.
    /// Writers take turns through an exclusive lock on a file beside the key; the key is written whole to a file of its
    /// own and renamed into place, so a reader sees either no key or the whole key. False when the place was taken
    /// already (another silo made it first), and that key stays.
    /// </summary>
    /// <remarks>
    /// <c>File.Move(…, overwrite: false)</c> is no guard here: on Unix it checks that the place is free and then renames,
    /// so two writers can both see it free and the second replaces the first's key.
    /// </remarks>
    public static bool WriteExclusive(string path, string pem)
    {
        path = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnlyFolder);
        using var turn = TakeTurn(Path.Combine(folder, $".{Path.GetFileName(path)}.lock"));
        if (File.Exists(path)) return false;
        var draft = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(draft, OwnerOnly(FileMode.CreateNew, FileAccess.Write)))
            {
                using (var writer = new StreamWriter(file, leaveOpen: true)) writer.Write(pem);
                file.Flush(flushToDisk: true);
            }
            File.Move(draft, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(draft);
        }
    }

    /// <summary>
    /// Opens the lock file for this process's writer alone (an exclusive open: <c>flock</c> on Unix, which also keeps
    /// threads of one process apart), waiting while another writer holds it. The lock file stays; it holds nothing.
    /// </summary>
    private static FileStream TakeTurn(string lockFile)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockFile, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite));
            }
            catch (IOException) when (waited.Elapsed < LockWait && File.Exists(lockFile))
            {
                Thread.Sleep(10);
            }
        }
    }

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    /// <summary>Reads a key (a key file appears whole, see <see cref="WriteExclusive"/>).</summary>
    public static ECDsa Load(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The public key (SubjectPublicKeyInfo PEM) of a private key file, for auditors.</summary>
    public static string PublicKeyPem(string privateKeyFile)
    {
        using var key = Load(privateKeyFile);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Writes the public key of <paramref name="privateKeyFile"/> to <paramref name="publicKeyFile"/> unless it holds it already; true when written.</summary>
    public static bool WritePublicKey(string privateKeyFile, string publicKeyFile)
    {
        var pem = PublicKeyPem(privateKeyFile);
        if (File.Exists(publicKeyFile) && File.ReadAllText(publicKeyFile).Trim() == pem.Trim()) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(publicKeyFile))!);
        File.WriteAllText(publicKeyFile, pem + "\n");
        return true;
    }
}
