using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace ProvincialMonitor.Silo.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: this silo is an active cluster member
/// (else 503); an unreachable store reports Degraded with 200, so that a database outage does not take
/// every silo out of the load balancer at once; so does a hash chain this silo found broken (<c>chain</c>).
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddSiloHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterMembershipCheck>("cluster-membership", tags: ["ready"])
            .AddCheck<EventStoreCheck>("event-store", failureStatus: HealthStatus.Degraded, tags: ["ready"])
            .AddCheck<ChainHealthCheck>("chain", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapSiloHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, JsonSerializerOptions.Web));
    }

    private sealed class ClusterMembershipCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            return Task.FromResult(status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
                : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
        }
    }

    private sealed class EventStoreCheck(ProvincialMonitor.EventStore.IEventStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var head = await store.GetHeadAsync(cancellationToken);
                return HealthCheckResult.Healthy($"{head.Position} events");
            }
            catch (Exception ex) when (ex is ProvincialMonitor.EventStore.EventStoreException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The details go to the log, not to an anonymous caller.
                return new HealthCheckResult(context.Registration.FailureStatus, "the event store does not answer", ex);
            }
        }
    }
}
