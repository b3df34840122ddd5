namespace ProvincialMonitor.Contracts;

public static class Roles
{
    public const string Deputy = "deputy";
    public const string Officer = "officer";
    public const string Coordinator = "coordinator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Reads <c>/metrics</c> and nothing else: for a Prometheus server's API key.</summary>
    public const string Metrics = "metrics";
}

/// <summary>
/// Who acts: a pseudonymous id, a role and a scope (the provinces an officer acts for, the campaigns
/// a coordinator acts for). Taken from the authenticated principal, never from a request body. A campaign
/// scope entry ending in <c>-*</c> names a series: every campaign whose slug starts with the part before the <c>*</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Actor(string Id, string Role, string[] Provinces, string[] Campaigns)
{
    public static readonly Actor System = new("system", Roles.Admin, [], []);

    public bool IsAdmin => Role == Roles.Admin;

    public bool ActsForProvince(string province) => IsAdmin || (Role == Roles.Officer && Provinces.Contains(province));

    public bool ActsForAnyProvince(IEnumerable<string> provinces) => IsAdmin || provinces.Any(ActsForProvince);

    public bool ActsForCampaign(string campaign) => IsAdmin || (Role == Roles.Coordinator && Campaigns.Any(c => CampaignScope.Covers(c, campaign)));
}

/// <summary>A coordinator's scope entry: one campaign's slug, or a series <c>{prefix}-*</c> (a campaign whose slug changes every day).</summary>
public static class CampaignScope
{
    public const string SeriesMark = "-*";

    public static bool IsSeries(string entry) => entry.EndsWith(SeriesMark, StringComparison.Ordinal);

    /// <summary>The slug part of an entry, checked as a slug: the entry itself, or a series' prefix without <c>-*</c>.</summary>
    public static string SlugPart(string entry) => IsSeries(entry) ? entry[..^SeriesMark.Length] : entry;

    public static bool Covers(string entry, string campaign) =>
        IsSeries(entry) ? campaign.StartsWith(entry[..^1], StringComparison.Ordinal) && campaign.Length > entry.Length - 1 : entry == campaign;
}
