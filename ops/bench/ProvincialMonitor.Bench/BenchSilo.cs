using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProvincialMonitor.Bench;

/// <summary>
/// The real silo (its Program: Orleans, the HTTP API, the hub, the projector, the event store) started in this process
/// on a real Kestrel socket, so that the HTTP and SignalR figures cross the loopback network as a client would, while the
/// grain figures call the same silo's <c>CommandDispatcher</c> directly (the path the API takes after parsing).
/// </summary>
public sealed class BenchSilo : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder = Directory.CreateTempSubdirectory("provmon-bench-silo-").FullName;

    public const string AdminKey = "pmk_bench-bootstrap-admin-key-0123456789abcdef";

    private BenchSilo(Dictionary<string, string?> settings)
    {
        _settings = settings;
        // The silo's folder as content root, from the manifest the build writes next to this program (whatever the working directory).
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        if (File.Exists(manifest))
        {
            var roots = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
            var silo = roots.FirstOrDefault(r => r.Key.StartsWith("ProvincialMonitor.Silo,", StringComparison.Ordinal)).Value;
            if (silo is not null) Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PROVINCIALMONITOR_SILO", silo);
        }
    }

    public static BenchSilo OnPostgres(string connectionString) =>
        new(new() { ["Store"] = "Postgres", ["ConnectionStrings:EventStore"] = connectionString });

    public static BenchSilo Embedded(string synchronous = "Full") => new(new() { ["Store"] = "Sqlite", ["Sqlite:Synchronous"] = synchronous });

    /// <summary>The silo's data folder (its embedded store is <c>events.db</c> in it).</summary>
    public string DataFolder => _folder;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        Address = ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", _folder);
        builder.UseSetting("Demo:Data", "false");
        builder.UseSetting("Auth:BootstrapApiKey", AdminKey);
        builder.UseSetting("RateLimits:PerSecond", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
        builder.UseSetting("Orleans:SiloPort", FreePort());
        builder.UseSetting("Orleans:GatewayPort", FreePort());
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    public static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
