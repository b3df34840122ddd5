using System.Net;
using System.Text;

namespace ProvincialMonitor.Web.Tests;

/// <summary>Every kind of bad input is refused whole, with its status and a problem naming the field, and writes nothing.</summary>
public sealed class BadInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private string Subsidies => api.Fill("/api/projects/{project}/subsidies");

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Problem)> RefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = await api.Silo.CountEventsAsync();
        var response = await send();
        var problem = await response.JsonAsync();
        Assert.Equal(before, await api.Silo.CountEventsAsync());
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("urn:provmon:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return (response, problem);
    }

    [Theory]
    [InlineData("""{"grantRef":"B-1","amount":""", "amount")]
    [InlineData("""{"grantRef":"B-1","ammount":100,"funder":"province"}""", "ammount")]
    [InlineData("""{"grantRef":"B-1","funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":"a lot","funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":100.001,"funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":-5,"funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":100,"funder":"bank"}""", "funder")]
    [InlineData("""{"grantRef":"B-1","amount":100,"funder":"province","effectiveDate":"2099-01-01"}""", "effectiveDate")]
    [InlineData("""{"grantRef":"B-1","amount":100,"funder":"province","effectiveDate":"31/12/2025"}""", "effectiveDate")]
    [InlineData("""[1,2,3]""", "body")]
    [InlineData("""null""", "body")]
    public async Task Invalid_input_is_a_400_that_names_the_field(string body, string field)
    {
        var (response, problem) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>Strict JSON: names are camelCase and case-sensitive, numbers are never read from strings, a member given twice is refused.</summary>
    [Theory]
    [InlineData("""{"grantRef":"B-1","amount":1,"Amount":999999,"funder":"province"}""", "Amount")]
    [InlineData("""{"GrantRef":"B-1","amount":1,"funder":"province"}""", "GrantRef")]
    [InlineData("""{"grantRef":"B-1","amount":"100","funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":1,"amount":2,"funder":"province"}""", "amount")]
    [InlineData("""{"grantRef":"B-1","amount":1,"funder":"province","funder":"eu"}""", "funder")]
    public async Task Json_is_read_strictly(string body, string field)
    {
        var (response, problem) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        var (response, _) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_content_type_is_a_415()
    {
        var (response, _) = await RefusedAsync(() => api.Client.PostAsync(new Uri(Subsidies, UriKind.Relative),
            new StringContent("grantRef=B-1&amount=100", Encoding.UTF8, "application/x-www-form-urlencoded")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_a_413()
    {
        var huge = $$"""{"grantRef":"B-1","amount":100,"funder":"province","decisionRef":"{{new string('x', 300_000)}}"}""";
        var (response, _) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_project_is_a_404()
    {
        var (response, _) = await RefusedAsync(() => api.Client.PostJsonAsync("/api/projects/01a00000-0000-7000-8000-000000000000/subsidies",
            """{"grantRef":"B-1","amount":100,"funder":"province"}"""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_violated_rule_is_a_409()
    {
        var (response, problem) = await RefusedAsync(() => api.Client.PostJsonAsync(api.Fill("/api/projects/{project}/payments"),
            """{"grantRef":"FIX-G","amount":999999,"paymentRef":"P-X"}"""));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("FIX-G", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_carries_the_code_and_arguments_of_its_refusal()
    {
        var (_, rule) = await RefusedAsync(() => api.Client.PostJsonAsync(api.Fill("/api/projects/{project}/payments"),
            """{"grantRef":"FIX-G","amount":999999,"paymentRef":"P-X"}"""));
        Assert.Equal("grant.overpaid", rule.GetProperty("code").GetString());
        Assert.Equal("FIX-G", rule.GetProperty("arguments").GetProperty("grantRef").GetString());
        Assert.Equal("999999.00", rule.GetProperty("arguments").GetProperty("amount").GetString());

        var (_, fields) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, """{"grantRef":"B-1","amount":-5,"funder":"province"}"""));
        Assert.Equal("request.invalid", fields.GetProperty("code").GetString());
        Assert.Equal("must be more than zero", fields.GetProperty("errors").GetProperty("amount")[0].GetString());
        var error = Assert.Single(fields.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("amount", "field.not-positive"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_stale_if_match_is_a_412_and_a_malformed_one_a_400()
    {
        var (stale, _) = await RefusedAsync(() => api.Client.PostJsonAsync(api.Fill("/api/projects/{project}/milestones"),
            """{"milestone":"Stale"}""", ("If-Match", "\"1\"")));
        var (malformed, _) = await RefusedAsync(() => api.Client.PostJsonAsync(api.Fill("/api/projects/{project}/milestones"),
            """{"milestone":"Stale"}""", ("If-Match", "yesterday")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task An_idempotent_retry_stores_nothing_new_and_a_reused_key_is_a_422()
    {
        var key = ("Idempotency-Key", $"grant-{Guid.NewGuid():N}");
        const string body = """{"grantRef":"IDEM-1","amount":250,"funder":"pom"}""";
        var first = await api.Client.PostJsonAsync(Subsidies, body, key);
        var count = await api.Silo.CountEventsAsync();

        var retry = await api.Client.PostJsonAsync(Subsidies, "{ \"funder\": \"pom\", \"amount\": 250.00, \"grantRef\": \"IDEM-1\" }", key);
        var (reused, _) = await RefusedAsync(() => api.Client.PostJsonAsync(Subsidies, """{"grantRef":"IDEM-2","amount":250,"funder":"pom"}""", key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.JsonAsync()).GetProperty("position").GetInt64(), (await retry.JsonAsync()).GetProperty("position").GetInt64());
        Assert.Equal(count, await api.Silo.CountEventsAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Fact]
    public async Task Unknown_reads_are_404_problems()
    {
        foreach (var path in new[] { "/api/projects/nope", "/api/projects/nope/events", "/api/clusters/nope", "/api/provinces/brussel", "/api/projects/by-ref/limburg/NOPE" })
        {
            var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("urn:provmon:problem:not-found", (await response.JsonAsync()).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task An_empty_idempotency_key_is_a_400_and_claims_nothing()
    {
        var (response, problem) = await RefusedAsync(() => api.Client.PostJsonAsync("/api/projects",
            """{"title":"Leeg","externalRef":"EMPTY-KEY","leadProvince":"limburg","domain":"labour-market"}""", ("Idempotency-Key", " ")));
        var registered = await api.Client.PostJsonAsync("/api/projects", """{"title":"Leeg","externalRef":"EMPTY-KEY","leadProvince":"limburg","domain":"labour-market"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Theory]
    [InlineData("""{"eventId":"{grantEvent}","changes":[{"field":"grantRef","newValue":"\ud800"}],"reason":"x"}""")]
    [InlineData("""{"indicatorCode":"gdp","value":79228162514264337593543950335,"unit":"eur-million","period":"2025","source":"x"}""")]
    [InlineData("""{"indicatorCode":"gdp","value":1234567890.123456789,"unit":"eur-million","period":"2025","source":"x"}""")]
    public async Task Text_and_numbers_that_cannot_be_stored_exactly_are_a_400(string body)
    {
        var route = body.Contains("eventId", StringComparison.Ordinal) ? api.Fill("/api/projects/{project}/corrections") : "/api/provinces/limburg/indicators";
        var (response, _) = await RefusedAsync(() => api.Client.PostJsonAsync(route, api.Fill(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400()
    {
        var content = new ByteArrayContent([(byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var (response, _) = await RefusedAsync(() => api.Client.PostAsync(new Uri(api.Fill("/api/projects/{project}/partners"), UriKind.Relative), content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_unavailable_refusal_maps_to_503_with_retry_after()
    {
        var result = ProvincialMonitor.Silo.Api.Problems.From(Contracts.Commands.Refusal.Of(Contracts.Commands.Refusals.StoreUnavailable));
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = api.Silo.Services };
        context.Response.Body = new MemoryStream();

        await result.ExecuteAsync(context);

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }
}
