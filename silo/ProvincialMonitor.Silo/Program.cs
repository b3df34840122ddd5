using ProvincialMonitor.Dashboard;
using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Cli;
using ProvincialMonitor.Silo.Hosting;
using ProvincialMonitor.Silo.Observability;
using ProvincialMonitor.Silo.Security;

if (CliVerbs.IsVerb(args)) return await CliVerbs.RunAsync(args);

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
app.MapProjectsApi();
app.MapClustersApi();
app.MapProvincesApi();
app.MapFlandersApi();
app.MapIndicatorsApi();
app.MapCampaignsApi();
app.MapAuditApi();
app.MapImportApi();
app.MapDashboard();
app.AnnounceWhenReady();

await app.RunAsync();
return 0;

public partial class Program;
