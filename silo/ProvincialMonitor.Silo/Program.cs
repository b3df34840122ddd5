using ProvincialMonitor.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = "DataDirectory" });
builder.WebHost.UseStaticWebAssets();

builder.AddEventStore();
builder.AddOrleansSilo();
builder.Services.AddSiloHealthChecks();

var app = builder.Build();

app.MapSiloHealthEndpoints();
app.MapGet("/", () => Results.Text("ProvincialMonitor silo. Health: /health/live, /health/ready\n"));
app.AnnounceWhenReady();

app.Run();

public partial class Program;
