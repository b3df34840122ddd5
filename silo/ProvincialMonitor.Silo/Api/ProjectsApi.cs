using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.Silo.Api;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects");

        projects.MapGet("/{id}", (HttpRequest request, string id, IGrainFactory grains, Hosting.EventStoreConnector store) =>
            StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(id), $"Project {id}", request, "project", id,
                view => BeneficiaryNames.CompleteAsync(view, store.Beneficiaries, request.HttpContext.RequestAborted)))
            .DescribedAsState<ProjectView>();
        projects.MapGet("/{id}/events", (string id, AuditLog log, CancellationToken ct) =>
            StreamsApi.EventsAsync(log, ProjectDecider.StreamId(id), $"Project {id}", ct))
            .DescribedAsEvents();
        projects.MapGet("/by-ref/{province}/{externalRef}", ByReferenceAsync).Produces<ProjectView>();
        return app;
    }

    private static async Task<IResult> ByReferenceAsync(string province, string externalRef, IGrainFactory grains, Hosting.EventStoreConnector store)
    {
        var owner = await grains.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(province, externalRef)).Owner();
        return owner is null
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{province} has no project with externalRef '{externalRef}'.")
            : await StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(owner), $"Project {owner}", complete: view => BeneficiaryNames.CompleteAsync(view, store.Beneficiaries));
    }
}
