using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;

namespace ProvincialMonitor.Silo.Security;

/// <summary>
/// The demo mode's users, one per role and officers for two provinces, all with the documented demo
/// password (docs/demo.md "Demo users"). Only a store in demo mode gets them; no other installation has a
/// default password.
/// </summary>
public static class DemoUsers
{
    public const string Password = "provmon-demo-2026";

    /// <summary>The demo coordinator's scope: the series of the campaigns the demo plays (the Aprils and the daily running demo campaign).</summary>
    public const string CoordinatorScope = "maand-van-de-markt" + CampaignScope.SeriesMark;

    public static readonly SecurityAdmin.NewUser[] All =
    [
        new("gedeputeerde", "Demo gedeputeerde", Password, Roles.Deputy, [], []),
        new("ambtenaar-antwerpen", "Demo ambtenaar Antwerpen", Password, Roles.Officer, ["antwerpen"], []),
        new("ambtenaar-limburg", "Demo ambtenaar Limburg", Password, Roles.Officer, ["limburg"], []),
        new("coordinator", "Demo campagnecoördinator", Password, Roles.Coordinator, [], [CoordinatorScope]),
        new("auditor", "Demo auditor", Password, Roles.Auditor, [], []),
        new("beheerder", "Demo beheerder", Password, Roles.Admin, [], []),
    ];

    public static async Task<int> EnsureAsync(SecurityAdmin security)
    {
        var added = 0;
        foreach (var user in All)
        {
            if (await security.FindByLoginAsync(user.Login!) is not null) continue;
            var (_, refusal) = await security.AddUserAsync(Actor.System, user, Sources.Demo);
            // Taken: another silo of the cluster, starting at the same time, registered it first.
            if (refusal is { Kind: RefusalKind.Conflict }) continue;
            if (refusal is not null) throw new InvalidOperationException($"Demo user {user.Login} was refused: {refusal.Message}");
            added++;
        }
        return added;
    }
}
