using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Anchoring the chain head outside the database (docs/audit.md "Anchors"), in both modes: into <c>Anchors:Folder</c>
/// (default <c>{DataDirectory}/anchors</c>) and every <c>Anchors:Witnesses</c> folder, signed with
/// <c>Anchors:PrivateKeyFile</c> (default: a key made on first start in the per-user configuration folder, never in
/// the data folder).
/// </summary>
public static class Anchoring
{
    public const string PublicKeyFileName = AnchorKeys.PublicKeyFileName;

    public static WebApplicationBuilder AddAnchoring(this WebApplicationBuilder builder)
    {
        var store = StoreSettings.From(builder.Configuration);
        var section = builder.Configuration.GetSection("Anchors");
        if (!section.GetValue("Enabled", true)) return builder;
        var folder = section["Folder"];
        folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine(store.DataDirectory, "anchors") : folder);
        var witnesses = SettingList.Values(builder.Configuration, "Anchors:Witnesses").Select(Path.GetFullPath).Distinct().ToList();
        var interval = section.GetValue("Interval", AnchorSettings.DefaultInterval);
        if (interval <= TimeSpan.Zero) throw new ConfigurationException("Anchors:Interval must be positive, e.g. 01:00:00 for hourly.");
        var everyEvents = section.GetValue("EveryEvents", AnchorSettings.DefaultEveryEvents);
        if (everyEvents < 0) throw new ConfigurationException("Anchors:EveryEvents must be 0 (no count) or more.");

        var configuredKey = section["PrivateKeyFile"];
        var configured = !string.IsNullOrWhiteSpace(configuredKey);
        var dataFolderKey = Path.Combine(store.DataDirectory, AnchorKeys.PrivateKeyFileName);
        if (configured && !File.Exists(configuredKey) && !File.Exists(dataFolderKey))
            throw new ConfigurationException($"Anchors:PrivateKeyFile {configuredKey} does not exist.");
        var defaultFolder = AnchorKeys.DefaultFolder();
        var keyFile = configured ? configuredKey! : defaultFolder is null ? null : Path.Combine(defaultFolder, AnchorKeys.PrivateKeyFileName);

        AnchorStartup.Outcome outcome;
        try
        {
            if (keyFile is null) throw new IOException("this user has no configuration folder (no HOME)");
            var (file, placement) = AnchorKeys.Place(keyFile, dataFolderKey, create: !configured);
            if (placement == AnchorKeyPlacement.Created)
                AnchorKeys.WritePublicKey(file, Path.Combine(Path.GetDirectoryName(file)!, AnchorKeys.PublicKeyFileName));
            outcome = new AnchorStartup.Outcome(file, placement, keyFile, dataFolderKey);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            builder.Services.AddHostedService(sp => new AnchoringOff(sp.GetRequiredService<ILogger<AnchorStartup>>(), keyFile, ex));
            return builder;
        }

        builder.Services.AddSingleton(new AnchorSettings(folder, outcome.KeyFile, interval) { Witnesses = witnesses, EveryEvents = everyEvents });
        builder.Services.AddHostedService(sp => new AnchorStartup(
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<AnchorSettings>(), outcome,
            store.Kind == StoreKind.Sqlite ? Path.Combine(store.DataDirectory, AnchorKeys.PublicKeyFileName) : null,
            sp.GetRequiredService<ILogger<AnchorStartup>>()));
        return builder;
    }

    /// <summary>No key could be made or moved: the silo runs, and says loudly that it does not anchor.</summary>
    private sealed class AnchoringOff(ILogger logger, string? keyFile, Exception reason) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogError(reason, "Anchoring is off: no signing key at {KeyFile}; set Anchors:PrivateKeyFile to a key this user can read", keyFile ?? "(none)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>At start: says where the key is and how it got there, gives the data folder the public key (embedded), and lets the anchor grain anchor when one is due.</summary>
public sealed class AnchorStartup(IGrainFactory grains, AnchorSettings settings, AnchorStartup.Outcome outcome, string? publicKeyFile, ILogger<AnchorStartup> logger) : IHostedService
{
    /// <summary>Where the key was looked for and what <see cref="AnchorKeys.Place"/> did.</summary>
    public sealed record Outcome(string KeyFile, AnchorKeyPlacement Placement, string Place, string DataFolderKey);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        switch (outcome.Placement)
        {
            case AnchorKeyPlacement.Created:
                logger.LogWarning("Made an anchor signing key {PrivateKey}; give auditors its public key {PublicKey}",
                    outcome.KeyFile, Path.Combine(Path.GetDirectoryName(outcome.KeyFile)!, AnchorKeys.PublicKeyFileName));
                break;
            case AnchorKeyPlacement.Moved:
                logger.LogWarning("Moved the anchor signing key out of the data folder, from {From} to {To}", outcome.DataFolderKey, outcome.KeyFile);
                break;
            case AnchorKeyPlacement.CopyRemoved:
                logger.LogWarning("Removed the copy of the anchor signing key {Copy} from the data folder; the key is {KeyFile}", outcome.DataFolderKey, outcome.KeyFile);
                break;
            case AnchorKeyPlacement.CouldNotMove:
                logger.LogWarning("The anchor signing key {DataFolderKey} lies in the data folder and could not be moved to {KeyFile}: it stays in use where it is. Move it there yourself",
                    outcome.DataFolderKey, outcome.Place);
                break;
            case AnchorKeyPlacement.KeptInDataFolder:
                logger.LogWarning("The data folder holds an anchor signing key {DataFolderKey} that differs from {KeyFile}: anchors are still signed with the data folder's key, which stays where it is. Move it to {KeyFile} (replacing the other) or point Anchors:PrivateKeyFile at it outside the data folder",
                    outcome.DataFolderKey, outcome.Place, outcome.Place);
                break;
        }
        if (publicKeyFile is not null && AnchorKeys.WritePublicKey(settings.PrivateKeyFile, publicKeyFile))
            logger.LogInformation("Wrote the anchors' public key to {PublicKey}", publicKeyFile);
        logger.LogInformation("Anchoring into {Folder} and {Witnesses} witness(es) every {Interval} or {EveryEvents} events, signed with {KeyFile}",
            settings.Folder, settings.Witnesses.Count, settings.Interval, settings.EveryEvents, settings.PrivateKeyFile);
        await grains.GetGrain<IAnchorGrain>(AnchorGrain.Key).Start();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
