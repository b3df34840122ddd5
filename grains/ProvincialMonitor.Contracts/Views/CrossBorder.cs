using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Contracts.Views;

/// <summary>A project's cross-border programme as the list knows it (<see cref="ProjectProgrammeView"/>).</summary>
public static class ProjectProgrammes
{
    public static ProjectProgrammeView? Of(string? stored, decimal? rate) => stored is null ? null
        : CrossBorderReference.FindProgramme(stored) is { } p
            ? new(stored, true, p.NameNl, p.Period, p.MaxErdfRate, rate)
            : new(stored, false, null, null, null, rate);
}

/// <summary><c>GET /api/provinces/{slug}/border</c>: a province's border consultations and its GROS list.</summary>
[GenerateSerializer, Immutable]
public sealed record BorderView(
    [property: Id(0)] string Province,
    [property: Id(1)] BorderConsultationView[] Consultations,
    [property: Id(2)] BorderObstacleView[] Obstacles);

[GenerateSerializer, Immutable]
public sealed record BorderConsultationView(
    [property: Id(0)] string ConsultationRef,
    [property: Id(1)] string Subject,
    [property: Id(2)] string[] Partners);

/// <summary>Status: recorded, in-progress, escalated, on-hold or solved (with its solution).</summary>
[GenerateSerializer, Immutable]
public sealed record BorderObstacleView(
    [property: Id(0)] string ObstacleRef,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Theme,
    [property: Id(3)] string Status,
    [property: Id(4)] string? Solution);
