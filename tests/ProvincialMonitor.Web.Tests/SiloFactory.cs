using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// A real silo (Orleans on free ports, a real event store) behind the ASP.NET Core test server.
/// Embedded: a SQLite file in a temporary folder. Postgres: a fresh database on the server ops/test.sh started.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    /// <summary>The admin key the silo creates from Auth:BootstrapApiKey; clients send it unless made anonymous.</summary>
    public const string AdminKey = "pmk_test-bootstrap-admin-key-0123456789";
    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private bool _ownsDatabase = true;

    private SiloFactory(Dictionary<string, string?> settings, string? database, string? folder = null)
    {
        _settings = settings;
        _ownsFolder = folder is null;
        _folder = folder ?? Directory.CreateTempSubdirectory("provmon-silo-").FullName;
        _settings["DataDirectory"] = _folder;
        // Never the per-user configuration folder: each silo signs its anchors with a key of its own, made here once.
        if (!_settings.ContainsKey("Anchors:PrivateKeyFile"))
        {
            var key = Path.Combine(_folder, "test-anchor-key", ProvincialMonitor.Grains.Audit.AnchorKeys.PrivateKeyFileName);
            if (!File.Exists(key)) ProvincialMonitor.Grains.Audit.AnchorFiles.CreateKeyPair(key, Path.Combine(_folder, "test-anchor-key", ProvincialMonitor.Grains.Audit.AnchorKeys.PublicKeyFileName));
            _settings["Anchors:PrivateKeyFile"] = key;
        }
        _settings.TryAdd("Demo:Data", "false");
        // Tests send bursts far beyond a person's; RateLimitTests sets its own limits.
        _settings.TryAdd("RateLimits:PerSecond", "100000");
        _settings["Auth:BootstrapApiKey"] = AdminKey;
        _settings["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Database = database;
    }

    public string? Database { get; }

    /// <summary>The silo's data directory (its SQLite file, anchors and their public key; the test's signing key in <c>test-anchor-key/</c>).</summary>
    public string DataDirectory => _folder;

    /// <summary>An embedded silo; in <paramref name="folder"/> (kept afterwards) when given, with or without demo data.</summary>
    public static SiloFactory Embedded(string? folder = null, bool demo = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Store"] = "Sqlite", ["Demo:Data"] = demo ? "true" : "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new(all, null, folder);
    }

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public async Task<long> CountEventsAsync() => (await Store.GetHeadAsync()).Position;

    public static async Task<SiloFactory> OnPostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh.");
        var database = $"provmon_web_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return new SiloFactory(new Dictionary<string, string?> { ["Store"] = "Postgres", ["ConnectionStrings:EventStore"] = connectionString }, database);
    }

    /// <summary>A silo on a fresh PostgreSQL database, with these settings too.</summary>
    public static async Task<SiloFactory> OnPostgresAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var silo = await OnPostgresAsync();
        foreach (var (key, value) in settings) silo._settings[key] = value;
        return silo;
    }

    /// <summary>A silo on an existing database of the test server, which outlives it (the caller drops it), with these settings.</summary>
    public static SiloFactory OnPostgres(string database, IReadOnlyDictionary<string, string?> settings)
    {
        var server = Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PROVMON_TEST_POSTGRES is not set: run the tests with ops/test.sh.");
        var all = new Dictionary<string, string?>(settings)
        {
            ["Store"] = "Postgres",
            ["ConnectionStrings:EventStore"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
        };
        return new SiloFactory(all, database) { _ownsDatabase = false };
    }

    public static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PROVMON_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>A client without credentials that does not follow redirects (to see 302 to the login page).</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    /// <summary>A client that authenticates with this API key.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database is not null && _ownsDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// Serves on a real port of 127.0.0.1 (for programs that open their own connections, such as the CLI); clients
    /// made afterwards talk to that port.
    /// </summary>
    public string ServeOnKestrel()
    {
        // Port 0: the kernel gives a port that is free when it is bound (a port picked beforehand may be taken by another
        // test's server in between, and this silo's CLI would talk to that one).
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var url = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        ClientOptions.BaseAddress = new Uri(url);
        return url;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
