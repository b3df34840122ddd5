using ProvincialMonitor.Dashboard;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Cli;
using ProvincialMonitor.Silo.Hosting;
using ProvincialMonitor.Silo.Observability;
using ProvincialMonitor.Silo.Security;

// The command line decides: help, the version, a verb, or (without a verb) serving with the host settings given.
return await CommandTree.RunAsync(args, ServeAsync);

static async Task<int> ServeAsync(string[] args, CancellationToken cancellationToken)
{
    try
    {
        args = [.. args.Select(a => a switch { "--no-demo-data" => "--Demo:Data=false", "--demo" => "--Demo:Simulate=true", _ => a })];
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = "DataDirectory" });
        builder.WebHost.UseStaticWebAssets();

        builder.AddEventStore();
        builder.AddOrleansSilo();
        builder.AddSiloAuthentication();
        builder.AddHttpApi();
        builder.AddDashboard();
        builder.AddStartupData();
        builder.Services.AddHostedService<DemoSimulation>();
        builder.Services.AddSiloHealthChecks();
        builder.AddObservability();

        var app = builder.Build();

        app.UseHttpApi();
        app.MapSiloHealthEndpoints();
        app.MapObservability();
        app.MapLoginEndpoints();
        app.MapAdminApi();
        app.MapCommandRoutes();
        app.MapProjectsApi();
        app.MapClustersApi();
        app.MapBusinessParksApi();
        app.MapProvincesApi();
        app.MapBorderApi();
        app.MapFlandersApi();
        app.MapIndicatorsApi();
        app.MapCreditsApi();
        app.MapCampaignsApi();
        app.MapAuditApi();
        app.MapImportApi();
        app.MapDashboard();
        app.AnnounceWhenReady();

        await app.RunAsync(cancellationToken);
        return 0;
    }
    catch (Exception ex) when (StartFailure.Describe(ex) is { } reason)
    {
        // A setting or a taken port: one line that names it, rather than a stack trace.
        await Console.Error.WriteLineAsync($"ProvincialMonitor did not start: {reason}");
        return StartFailure.ExitCode;
    }
}

public partial class Program;
