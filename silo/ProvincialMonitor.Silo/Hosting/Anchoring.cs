using ProvincialMonitor.Grains.Audit;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// Anchoring the chain head outside the database (README "Anchors"). The embedded silo anchors by default into
/// <c>{DataDirectory}/anchors</c> with a key pair it makes on first start; a silo on PostgreSQL anchors only when
/// <c>Anchors:Folder</c> and <c>Anchors:PrivateKeyFile</c> are configured (one shared folder and key for the cluster).
/// </summary>
public static class Anchoring
{
    public const string PublicKeyFileName = AnchorFiles.PublicKeyFileName;

    public static WebApplicationBuilder AddAnchoring(this WebApplicationBuilder builder)
    {
        var store = StoreSettings.From(builder.Configuration);
        var section = builder.Configuration.GetSection("Anchors");
        if (!section.GetValue("Enabled", true)) return builder;
        var folder = section["Folder"];
        var keyFile = section["PrivateKeyFile"];
        if (store.Kind == StoreKind.Postgres && (string.IsNullOrWhiteSpace(folder) || string.IsNullOrWhiteSpace(keyFile)))
        {
            builder.Services.AddHostedService(sp => new AnchoringOff(sp.GetRequiredService<ILogger<AnchorStartup>>()));
            return builder;
        }
        folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(store.DataDirectory, "anchors") : folder;
        var generate = string.IsNullOrWhiteSpace(keyFile);
        keyFile = generate ? Path.Combine(store.DataDirectory, "anchor-signing-key.pem") : keyFile!;
        if (!generate && !File.Exists(keyFile)) throw new ConfigurationException($"Anchors:PrivateKeyFile {keyFile} does not exist.");
        var interval = section.GetValue("Interval", TimeSpan.FromDays(1));
        if (interval <= TimeSpan.Zero) throw new ConfigurationException("Anchors:Interval must be positive, e.g. 1.00:00:00 for daily.");

        builder.Services.AddSingleton(new AnchorSettings(Path.GetFullPath(folder), Path.GetFullPath(keyFile), interval));
        builder.Services.AddHostedService(sp => new AnchorStartup(
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<AnchorSettings>(), generate, sp.GetRequiredService<ILogger<AnchorStartup>>()));
        return builder;
    }

    private sealed class AnchoringOff(ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Anchoring is off: set Anchors:Folder and Anchors:PrivateKeyFile (shared by every silo) to anchor the chain head");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>At start: makes the key pair when the embedded silo has none, then lets the anchor grain register its reminder and catch up an overdue anchor.</summary>
public sealed class AnchorStartup(IGrainFactory grains, AnchorSettings settings, bool generateKey, ILogger<AnchorStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.PrivateKeyFile))
        {
            if (!generateKey) throw new ConfigurationException($"Anchors:PrivateKeyFile {settings.PrivateKeyFile} does not exist.");
            var publicKey = Path.Combine(Path.GetDirectoryName(settings.PrivateKeyFile)!, Anchoring.PublicKeyFileName);
            AnchorFiles.CreateKeyPair(settings.PrivateKeyFile, publicKey);
            logger.LogWarning("Made an anchor signing key {PrivateKey}; give auditors its public key {PublicKey}", settings.PrivateKeyFile, publicKey);
        }
        await grains.GetGrain<IAnchorGrain>(AnchorGrain.Key).Start();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
