using System.Collections.Immutable;

namespace ProvincialMonitor.Grains.Border;

/// <summary>
/// One obstacle of the GROS list. Listed: its recording is in the stream (a retracted recording leaves a status change or
/// a solution that names nothing). ChangedAfterSolved: a status change or a second solution came after it was solved.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Obstacle(
    [property: Id(0)] string ObstacleRef,
    [property: Id(1)] bool Listed,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Theme,
    [property: Id(4)] string Status,
    [property: Id(5)] string? Solution,
    [property: Id(6)] bool ChangedAfterSolved)
{
    public bool Solved => Solution is not null;
}

[GenerateSerializer, Immutable]
public sealed record Consultation(
    [property: Id(0)] string ConsultationRef,
    [property: Id(1)] string Subject,
    [property: Id(2)] string[] Partners);

/// <summary>A province's border consultations and obstacles as its events made them; the key is the province.</summary>
[GenerateSerializer, Immutable]
public sealed record BorderState(
    [property: Id(0)] string Province,
    [property: Id(1)] ImmutableList<Consultation> Consultations,
    [property: Id(2)] ImmutableList<Obstacle> Obstacles)
{
    public Obstacle? Find(string obstacleRef) => Obstacles.Find(o => o.ObstacleRef == obstacleRef);

    public BorderState With(Obstacle obstacle) => this with
    {
        Obstacles = Find(obstacle.ObstacleRef) is { } old ? Obstacles.Replace(old, obstacle) : Obstacles.Add(obstacle),
    };

    public static BorderState Empty(string province) => new(province, [], []);
}
