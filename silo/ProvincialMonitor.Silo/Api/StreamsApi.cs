using System.Text.Json;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.EventStore;

namespace ProvincialMonitor.Silo.Api;

/// <summary>An aggregate's state and its stream, as the GET routes show them.</summary>
public static class StreamsApi
{
    public sealed record EventTagsResponse(string[] Provinces, string? Domain, string[] Clusters, string? Campaign, string Actor, string Source);

    public sealed record EventResponse(
        long Position, string StreamId, long StreamVersion, Guid EventId, string EventType, DateOnly EffectiveDate,
        DateTimeOffset RecordedAt, JsonElement Data, JsonElement Metadata, EventTagsResponse Tags, string PrevHash, string Hash);

    public static EventResponse ToResponse(RecordedEvent e) => new(
        e.Position, e.StreamId, e.StreamVersion, e.EventId, e.EventType, e.EffectiveDate, e.RecordedAt,
        JsonDocument.Parse(e.Data).RootElement.Clone(), JsonDocument.Parse(e.Metadata).RootElement.Clone(),
        new EventTagsResponse([.. e.Tags.Provinces], e.Tags.Domain, [.. e.Tags.Clusters], e.Tags.Campaign, e.Tags.Actor, e.Tags.Source),
        e.PrevHash, e.Hash);

    /// <summary>The stream's events in order, with metadata, tags, position and hash; 404 when it has none.</summary>
    public static async Task<IResult> EventsAsync(IEventStore store, string streamId, string what, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        return events.Count == 0
            ? Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{what} has no events.")
            : Results.Ok(events.Select(ToResponse));
    }

    /// <summary>The aggregate's current state with its version as ETag; 404 when it is not registered.</summary>
    public static async Task<IResult> StateAsync<TCommand>(IAggregateGrain<TCommand> grain, string what)
        where TCommand : Contracts.Commands.Command
    {
        var view = await grain.View();
        if (!view.Exists) return Problems.Of(StatusCodes.Status404NotFound, Problems.NotFound, "Not found.", $"{what} is not registered.");
        return new Problems.WithHeader(Results.Content(view.StateJson, "application/json"), "ETag", CommandEndpoints.ETag(view.Version));
    }
}
