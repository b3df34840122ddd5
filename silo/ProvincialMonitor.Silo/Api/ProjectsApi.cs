using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Commands;
using ProvincialMonitor.Grains.Projects;
using static ProvincialMonitor.Silo.Api.CommandEndpoints;

namespace ProvincialMonitor.Silo.Api;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects");

        projects.MapPost("/", RegisterAsync);
        projects.MapPost("/{id}/subsidies", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, GrantSubsidy>(http, id, d));
        projects.MapPost("/{id}/payments", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, PaySubsidy>(http, id, d));
        projects.MapPost("/{id}/outputs", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, ReportOutput>(http, id, d));
        projects.MapPost("/{id}/partners", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, AddPartner>(http, id, d));
        projects.MapPost("/{id}/milestones", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, ReachMilestone>(http, id, d));
        projects.MapPost("/{id}/status", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, ChangeProjectStatus>(http, id, d));
        projects.MapPost("/{id}/corrections", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, CorrectProject>(http, id, d));
        projects.MapPost("/{id}/retractions", (HttpContext http, string id, CommandDispatcher d) => HandleAsync<IProjectGrain, RetractProjectEvent>(http, id, d));

        projects.MapGet("/{id}", (HttpRequest request, string id, IGrainFactory grains) =>
            StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(id), $"Project {id}", request, "project", id));
        projects.MapGet("/{id}/events", (string id, IEventStore store, CancellationToken ct) =>
            StreamsApi.EventsAsync(store, ProjectDecider.StreamId(id), $"Project {id}", ct));
        projects.MapGet("/by-ref/{province}/{externalRef}", ByReferenceAsync);
        return app;
    }

    /// <summary>A new project gets a time-ordered id; a retry with the same Idempotency-Key answers with the first one.</summary>
    private static async Task<IResult> RegisterAsync(HttpContext http, CommandDispatcher dispatcher)
    {
        var id = Guid.CreateVersion7().ToString();
        var (outcome, problem) = await SendAsync<IProjectGrain, RegisterProject>(http, _ => id, dispatcher);
        if (problem is not null) return problem;
        var registered = outcome!.StreamId["project-".Length..]; // on a replay, the first request's project
        return Respond(outcome, Results.Created($"/api/projects/{registered}",
            new CreatedResponse(registered, outcome.StreamId, outcome.Version, outcome.Position, outcome.EventIds, outcome.Replayed)));
    }

    private static async Task<IResult> ByReferenceAsync(string province, string externalRef, IGrainFactory grains)
    {
        var owner = await grains.GetGrain<IExternalRefGrain>(ExternalRefGrain.KeyOf(province, externalRef)).Owner();
        return owner is null
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{province} has no project with externalRef '{externalRef}'.")
            : await StreamsApi.StateAsync(grains.GetGrain<IProjectGrain>(owner), $"Project {owner}");
    }
}
