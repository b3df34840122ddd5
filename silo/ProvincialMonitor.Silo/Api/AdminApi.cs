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

    /// <summary>A projection's progress; <c>Role</c> is <c>serving</c>, or <c>building</c> for one built beside the serving one.</summary>
    public sealed record ProjectionStatus(string Name, long Checkpoint, long Head, string Role);

    public sealed record RoleRequest(string? Role, string[]? Provinces, string[]? Campaigns);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Roles.Admin);

        admin.MapPost("/users", AddUserAsync).Accepts<SecurityAdmin.NewUser>("application/json")
            .Produces<UserResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/users", ListUsersAsync).Produces<UserResponse[]>();
        admin.MapPost("/users/{login}/disable", (HttpContext http, string login, SecurityAdmin s) => Done(s.DisableAsync(Principals.Of(http), login))).Done();
        admin.MapPost("/users/{login}/enable", (HttpContext http, string login, SecurityAdmin s) => Done(s.EnableAsync(Principals.Of(http), login))).Done();
        admin.MapPost("/users/{login}/erase-name", (HttpContext http, string login, SecurityAdmin s) => Done(s.EraseNameAsync(Principals.Of(http), login))).Done();
        admin.MapPost("/beneficiaries/{id}/erase-name", BeneficiaryNames.EraseAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/users/{login}/password", async (HttpContext http, string login, SecurityAdmin s) =>
        {
            var body = await RequestBody.ReadAsync<PasswordRequest>(http.Request);
            return body.Problem ?? await Done(s.SetPasswordAsync(Principals.Of(http), login, body.Value!.Password));
        }).Accepts<PasswordRequest>("application/json").Done();
        admin.MapPost("/users/{login}/role", async (HttpContext http, string login, SecurityAdmin s) =>
        {
            var body = await RequestBody.ReadAsync<RoleRequest>(http.Request);
            return body.Problem ?? await Done(s.ChangeRoleAsync(Principals.Of(http), login, body.Value!.Role, body.Value.Provinces, body.Value.Campaigns));
        }).Accepts<RoleRequest>("application/json").Done();

        admin.MapPost("/apikeys", CreateKeyAsync).Accepts<SecurityAdmin.NewApiKey>("application/json")
            .Produces<CreatedKeyResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/apikeys", ListKeysAsync).Produces<KeyResponse[]>();
        admin.MapPost("/apikeys/{keyId}/revoke", (HttpContext http, string keyId, SecurityAdmin s) => Done(s.RevokeApiKeyAsync(Principals.Of(http), keyId))).Done();

        admin.MapGet("/projections", async (Hosting.EventStoreConnector store) => Results.Ok(await ProjectionStatusesAsync(store))).Produces<ProjectionStatus[]>();
        admin.MapGet("/cluster", async (IGrainFactory grains) => Results.Ok(await ClusterOverviewAsync(grains))).Produces<ProvincialMonitor.Dashboard.Operations.ClusterOverview>();
        admin.MapPost("/projections/rebuild", async (IGrainFactory grains, Hosting.EventStoreConnector store) =>
        {
            await StartRebuildAsync(grains, store);
            return Results.Accepted("/api/admin/projections");
        }).Produces(StatusCodes.Status202Accepted);
        return app;
    }

    /// <summary>
    /// Starts building the projections again beside the serving ones (unless a rebuild runs already). The new
    /// models' checkpoints exist at 0 before this returns, so that progress read right after shows them.
    /// </summary>
    public static async Task StartRebuildAsync(IGrainFactory grains, Hosting.EventStoreConnector store)
    {
        if (await store.Projections.FindCheckpointAsync(ReadModelProjector.Name + ReadModelProjector.NextGeneration) is null)
            foreach (var name in ReadModelProjector.Projections)
                await store.Projections.SetCheckpointAsync(name + ReadModelProjector.NextGeneration, 0);
        await grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name).Rebuild();
    }

    /// <summary>Every silo the membership knows (also the dead incarnations) and the silo the projector runs on.</summary>
    public static async Task<ProvincialMonitor.Dashboard.Operations.ClusterOverview> ClusterOverviewAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var projector = await grains.GetGrain<IIndicatorsGrain>(ReadModelProjector.Name).Host();
        return new(
            [.. hosts.OrderBy(h => h.SiloAddress.Endpoint.Port).ThenByDescending(h => h.StartTime)
                .Select(h => new ProvincialMonitor.Dashboard.Operations.SiloMember(h.SiloAddress.Endpoint.ToString(), h.SiloName, h.Status.ToString(), h.StartTime))],
            projector);
    }

    /// <summary>The serving projections (<c>serving</c>) and, during a rebuild, the ones built beside them (<c>building</c>).</summary>
    public static async Task<IReadOnlyList<ProjectionStatus>> ProjectionStatusesAsync(Hosting.EventStoreConnector store)
    {
        var head = (await store.GetHeadAsync()).Position;
        var statuses = new List<ProjectionStatus>();
        foreach (var name in ReadModelProjector.Projections)
            statuses.Add(new ProjectionStatus(name, await store.Projections.GetCheckpointAsync(name), head, "serving"));
        foreach (var name in ReadModelProjector.Projections)
            if (await store.Projections.FindCheckpointAsync(name + ReadModelProjector.NextGeneration) is { } building)
                statuses.Add(new ProjectionStatus(name + ReadModelProjector.NextGeneration, building, head, "building"));
        return statuses;
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

    /// <summary>The description of a route that answers <see cref="Done(Task{Refusal?})"/>: no content, or the command's refusal.</summary>
    private static RouteHandlerBuilder Done(this RouteHandlerBuilder route) => route.Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Done(Task<Refusal?> action) =>
        await action is { } refusal ? Problems.From(refusal) : Results.NoContent();
}
