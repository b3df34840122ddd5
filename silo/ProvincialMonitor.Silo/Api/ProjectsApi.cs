using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.Silo.Api;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects");

        projects.MapGet("/{id}", (HttpRequest request, string id, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(id), $"Project {id}", request, "project", id))
            .DescribedAsState<ProjectView>();
        projects.MapGet("/{id}/events", (string id, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, ProjectDecider.StreamId(id), $"Project {id}", ct))
            .DescribedAsEvents();
        projects.MapGet("/by-ref/{province}/{externalRef}", ByReferenceAsync).Produces<ProjectView>();
        return app;
    }

    private static async Task<IResult> ByReferenceAsync(string province, string externalRef, IGrainFactory grains)
    {
        var owner = await grains.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(province, externalRef)).Owner();
        return owner is null
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{province} has no project with externalRef '{externalRef}'.")
            : await StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(owner), $"Project {owner}");
    }
}
