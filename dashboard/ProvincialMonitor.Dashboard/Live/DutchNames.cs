using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Events;
using ProvincialMonitor.Contracts.Reference;

namespace ProvincialMonitor.Dashboard.Live;

/// <summary>Dutch names for event types, provinces, clusters and the codes the cluster and project pages show.</summary>
public static class DutchNames
{
    private static readonly Dictionary<string, string> Purposes = new(StringComparer.Ordinal)
    {
        ["project-work"] = "Projectwerking",
        ["structural-investment"] = "Structurele investering",
        ["branding"] = "Profilering",
    };

    private static readonly Dictionary<string, string> MemberKinds = new(StringComparer.Ordinal)
    {
        ["company"] = "Bedrijf",
        ["knowledge-institution"] = "Kennisinstelling",
        ["government"] = "Overheid",
        ["other"] = "Andere",
    };

    /// <summary>The event types the events page offers as a filter, in a reader's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> EventTypeOptions => EventWording.FilterOptions;

    /// <summary>The Dutch name of an event type, by any stored name of it (an older version reads as its current one).</summary>
    public static string EventType(string type) => EventWording.NameOf(type);

    public static string Province(string slug) => ReferenceData.FindProvince(slug)?.NameNl ?? slug;

    /// <summary>A spearhead cluster's own name; a provincial cluster, whose name only its registration knows, by its slug.</summary>
    public static string Cluster(string slug) => SpearheadClusters.All.FirstOrDefault(c => c.Slug == slug).Name ?? slug;

    public static string Purpose(string code) => Purposes.GetValueOrDefault(code) ?? code;

    public static string MemberKind(string? code) => code is null ? "–" : MemberKinds.GetValueOrDefault(code) ?? code;

    public static string ClusterKind(string kind) => kind == ClusterKinds.Provincial ? "Provinciale cluster" : "Speerpuntcluster";

    public static string Funder(string code) => ProvinceFigures.FunderNames.GetValueOrDefault(code) ?? code;
}
