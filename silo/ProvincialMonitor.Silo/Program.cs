using ProvincialMonitor.Silo.Api;
using ProvincialMonitor.Silo.Hosting;

args = [.. args.Select(a => a == "--no-demo-data" ? "--Demo:Data=false" : a)];
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = "DataDirectory" });
builder.WebHost.UseStaticWebAssets();

builder.AddEventStore();
builder.AddOrleansSilo();
builder.AddHttpApi();
builder.AddStartupData();
builder.Services.AddSiloHealthChecks();

var app = builder.Build();

app.UseHttpApi();
app.MapSiloHealthEndpoints();
app.MapProjectsApi();
app.MapClustersApi();
app.MapProvincesApi();
app.MapFlandersApi();
app.MapGet("/", () => Results.Text("ProvincialMonitor silo. API: /api, OpenAPI: /openapi/v1.json, health: /health/ready\n"));
app.AnnounceWhenReady();

app.Run();

public partial class Program;
