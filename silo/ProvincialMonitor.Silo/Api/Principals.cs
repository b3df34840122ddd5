using ProvincialMonitor.Contracts;

namespace ProvincialMonitor.Silo.Api;

/// <summary>
/// The actor of a request. Until login lands (issue "Login, roles, scopes and API keys") every request
/// acts as one development principal with the admin role, and the silo warns at start that the API is open.
/// </summary>
public static class Principals
{
    public static readonly Actor Development = new("dev-admin", Roles.Admin, [], []);

    public static Actor Of(HttpContext http) => Development;
}
