namespace ProvincialMonitor.Contracts.Views;

/// <summary>One event of a project's timeline (the catalog read model keeps each project's newest <see cref="Limit"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] long Position,
    [property: Id(1)] string StreamId,
    [property: Id(2)] long StreamVersion,
    [property: Id(3)] string EventType,
    [property: Id(4)] DateOnly EffectiveDate,
    [property: Id(5)] DateTimeOffset RecordedAt,
    [property: Id(6)] string Summary,
    [property: Id(7)] string[] Provinces,
    [property: Id(8)] string? Domain,
    [property: Id(9)] string[] Clusters,
    [property: Id(10)] string Source)
{
    /// <summary>How many of a project's events its timeline keeps, the newest; the stream version counts them all.</summary>
    public const int Limit = 50;
}
