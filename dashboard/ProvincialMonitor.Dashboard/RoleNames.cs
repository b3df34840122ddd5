using System.Security.Claims;
using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Dashboard;

/// <summary>The roles as the dashboard names them, in Dutch.</summary>
public static class RoleNames
{
    public static string Dutch(string role) => DutchLabels.Roles.Of(role);

    public static string Dutch(ClaimsPrincipal user) => Dutch(user.FindFirst(ClaimTypes.Role)?.Value ?? "");
}
