using System.Security.Claims;

namespace ProvincialMonitor.Dashboard;

/// <summary>The roles as the dashboard names them, in Dutch.</summary>
public static class RoleNames
{
    public static string Dutch(string role) => role switch
    {
        "deputy" => "gedeputeerde",
        "officer" => "provinciaal ambtenaar",
        "coordinator" => "campagnecoördinator",
        "auditor" => "auditor",
        "admin" => "beheerder",
        _ => role,
    };

    public static string Dutch(ClaimsPrincipal user) => Dutch(user.FindFirst(ClaimTypes.Role)?.Value ?? "");
}
