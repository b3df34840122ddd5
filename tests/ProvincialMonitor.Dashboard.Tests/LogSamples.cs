using ProvincialMonitor.Dashboard.EventLog;
using ProvincialMonitor.Dashboard.Shared;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Events, a project and a cluster as the source would give them.</summary>
internal static class LogSamples
{
    public const string ProjectId = "0197a1b2-0000-7000-8000-000000000001";

    public static readonly DateTimeOffset Recorded = new(2026, 11, 28, 19, 15, 3, TimeSpan.Zero);

    public static LogEntry Entry(long position, string type, string summary, string stream = "project-" + ProjectId,
        string[]? provinces = null, string? domain = "circular-economy", string[]? clusters = null, string source = "api") =>
        new(position, stream, position, type, new DateOnly(2026, 11, 27), Recorded.AddMinutes(position), summary,
            provinces ?? ["antwerpen"], domain, clusters ?? [], source);

    public static ProjectDetails Project(decimal paid = 50_000m, IReadOnlyList<LogEntry>? timeline = null) => new(
        ProjectId, "Circulair bouwen", "CB-01", "antwerpen", ["limburg"], "circular-economy", ["catalisti"], ["Universiteit Antwerpen"],
        new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 2_000_000m, null, "running",
        [new GrantLine("CB-01-G1", "province", 1_234_567.89m, paid, 2_500m, false, "Reglement circulaire economie 2026", "Bouwbedrijf Janssens", "0123.456.749"), new GrantLine("CB-01-G2", "eu", 250_000m, 0m)],
        ["Eerste steen"], [new OutputLine("jobs-created", 12, "2026")], 4,
        timeline ??
        [
            Entry(3, "ProjectRegistered.v1", "Project geregistreerd: Circulair bouwen", source: "demo"),
            Entry(7, "SubsidyGranted.v1", "Subsidie toegekend: € 1.234.567,89 (province)"),
            Entry(9, "SubsidyPaid.v1", "Subsidie uitbetaald: € 50.000,00"),
        ]);

    public static ClusterDetails Catalisti() => new(
        new ClusterSummary("catalisti", "Catalisti", "chemie en kunststoffen", "spearhead", null, 2, 300_000m,
            new Dictionary<string, decimal> { ["antwerpen"] = 200_000m, ["limburg"] = 100_000m, ["oost-vlaanderen"] = 0m },
            1_484_567.89m, 50_000m, 1),
        [new ClusterMemberLine("BASF Antwerpen", "company"), new ClusterMemberLine("UAntwerpen", "knowledge-institution")],
        [new ClusterFundingLine("antwerpen", 200_000m, "project-work"), new ClusterFundingLine("limburg", 100_000m, "branding")],
        5);

    public static ClusterDetails Provincial(string slug, string name, string province) => new(
        new ClusterSummary(slug, name, "logistiek", "provincial", province, 0, 0m, new Dictionary<string, decimal>(), 0m, 0m, 0),
        [], [], 1);
}
