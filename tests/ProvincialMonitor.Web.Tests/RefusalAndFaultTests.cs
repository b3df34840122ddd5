namespace ProvincialMonitor.Web.Tests;

/// <summary>
/// docs/security.md "Refusals store nothing; faults on bad input": a refused request stores nothing, even when
/// ten race for one login; input that once gave a 500 is a 400 or a 404; a fault that still happens is a
/// problem of the silo's own type with the security headers. Routes come from the running silo's endpoints.
/// </summary>
public sealed class RefusalAndFaultTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<int> UserRegistrationsAsync() =>
        (await api.Silo.Store.ReadStreamAsync("security")).Count(e => e.EventType == "UserRegistered.v1");

    [Fact]
    public async Task Ten_concurrent_registrations_of_one_login_give_one_201_and_nine_409s_and_store_one_user()
    {
        var (registrations, head) = (await UserRegistrationsAsync(), await api.Silo.CountEventsAsync());

        // The login in two spellings: logins are compared without regard to case.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await api.Client.PostJsonAsync("/api/admin/users",
                $$"""{"login":"{{(i % 2 == 0 ? "tien.tegelijk" : "Tien.Tegelijk")}}","displayName":"Tien Tegelijk","password":"ten at the same time","role":"deputy"}""");
            return (int)response.StatusCode;
        }));

        Assert.Equal([201, 409, 409, 409, 409, 409, 409, 409, 409, 409], statuses.Order());
        Assert.Equal(registrations + 1, await UserRegistrationsAsync());
        Assert.Equal(head + 1, await api.Silo.CountEventsAsync());
        var users = await api.Client.GetJsonAsync("/api/admin/users");
        Assert.Single(users.EnumerateArray(), u => u.GetProperty("login").GetString() == "tien.tegelijk");
    }
}
