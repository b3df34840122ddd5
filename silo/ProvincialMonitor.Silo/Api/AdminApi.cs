using ProvincialMonitor.Contracts;
using ProvincialMonitor.Contracts.Commands;
using ProvincialMonitor.Contracts.Grains;
using ProvincialMonitor.Grains.Projections;
using ProvincialMonitor.Silo.Security;

namespace ProvincialMonitor.Silo.Api;

/// <summary>Users and API keys (admin only); the CLI verbs <c>user</c> and <c>apikey</c> call these routes.</summary>
public static class AdminApi
{
    public sealed record UserResponse(string ActorId, string? Login, string? DisplayName, string? Role, string[] Provinces, string[] Campaigns, bool Disabled, bool NameErased);

    public sealed record KeyResponse(string KeyId, string? Label, DateTimeOffset? CreatedAt, string Role, string[] Provinces, string[] Campaigns, bool Revoked);

    public sealed record CreatedKeyResponse(string KeyId, string Key, string Role, string[] Provinces, string[] Campaigns, string Notice);

    public sealed record PasswordRequest(string? Password);

    public sealed record ProjectionStatus(string Name, long Checkpoint, long Head);

    public sealed record RoleRequest(string? Role, string[]? Provinces, string[]? Campaigns);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Roles.Admin);

        admin.MapPost("/users", AddUserAsync);
        admin.MapGet("/users", ListUsersAsync);
        admin.MapPost("/users/{login}/disable", (HttpContext http, string login, SecurityAdmin s) => Done(s.DisableAsync(Principals.Of(http), login)));
        admin.MapPost("/users/{login}/enable", (HttpContext http, string login, SecurityAdmin s) => Done(s.EnableAsync(Principals.Of(http), login)));
        admin.MapPost("/users/{login}/erase-name", (HttpContext http, string login, SecurityAdmin s) => Done(s.EraseNameAsync(Principals.Of(http), login)));
        admin.MapPost("/users/{login}/password", async (HttpContext http, string login, SecurityAdmin s) =>
        {
            var body = await RequestBody.ReadAsync<PasswordRequest>(http.Request);
            return body.Problem ?? await Done(s.SetPasswordAsync(Principals.Of(http), login, body.Value!.Password));
        });
        admin.MapPost("/users/{login}/role", async (HttpContext http, string login, SecurityAdmin s) =>
        {
            var body = await RequestBody.ReadAsync<RoleRequest>(http.Request);
            return body.Problem ?? await Done(s.ChangeRoleAsync(Principals.Of(http), login, body.Value!.Role, body.Value.Provinces, body.Value.Campaigns));
        });

        admin.MapPost("/apikeys", CreateKeyAsync);
        admin.MapGet("/apikeys", ListKeysAsync);
        admin.MapPost("/apikeys/{keyId}/revoke", (HttpContext http, string keyId, SecurityAdmin s) => Done(s.RevokeApiKeyAsync(Principals.Of(http), keyId)));

        admin.MapGet("/projections", async (Hosting.EventStoreConnector store) =>
        {
            var head = (await store.GetHeadAsync()).Position;
            var names = new[] { IndicatorsProjector.Name, CampaignModel.Projection };
            var statuses = new List<ProjectionStatus>();
            foreach (var name in names) statuses.Add(new ProjectionStatus(name, await store.Projections.GetCheckpointAsync(name), head));
            return Results.Ok(statuses);
        });
        admin.MapGet("/cluster", async (IGrainFactory grains) =>
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
            var projector = await grains.GetGrain<IIndicatorsGrain>(IndicatorsProjector.Name).Host();
            return Results.Ok(new
            {
                silos = hosts.OrderBy(h => h.SiloAddress.Endpoint.Port)
                    .Select(h => new { address = h.SiloAddress.Endpoint.ToString(), name = h.SiloName, status = h.Status.ToString(), startedAt = h.StartTime })
                    .ToArray(),
                projectorHost = projector,
            });
        });
        admin.MapPost("/projections/rebuild", async (IGrainFactory grains, Hosting.EventStoreConnector store) =>
        {
            // Reset before answering, so that progress read right after starts from zero.
            await store.Projections.ResetAsync(IndicatorsProjector.Name);
            await store.Projections.ResetAsync(CampaignModel.Projection);
            await grains.GetGrain<IIndicatorsGrain>(IndicatorsProjector.Name).Rebuild();
            return Results.Accepted("/api/admin/projections");
        });
        return app;
    }

    private static async Task<IResult> AddUserAsync(HttpContext http, SecurityAdmin security)
    {
        var body = await RequestBody.ReadAsync<SecurityAdmin.NewUser>(http.Request);
        if (body.Problem is not null) return body.Problem;
        var (actorId, refusal) = await security.AddUserAsync(Principals.Of(http), body.Value!);
        if (refusal is not null) return Problems.From(refusal);
        var user = body.Value!;
        return Results.Created($"/api/admin/users/{user.Login}",
            new UserResponse(actorId!, user.Login, user.DisplayName, user.Role, user.Provinces ?? [], user.Campaigns ?? [], false, false));
    }

    private static async Task<IResult> ListUsersAsync(SecurityAdmin security)
    {
        var names = (await security.ListNamesAsync()).ToDictionary(n => n.ActorId);
        var view = await security.SnapshotAsync();
        return Results.Ok(view.Users
            .Select(u => (User: u, Name: names.GetValueOrDefault(u.ActorId)))
            .Select(x => new UserResponse(x.User.ActorId, x.Name?.Login, x.Name?.DisplayName, x.User.Role, x.User.Provinces, x.User.Campaigns,
                x.User.Disabled, x.User.NameErased))
            .OrderBy(u => u.Login ?? "~" + u.ActorId, StringComparer.Ordinal));
    }

    private static async Task<IResult> CreateKeyAsync(HttpContext http, SecurityAdmin security)
    {
        var body = await RequestBody.ReadAsync<SecurityAdmin.NewApiKey>(http.Request);
        if (body.Problem is not null) return body.Problem;
        var (keyId, key, refusal) = await security.CreateApiKeyAsync(Principals.Of(http), body.Value!);
        if (refusal is not null) return Problems.From(refusal);
        var request = body.Value!;
        return Results.Created($"/api/admin/apikeys/{keyId}", new CreatedKeyResponse(keyId!, key!, request.Role!, request.Provinces ?? [],
            request.Campaigns ?? [], "This key is shown once. Keep it secret; only its SHA-256 is stored."));
    }

    private static async Task<IResult> ListKeysAsync(SecurityAdmin security)
    {
        var records = (await security.ListKeyRecordsAsync()).ToDictionary(k => k.KeyId);
        var view = await security.SnapshotAsync();
        return Results.Ok(view.Keys.Select(k => new KeyResponse(k.KeyId, records.GetValueOrDefault(k.KeyId)?.Label,
            records.GetValueOrDefault(k.KeyId)?.CreatedAt, k.Role, k.Provinces, k.Campaigns, k.Revoked)));
    }

    private static async Task<IResult> Done(Task<Refusal?> action) =>
        await action is { } refusal ? Problems.From(refusal) : Results.NoContent();
}
