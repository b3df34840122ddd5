namespace ProvincialMonitor.Contracts;

public static class Roles
{
    public const string Deputy = "deputy";
    public const string Officer = "officer";
    public const string Coordinator = "coordinator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
}

/// <summary>
/// Who acts: a pseudonymous id, a role and a scope (the provinces an officer acts for, the campaigns
/// a coordinator acts for). Taken from the authenticated principal, never from a request body.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Actor(string Id, string Role, string[] Provinces, string[] Campaigns)
{
    public static readonly Actor System = new("system", Roles.Admin, [], []);

    public bool IsAdmin => Role == Roles.Admin;

    public bool ActsForProvince(string province) => IsAdmin || (Role == Roles.Officer && Provinces.Contains(province));

    public bool ActsForAnyProvince(IEnumerable<string> provinces) => IsAdmin || provinces.Any(ActsForProvince);

    public bool ActsForCampaign(string campaign) => IsAdmin || (Role == Roles.Coordinator && Campaigns.Contains(campaign));
}
