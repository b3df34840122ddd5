using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProvincialMonitor.Browser.Tests;

/// <summary>
/// The whole silo (Orleans, the embedded SQLite store, the dashboard) on a real Kestrel socket on 127.0.0.1,
/// because a browser in another process cannot reach the in-memory test server. A fresh temporary data
/// folder with demo data on, so that the demo users exist.
/// </summary>
public sealed class KestrelSilo(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-browser-").FullName;

    /// <summary>The bootstrap admin key (Auth:BootstrapApiKey) of this silo, for tests that record through the HTTP API.</summary>
    public string AdminApiKey { get; } = "pmk_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>Where the silo listens, e.g. http://127.0.0.1:41234/; set by <see cref="Start"/>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Builds and starts the host; returns when Kestrel listens, which is after the demo users were added.</summary>
    public void Start()
    {
        // Port 0: Kestrel picks a free port itself, so there is no window in which another process takes it.
        UseKestrel(0);
        StartServer();
        Address = ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Store", "Sqlite");
        builder.UseSetting("DataDirectory", _folder);
        // A signing key of this silo's own, never the per-user configuration folder's.
        var key = Path.Combine(_folder, "test-anchor-key", ProvincialMonitor.Grains.Audit.AnchorKeys.PrivateKeyFileName);
        if (!File.Exists(key)) ProvincialMonitor.Grains.Audit.AnchorFiles.CreateKeyPair(key, Path.Combine(_folder, "test-anchor-key", ProvincialMonitor.Grains.Audit.AnchorKeys.PublicKeyFileName));
        builder.UseSetting("Anchors:PrivateKeyFile", key);
        builder.UseSetting("Demo:Data", "true");
        builder.UseSetting("Auth:BootstrapApiKey", AdminApiKey);
        builder.UseSetting("RateLimits:PerSecond", "100000");
        // Orleans has no "any free port": pick two, so that this silo runs beside others (and beside a developer's).
        builder.UseSetting("Orleans:SiloPort", FreePort());
        builder.UseSetting("Orleans:GatewayPort", FreePort());
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(name, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the SQLite file open; release them before the folder goes.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
