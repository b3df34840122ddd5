using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using ProvincialMonitor.Contracts;
using ProvincialMonitor.EventStore.Telemetry;

namespace ProvincialMonitor.Silo.Observability;

/// <summary>
/// Metrics, traces and logs (docs/operations.md "Observability"): OpenTelemetry with the monitor's meter, Orleans' and
/// Npgsql's, scraped on <c>/metrics</c> by admins and keys of the metrics role and pushed over OTLP when an endpoint is configured; traces of commands
/// from the HTTP request through the grain call to the store's commit; the Orleans dashboard for admins; the
/// projection lag on <c>/health/ready</c>.
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/orleans-dashboard";

    /// <summary>Orleans' meter and its activity sources (with activity propagation).</summary>
    public static readonly string[] OrleansMeters = ["Microsoft.Orleans"];
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Npgsql's own meter and activity source (pool usage, commands, their durations) when the store is PostgreSQL.</summary>
    public const string Npgsql = "Npgsql";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dashboard = configuration.GetValue("Telemetry:OrleansDashboard", true);
        // UseOrleans again adds to the silo builder of AddOrleansSilo (Orleans keeps one builder per host).
        builder.UseOrleans(silo => silo.AddMonitorObservability(dashboard));

        var otlp = OtlpEndpoint(configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["Telemetry:ServiceName"] ?? MonitorTelemetry.Name,
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(MonitorTelemetry.Name)
                .AddMeter(OrleansMeters)
                .AddMeter(Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (otlp is not null)
        {
            // Spans are only made when someone exports them: without an endpoint, commands pay nothing for tracing.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(MonitorTelemetry.Name)
                    .AddSource(OrleansActivitySources)
                    .AddSource(Npgsql)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context.Request.Path)))
                .WithLogging(configureBuilder: null, configureOptions: o =>
                {
                    o.IncludeScopes = true;
                    o.IncludeFormattedMessage = true;
                });
            if (otlp.Value.Endpoint is { } endpoint) telemetry.UseOtlpExporter(otlp.Value.Protocol, endpoint);
            else telemetry.UseOtlpExporter();
        }

        builder.Services.AddSingleton<ProjectionLagMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProjectionLagMonitor>());
        builder.Services.AddHealthChecks()
            .AddCheck<ProjectionLagCheck>("projection-lag", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Orleans' activity propagation (so that a grain call is a child span of the HTTP request that made it) and,
    /// unless <paramref name="dashboard"/> is false, the Orleans dashboard's collectors.
    /// </summary>
    public static ISiloBuilder AddMonitorObservability(this ISiloBuilder silo, bool dashboard = true)
    {
        silo.AddActivityPropagation();
        if (dashboard) silo.AddDashboard();
        return silo;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Roles.Metrics);
        if (app.Configuration.GetValue("Telemetry:OrleansDashboard", true))
            app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(Roles.Admin).AddEndpointFilter(async (context, next) =>
            {
                // Its routes that name a silo make a grain keyed by the address: a name that is not one is a 404, not a fault.
                try
                {
                    return await next(context);
                }
                catch (Exception ex) when (ex.GetBaseException() is FormatException)
                {
                    return Api.Problems.Of(StatusCodes.Status404NotFound, Api.Problems.NotFound, "Not found.", "There is no silo with this address.");
                }
            });
        return app;
    }

    /// <summary>
    /// <c>Telemetry:OtlpEndpoint</c> (with <c>Telemetry:OtlpProtocol</c>: grpc or http/protobuf), else the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, which the exporter reads itself; null when neither is set.
    /// </summary>
    internal static (Uri? Endpoint, OtlpExportProtocol Protocol)? OtlpEndpoint(IConfiguration configuration)
    {
        var protocol = configuration["Telemetry:OtlpProtocol"] is { } p && p.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
            return (new Uri(endpoint, UriKind.Absolute), protocol);
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
            return (null, protocol);
        return null;
    }

    private static bool IsScrapeOrProbe(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments(DashboardPath);
}
