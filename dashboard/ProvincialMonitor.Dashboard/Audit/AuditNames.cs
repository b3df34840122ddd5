using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Dashboard.Audit;

/// <summary>Dutch words of the Audit page: kinds of aggregate, sources, breaks of the chain.</summary>
public static class AuditNames
{
    public static readonly IReadOnlyDictionary<string, string> Aggregates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["project"] = "Project",
        ["province"] = "Provincie",
        ["cluster"] = "Cluster",
        ["campaign"] = "Campagne",
        ["market"] = "Markt",
        ["region"] = "Vlaanderen",
        ["security"] = "Gebruikers en sleutels",
        ["audit-trail"] = "Auditspoor",
    };

    /// <summary>The kinds the replay takes (<c>flanders</c> where the log says <c>region</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReplayKinds =
        CommandKind.All.ToDictionary(k => k.Name, k => k.NameNl, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Sources { get; } = new OrderedDictionary<string, string>(DutchLabels.Sources.Options, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, string> Bases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["recorded"] = "Geregistreerd",
        ["effective"] = "In werking",
    };

    public static string Aggregate(string kind) => Aggregates.GetValueOrDefault(kind) ?? ReplayKinds.GetValueOrDefault(kind) ?? kind;

    public static string Source(string source) => DutchLabels.Sources.Of(source);

    /// <summary>The kind of a break of the hash chain, in Dutch.</summary>
    public static string Break(string? kind) => kind switch
    {
        "changed" => "gewijzigd",
        "missing" => "ontbrekend",
        "inserted" => "ingevoegd",
        "reordered" => "van plaats verwisseld",
        null => "onbekend",
        _ => kind,
    };

    /// <summary>The role an event was recorded in; the system's reference data has none.</summary>
    public static string Role(string role) => role.Length == 0 ? "systeem" : RoleNames.Dutch(role) switch
    {
        "system" => "systeem",
        var dutch => dutch,
    };

    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12] + "…";
}
