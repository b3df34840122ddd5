using System.Net;
using System.Net.Sockets;
using ProvincialMonitor.Silo.Hosting;

namespace ProvincialMonitor.Web.Tests;

/// <summary>The silo started as an operator starts it, with a setting it cannot use or a port that is taken.</summary>
public sealed class StartFailureTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("provmon-start-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData("--Store=Foo", "Store must be 'Sqlite' or 'Postgres', not 'Foo'.")]
    [InlineData("--Sqlite:Synchronous=off", "Sqlite:Synchronous must be 'Full' or 'Normal', not 'off'.")]
    [InlineData("--Cluster:Mode=Postgres", "Cluster:Mode=Postgres needs Store=Postgres")]
    [InlineData("--Auth:BootstrapApiKey=too-short", "Auth:BootstrapApiKey must have at least 32 characters.")]
    [InlineData("--Anchors:Interval=daily", "Failed to convert configuration value 'daily' at 'Anchors:Interval'")]
    [InlineData("--Anchors:PrivateKeyFile=/nowhere/anchor.pem", "Anchors:PrivateKeyFile /nowhere/anchor.pem does not exist.")]
    [InlineData("--ForwardedHeaders:KnownProxies=proxy.local", "ForwardedHeaders:KnownProxies takes IP addresses (10.0.0.5, fd00::5), not 'proxy.local'.")]
    [InlineData("--Auth:AllowedOrigins=monitor.example.be", "Auth:AllowedOrigins takes origins such as https://monitor.example.be (scheme, host and optional port, no path), not 'monitor.example.be'.")]
    public async Task A_setting_it_cannot_use_stops_the_start_with_one_line_that_names_it(string setting, string reason)
    {
        var run = await Scripts.RunSiloAsync("--data", _data, setting);

        Assert.Equal(StartFailure.ExitCode, run.Exit);
        Assert.Contains($"ProvincialMonitor did not start: {reason}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.ToString(), StringComparison.Ordinal);
        // Refused before anything was written.
        Assert.False(File.Exists(Path.Combine(_data, "events.db")), run.ToString());
    }

    [Fact]
    public async Task An_address_another_program_listens_on_stops_the_start_and_says_how_to_choose_another()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var run = await Scripts.RunSiloAsync("--data", _data, "--urls", $"http://127.0.0.1:{port}", "--no-demo-data",
            "--Orleans:SiloPort", Port(), "--Orleans:GatewayPort", Port());

        Assert.Equal(StartFailure.ExitCode, run.Exit);
        Assert.Contains($"ProvincialMonitor did not start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--urls", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.ToString(), StringComparison.Ordinal);
    }

    private static string Port() => SiloFactory.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
