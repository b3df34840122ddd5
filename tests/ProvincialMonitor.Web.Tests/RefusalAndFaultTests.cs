using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>A user's display name and password have maxima too (they are not fields of a command): a long one is refused whole.</summary>
    [Theory]
    [InlineData("displayName")]
    [InlineData("password")]
    public async Task A_display_name_or_password_over_its_maximum_is_a_400_naming_it(string field)
    {
        var (registrations, head) = (await UserRegistrationsAsync(), await api.Silo.CountEventsAsync());
        var values = new Dictionary<string, string> { ["displayName"] = "Lange Naam", ["password"] = "a long enough password" };
        values[field] = new string('x', 200_001);
        var body = JsonSerializer.Serialize(new Dictionary<string, string>(values) { ["login"] = $"lang-{field.ToLowerInvariant()}", ["role"] = "deputy" });

        using var response = await api.Client.PostJsonAsync("/api/admin/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal((registrations, head), (await UserRegistrationsAsync(), await api.Silo.CountEventsAsync()));
    }

    [Fact]
    public async Task A_path_key_of_only_whitespace_is_a_4xx_problem_on_every_route_that_has_a_key()
    {
        var routes = MappedRoutes.Of(api.Silo.Services).Where(r => r.Parameters.Count > 0).ToList();
        Assert.NotEmpty(routes);
        var faults = new List<string>();

        foreach (var route in routes)
            foreach (var blank in route.Parameters)
                foreach (var whitespace in new[] { " ", "\t", "\u00a0" })
                {
                    var path = route.Path(name => name == blank ? whitespace : api.RouteValue(route, name));
                    var (status, problem) = await RefusedAsync(route.Method, path, "{}");
                    if (status >= 500 || (status >= 400 && !problem)) faults.Add($"{route.Method} {path}: {status}{(problem ? "" : " without a problem")}");
                }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task A_null_change_is_a_400_naming_it_on_every_correction_route()
    {
        var corrections = MappedRoutes.Of(api.Silo.Services).Where(r => r.Method == "POST" && r.Template.EndsWith("/corrections", StringComparison.Ordinal)).ToList();
        Assert.True(corrections.Count >= 6, string.Join(", ", corrections));

        foreach (var route in corrections)
        {
            var before = await api.Silo.CountEventsAsync();
            using var response = await api.Client.PostJsonAsync(route.Path(name => api.RouteValue(route, name)),
                api.Fill("""{"eventId":"{grantEvent}","changes":[null],"reason":"x"}"""));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("changes[0]", out _), route.ToString());
            Assert.Equal(before, await api.Silo.CountEventsAsync());
        }
    }

    [Theory]
    [InlineData("asOf=9999-12-31&basis=recorded")]
    [InlineData("asOf=9999-12-31")]
    [InlineData("asOf=0001-01-01&basis=recorded")]
    [InlineData("asOf=0001-01-01")]
    [InlineData("asOf=9999-12-31T23:59:59.9999999Z&basis=recorded")]
    [InlineData("asOf=9999-12-31T23:59:59Z")]
    [InlineData("asOf=0001-01-01T00:00:00Z")]
    [InlineData("atPosition=9223372036854775807")]
    [InlineData("asOf=9999-12-31&basis=recorded&atPosition=9223372036854775807")]
    public async Task An_as_of_at_the_ends_of_the_calendar_is_answered_or_refused_on_every_read_never_a_fault(string query)
    {
        var reads = MappedRoutes.Of(api.Silo.Services).Where(r => r.Method == "GET").ToList();
        var faults = new List<string>();

        foreach (var route in reads)
        {
            var path = $"{route.Path(name => api.RouteValue(route, name))}?{query}";
            var (status, problem) = await RefusedAsync("GET", path, null);
            if (status >= 500 || (status >= 400 && !problem)) faults.Add($"GET {path}: {status}{(problem ? "" : " without a problem")}");
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
        using var state = await api.Client.GetAsync(new Uri($"/api/provinces/limburg?{query}", UriKind.Relative));
        Assert.True(state.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)state.StatusCode} {await state.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task The_end_of_the_last_day_on_the_recorded_basis_is_the_record_as_it_is_now()
    {
        var head = await api.Silo.CountEventsAsync();
        using var lastDay = await api.Client.GetAsync(new Uri("/api/provinces/limburg?asOf=9999-12-31&basis=recorded", UriKind.Relative));
        using var now = await api.Client.GetAsync(new Uri($"/api/provinces/limburg?atPosition={head}", UriKind.Relative));

        Assert.True(lastDay.StatusCode == HttpStatusCode.OK, $"{(int)lastDay.StatusCode} {await lastDay.Content.ReadAsStringAsync()}");
        Assert.Equal(now.Headers.GetValues("X-As-Of-Position").Single(), lastDay.Headers.GetValues("X-As-Of-Position").Single());
        Assert.Equal(await now.Content.ReadAsStringAsync(), await lastDay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_openid_connect_the_oidc_route_is_a_404_problem()
    {
        using var anonymous = api.Silo.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(new Uri("/auth/oidc?returnUrl=/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("urn:provmon:problem:not-found", (await response.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_fault_is_a_500_problem_of_the_silos_own_type_with_the_security_headers_and_no_details()
    {
        await using var silo = SiloFactory.Embedded();
        await using var faulty = silo.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, FaultAtTheEnd>()));
        using var client = faulty.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SiloFactory.AdminKey);

        using var response = await client.GetAsync(new Uri(FaultAtTheEnd.Path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:provmon:problem:fault", JsonDocument.Parse(text).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain(FaultAtTheEnd.Secret, text, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>A route of the tests only, after every route of the silo, that throws: a fault the silo did not foresee.</summary>
    private sealed class FaultAtTheEnd : IStartupFilter
    {
        public const string Path = "/test-only/fault";
        public const string Secret = "a detail that must not leave the silo";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, after) => context.Request.Path == Path ? throw new InvalidOperationException(Secret) : after(context));
        };
    }

    /// <summary>The status, whether a 4xx or 5xx came as a problem document, and that a refusal stored nothing.</summary>
    private async Task<(int Status, bool Problem)> RefusedAsync(string method, string path, string? body)
    {
        var before = await api.Silo.CountEventsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null && method == "POST") request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        // Headers only: some routes stream (the Orleans dashboard's trace) and never end.
        using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        if (status >= 400) Assert.True(before == await api.Silo.CountEventsAsync(), $"{method} {path}: {status}, and the log moved");
        return (status, method == "HEAD" || response.Content.Headers.ContentType?.MediaType == "application/problem+json");
    }
}
