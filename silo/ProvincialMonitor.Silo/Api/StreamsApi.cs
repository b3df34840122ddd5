using ProvincialMonitor.Grains;
using System.Text.Json;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Contracts.Views;
using ProvincialMonitor.EventStore;
using ProvincialMonitor.Grains.Aggregates;

namespace ProvincialMonitor.Silo.Api;

/// <summary>An aggregate's state and its stream, as the GET routes show them.</summary>
public static class StreamsApi
{
    public static EventResponse ToResponse(RecordedEvent e) => new(
        e.Position, e.StreamId, e.StreamVersion, e.EventId, e.EventType, e.EffectiveDate, e.RecordedAt,
        JsonDocument.Parse(e.Data).RootElement.Clone(), JsonDocument.Parse(e.Metadata).RootElement.Clone(),
        new EventTagsResponse([.. e.Tags.Provinces], e.Tags.Domain, [.. e.Tags.Clusters], e.Tags.Campaign, e.Tags.Actor, e.Tags.Source),
        e.PrevHash, e.Hash);

    private static readonly ResponseHeader Version = new("ETag", "The stream's version (the If-Match of the next action); not on a state as of another moment.");
    private static readonly ResponseHeader Basis = new("X-As-Of-Basis", "A state as of another moment: its basis (effective, recorded or position).");
    private static readonly ResponseHeader Events = new("X-As-Of-Events", "A state as of another moment: how many of the stream's events it holds.");
    private static readonly ResponseHeader Position = new("X-As-Of-Position", "A state as of another moment: the position of its last event.");

    /// <summary>A state route's description: the view record it answers (with its version as ETag) and the historical query of <see cref="AsOf"/>.</summary>
    public static RouteHandlerBuilder DescribedAsState<TView>(this RouteHandlerBuilder route) =>
        route.Produces<TView>().WithMetadata(AsOf.Described, new ResponseHeaders(Version, Basis, Events, Position));

    /// <summary>An events route's description: the stream's events.</summary>
    public static RouteHandlerBuilder DescribedAsEvents(this RouteHandlerBuilder route) => route.Produces<EventResponse[]>();

    /// <summary>The stream's events in order, with metadata, tags, position and hash; 404 when it has none.</summary>
    public static async Task<IResult> EventsAsync(AuditLog log, string streamId, string what, CancellationToken cancellationToken)
    {
        var events = await log.StreamAsync(streamId, cancellationToken);
        return events.Count == 0
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{what} has no events.")
            : Results.Ok(events.Select(ToResponse));
    }

    /// <summary>
    /// The aggregate's view record (Contracts/Views/Aggregates.cs, mapped from its state in the grain: read-your-writes) with
    /// its version as ETag; 404 when it is not registered. With <c>asOf</c>, <c>basis</c> or <c>atPosition</c> in the query,
    /// the same view record as of then instead (<see cref="AsOf"/>).
    /// </summary>
    /// <param name="complete">Completes the view from outside the stream (a project's beneficiaries' names); none: as it is.</param>
    public static async Task<IResult> StateAsync<TCommand>(IAggregateGrain<TCommand> grain, string what, HttpRequest? request = null,
        string? kind = null, string? key = null, Func<object, Task<object>>? complete = null)
        where TCommand : Contracts.Commands.Command
    {
        if (request is not null && kind is not null && key is not null && AsOf.Requested(request))
            return await HistoricalStateAsync(request, AggregateKinds.All[kind], key, what, complete);
        var view = await grain.Read();
        if (!view.Exists || view.View is null) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{what} is not registered.");
        var shown = complete is null ? view.View : await complete(view.View);
        return new Problems.WithHeader(Results.Ok(shown), Version.Name, CommandEndpoints.ETag(view.Version));
    }

    private static async Task<IResult> HistoricalStateAsync(HttpRequest request, AggregateKind kind, string key, string what, Func<object, Task<object>>? complete)
    {
        var (query, problem) = AsOf.Parse(request);
        if (problem is not null) return problem;
        var log = request.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        var state = await log.AsOfAsync(kind, key, query!, request.HttpContext.RequestAborted);
        if (!state.Exists || state.View is null) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{what} was not registered then.");
        var headers = request.HttpContext.Response.Headers;
        headers[Basis.Name] = AsOf.BasisOf(request);
        headers[Events.Name] = state.Events.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[Position.Name] = state.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Ok(complete is null ? state.View : await complete(state.View));
    }
}
