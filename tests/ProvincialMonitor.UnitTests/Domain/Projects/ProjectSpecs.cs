using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Grains.Projects;

namespace ProvincialMonitor.UnitTests.Domain.Projects;

internal static class ProjectSpecs
{
    public const string Id = "019a0000-0000-7000-8000-000000000001";

    public static Spec<ProjectState, ProjectCommand> New() =>
        new(ProjectDecider.Initial(Id), ProjectDecider.Evolve, ProjectDecider.Decide);

    public static readonly ProjectRegistered KampC = new(Id, "Kamp C: circulair bouwen", "KC-01", "antwerpen", ["limburg"],
        "circular-economy", ["catalisti"], ["Kamp C"], new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 1_500_000m, null);

    public static readonly RegisterProject RegisterKampC = new("Kamp C: circulair bouwen", "KC-01", "antwerpen", ["limburg"],
        "circular-economy", ["catalisti"], ["Kamp C"], new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 1_500_000m, null);

    public static readonly SubsidyGranted Grant = new("G-1", 100_000m, "province", "antwerpen");

    public static Spec<ProjectState, ProjectCommand> Registered(params IDomainEvent[] more) => New().Given([KampC, .. more]);
}
