using ProvincialMonitor.Dashboard.Audit;

namespace ProvincialMonitor.Dashboard.Tests;

/// <summary>Entries of the decision log and replay steps with values a reader can check by hand.</summary>
internal static class AuditSamples
{
    public const string ProjectId = "019a1b2c-3d4e-7f00-8a00-0123456789ab";

    /// <summary>28/11/2026 20:22:05 in Brussels.</summary>
    public static readonly DateTimeOffset Recorded = new(2026, 11, 28, 19, 22, 5, TimeSpan.Zero);

    public static AuditEntry Entry(long position, string type = "SubsidyGranted.v1", string summary = "Subsidie toegekend: € 1.000,00 (province)",
        string stream = "project-" + ProjectId, string actor = "u-7f3a", string? actorName = "An Peeters", string role = "officer",
        string? body = "deputatie", string? decisionRef = "DEP-2026-311", string source = "api", Guid? corrects = null, long? correctsPosition = null) =>
        new(position, stream, position, Guid.NewGuid(), type, summary, actor, actorName, role, body, decisionRef, source, Recorded.AddMinutes(position),
            new DateOnly(2026, 11, 27), HashOf(position), corrects, correctsPosition);

    /// <summary>A distinct 64-digit hash per position: "0000…07" for 7.</summary>
    public static string HashOf(long position) => position.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    public static ReplayStepView Step(long position, long version, string type, string summary, string stateJson, bool exists = true) =>
        new(position, version, type, new DateOnly(2026, 3, (int)version), Recorded.AddDays(version), "u-7f3a", summary, exists, stateJson);

    /// <summary>A project's history: registered, a grant, then a status change.</summary>
    public static IReadOnlyList<ReplayStepView> ProjectHistory() =>
    [
        Step(3, 1, "ProjectRegistered.v1", "Project geregistreerd: Kamp C",
            """{"projectId":"p1","registered":true,"title":"Kamp C","status":"planned","grants":{},"milestones":[]}"""),
        Step(7, 2, "SubsidyGranted.v1", "Subsidie toegekend: € 250.000,50 (province)",
            """{"projectId":"p1","registered":true,"title":"Kamp C","status":"planned","grants":{"KC-01-G1":{"amount":250000.5,"funder":"province"}},"milestones":[]}"""),
        Step(12, 3, "ProjectStatusChanged.v1", "Projectstatus gewijzigd: running",
            """{"projectId":"p1","registered":true,"title":"Kamp C","status":"running","grants":{"KC-01-G1":{"amount":250000.5,"funder":"province"}},"milestones":["dak"]}"""),
    ];
}
