using ProvincialMonitor.Dashboard;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Cli;
using ProvincialMonitor.Silo.Hosting;
using ProvincialMonitor.Silo.Observability;
using ProvincialMonitor.Silo.Security;

if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

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
    app.MapFlandersApi();
    app.MapIndicatorsApi();
    app.MapCreditsApi();
    app.MapCampaignsApi();
    app.MapAuditApi();
    app.MapImportApi();
    app.MapDashboard();
    app.AnnounceWhenReady();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartFailure.Describe(ex) is { } reason)
{
    // A setting or a taken port: one line that names it, rather than a stack trace.
    Console.Error.WriteLine($"ProvincialMonitor did not start: {reason}");
    return StartFailure.ExitCode;
}

public partial class Program;
